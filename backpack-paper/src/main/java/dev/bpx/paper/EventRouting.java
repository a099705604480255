package dev.bpx.paper;

import dev.bpx.paper.events.EventSink;
import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.feed.DepthIds;
import dev.bpx.paper.feed.UpstreamStreams;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.UpstreamMirror;
import dev.bpx.paper.ws.EventFrames;
import dev.bpx.paper.ws.WsFront;

/**
 * Where the engine's events go: to the WebSocket as frames; on real prices only the accounts' own events, since
 * the public streams are the upstream's, passed on by the mirror; and to a builder's extra sink.
 */
final class EventRouting {
  private EventRouting() {}

  /**
   * {@return the sink for the engine's events, null when nobody takes them}
   *
   * @param ws the WebSocket side, or null
   * @param mirror the upstream's mirror, or null on simulated prices
   * @param extra a builder's own sink, or null
   */
  static EventSink of(WsFront ws, UpstreamMirror mirror, JournaledEngine store, DepthIds depthIds, EventSink extra) {
    EventSink sink = ws == null ? null : new EventFrames(ws);
    if (sink != null && mirror != null) {
      // The engine's book holds the upstream's levels only as journaled slices: its public market-data
      // events would describe those, not the market. Accounts' own events go out as always; the
      // public streams are the upstream's, passed on by the mirror.
      EventSink frames = sink;
      EventSink accounts = events -> frames.accept(events.stream().filter(EventRouting::isAccountEvent).toList());
      UpstreamStreams streams = new UpstreamStreams(store, ws::hasSubscribers, ws::publish, mirror, depthIds);
      mirror.onFrame(streams);
      sink = events -> {
        accounts.accept(events);
        streams.accountEvents(events); // the users' resting orders changed levels: shown at once
      };
    }
    if (extra != null) {
      EventSink frames = sink;
      sink = frames == null ? extra : events -> {
        frames.accept(events);
        extra.accept(events);
      };
    }
    return sink;
  }

  private static boolean isAccountEvent(StreamEvent e) {
    return e instanceof StreamEvent.OrderUpdate || e instanceof StreamEvent.PositionUpdate;
  }
}
