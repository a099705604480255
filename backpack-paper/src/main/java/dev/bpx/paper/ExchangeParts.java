package dev.bpx.paper;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.PositionEvents;
import dev.bpx.paper.events.EventSink;
import dev.bpx.paper.feed.DepthIds;
import dev.bpx.paper.feed.UpstreamGate;
import dev.bpx.paper.http.HttpFront;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.UpstreamMirror;
import dev.bpx.paper.ws.WsFront;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The running parts of a {@link PaperExchange}, in the order they start: the upstream side (real prices only),
 * the engine opened from its state, the HTTP front, the WebSocket front (when asked for), the routes of the
 * engine's events and the upstream pump. A part that fails to start closes those started before it, and
 * {@link #close} stops them in reverse, so that nothing feeds a part already stopped.
 *
 * @param clock the exchange clock
 * @param upstream the upstream side, null on simulated prices
 * @param store the engine and its journal
 * @param stateFile the state file, null in memory
 * @param http the REST front
 * @param ws the WebSocket front, null unless {@link PaperExchange.Builder#webSocketPort} asked for it
 */
record ExchangeParts(PaperClock clock, UpstreamSide upstream, JournaledEngine store, Path stateFile, HttpFront http,
    WsFront ws) implements AutoCloseable {

  /** Starts the parts a builder describes; returns once the ports are bound. */
  static ExchangeParts start(PaperExchange.Builder b) {
    PaperClock clock = b.clock != null ? b.clock : PaperClock.system();
    UpstreamSide upstream = b.upstream == null ? null : UpstreamSide.open(b.upstream, b.staleAfter);
    UpstreamMirror mirror = upstream == null ? null : upstream.mirror();
    List<AutoCloseable> started = new java.util.ArrayList<>();
    if (upstream != null) {
      started.add(upstream);
    }
    try {
      OpenedState opened = OpenedState.open(b, mirror, clock);
      JournaledEngine store = opened.store();
      started.add(store);
      DepthIds depthIds = new DepthIds();
      HttpFront http = new HttpFront(store, clock, b.port, b.controlApi, millis -> advance(store, clock, millis),
          mirror, mirror == null ? null : new UpstreamGate(mirror, store, upstream.staleAfterMillis()), depthIds);
      started.add(http);
      WsFront ws = b.webSocketPort < 0 ? null
          : startWebSocket(b.webSocketPort, store, clock, mirror == null ? b.markets : mirror.markets());
      if (ws != null) {
        started.add(ws);
      }
      EventSink sink = EventRouting.of(ws, mirror, store, depthIds, b.eventSink);
      if (sink != null) {
        // After the journal replay: a replay publishes nothing, the streams continue from here.
        store.publishTo(sink);
      }
      if (upstream != null) {
        upstream.startPump(store, clock, b.pumpInterval.toMillis());
      }
      return new ExchangeParts(clock, upstream, store, opened.stateFile(), http, ws);
    } catch (RuntimeException e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        closeQuietly(started.get(i), e);
      }
      throw e;
    }
  }

  private static WsFront startWebSocket(int port, JournaledEngine store, PaperClock clock, List<MarketSpec> markets) {
    return WsFront.builder(clock).port(port)
        .symbols(markets.stream().map(MarketSpec::symbol).collect(Collectors.toSet()))
        .openPositions((account, symbol) -> store.read(clock.millis(), null,
            view -> PositionEvents.openPositions(view, account, symbol)))
        .pulse(() -> store.pulse(clock.millis())) // time moves for subscribers, nothing journaled
        .start();
  }

  /** Advances exchange time: the clock here, and journaled, so that a replay passes the same time. */
  void advanceMillis(long millis) {
    advance(store, clock, millis);
  }

  private static void advance(JournaledEngine store, PaperClock clock, long millis) {
    clock.advance(Duration.ofMillis(millis));
    store.submit(new TimedCommand(clock.millis(), new Command.SetClock(clock.offsetMillis())));
  }

  private static void closeQuietly(AutoCloseable part, RuntimeException failure) {
    try {
      part.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  /** Stops the pump and mirror first (they feed the engine), then the fronts, then the engine and its journal. */
  @Override
  public void close() {
    if (upstream != null) {
      upstream.close();
    }
    if (ws != null) {
      ws.close();
    }
    http.close();
    store.close();
  }
}
