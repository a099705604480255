package dev.bpx.paper.engine;

import dev.bpx.paper.events.StreamEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One market's aggregated depth streams, {@code depth.<200ms|600ms|1000ms>.<symbol>}: the spec's "updates are
 * buffered and emitted on a fixed interval". The realtime deltas of each window of exchange time (aligned to the
 * epoch, so every subscriber sees the same windows) are merged, each level keeping its last quantity, and sent
 * as one event once the window has ended: {@code U} the window's first delta's, {@code u} its last one's. A
 * client applying them to a REST snapshot by the {@code U}/{@code u} rule gets the REST book, as with the
 * realtime stream, since a window's last quantity per level is what the realtime deltas would have left.
 *
 * <p>A window ends when exchange time passes it: on the writer, at the next command, read or pulse
 * ({@code JournaledEngine.pulse}), which {@link MarketFeed} calls {@link #flush} at before adding its own delta,
 * so every delta lands in the window of its engine time. Not thread-safe: the writer's.
 */
final class DepthWindows {
  /** The spec's aggregations, with their windows in milliseconds. */
  static final Map<String, Long> AGGREGATIONS = Map.of("200ms", 200L, "600ms", 600L, "1000ms", 1000L);

  private final List<Window> windows = new ArrayList<>();

  /** One aggregation's window in progress. */
  private static final class Window {
    final String aggregation;
    final long millis;
    /** The window's number (start / millis), or {@code Long.MIN_VALUE} when nothing is pending. */
    long index = Long.MIN_VALUE;
    long firstUpdateId;
    long lastUpdateId;
    long time;
    final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();

    Window(String aggregation, long millis) {
      this.aggregation = aggregation;
      this.millis = millis;
    }
  }

  DepthWindows() {
    // Shortest first: the order their events come out in when several windows end together.
    AGGREGATIONS.entrySet().stream().sorted(Map.Entry.comparingByValue())
        .forEach(a -> windows.add(new Window(a.getKey(), a.getValue())));
  }

  /** Appends the merged event of every window with changes that ended at or before {@code now}. */
  void flush(String symbol, long now, List<StreamEvent> out) {
    for (Window w : windows) {
      if (w.index != Long.MIN_VALUE && (w.index + 1) * w.millis <= now) {
        StreamEvent.Depth merged = new StreamEvent.Depth(symbol, levels(w.asks), levels(w.bids), w.firstUpdateId,
            w.lastUpdateId, w.time);
        out.add(new StreamEvent.AggregatedDepth(w.aggregation, merged));
        w.index = Long.MIN_VALUE;
        w.asks.clear();
        w.bids.clear();
      }
    }
  }

  /** Adds a realtime delta to each aggregation's window of its time (call {@link #flush} at that time first). */
  void add(StreamEvent.Depth d) {
    for (Window w : windows) {
      if (w.index == Long.MIN_VALUE) {
        w.index = Math.floorDiv(d.time(), w.millis);
        w.firstUpdateId = d.firstUpdateId();
      }
      // TreeMap keys compare by value, so 150.1 and 150.10 are one level, as in the book.
      d.asks().forEach(l -> w.asks.put(l.price(), l.quantity()));
      d.bids().forEach(l -> w.bids.put(l.price(), l.quantity()));
      w.lastUpdateId = d.lastUpdateId();
      w.time = d.time();
    }
  }

  private static List<StreamEvent.Level> levels(TreeMap<BigDecimal, BigDecimal> side) {
    List<StreamEvent.Level> out = new ArrayList<>(side.size());
    side.forEach((price, quantity) -> out.add(new StreamEvent.Level(price, quantity)));
    return out;
  }
}
