package dev.bpx.paper.feed;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.upstream.BookSnapshot;
import dev.bpx.paper.upstream.Level;
import dev.bpx.paper.upstream.UpstreamMirror;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.store.JournaledEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Upstream mode's public streams: passes the upstream's frames on, with the users' resting orders
 * merged into {@code depth} (each level the upstream reports carries the users' quantity at that price
 * too, so a book kept from the REST snapshot, which is merged the same way, stays equal to it at every
 * level the upstream touches) and {@code bookTicker} (the better of the upstream's top and the users' best
 * order; their quantities added at an equal price). When the users' resting orders change a level
 * ({@link #accountEvents}), a {@code depth} frame of that level (the upstream's quantity there plus the users') and a
 * {@code bookTicker} go out at once, rather than when the upstream next reports the level. Update ids are the
 * upstream's in {@link DepthIds}' numbering, which leaves room for those frames between the upstream's. Frames
 * nobody subscribes to are not touched. Thread-safe.
 */
public final class UpstreamStreams implements BiConsumer<String, String> {
  private final JournaledEngine store;
  private final Predicate<String> subscribed;
  private final BiConsumer<String, String> publish;
  private final UpstreamMirror mirror;
  private final DepthIds ids;
  /** Per symbol, the users' levels as the last frames of our own showed them. */
  private final Map<String, OwnLevels> shown = new HashMap<>();

  /**
   * @param subscribed whether a stream has subscribers
   * @param publish sends {@code (stream, data JSON)} to them
   * @param mirror the upstream's books, for the upstream's quantity at a level the users changed
   * @param ids the merged book's update ids, shared with REST {@code /depth}
   */
  public UpstreamStreams(JournaledEngine store, Predicate<String> subscribed, BiConsumer<String, String> publish,
                         UpstreamMirror mirror, DepthIds ids) {
    this.store = store;
    this.subscribed = subscribed;
    this.publish = publish;
    this.mirror = mirror;
    this.ids = ids;
  }

  @Override
  public synchronized void accept(String stream, String data) {
    if (!subscribed.test(stream)) {
      return;
    }
    boolean depth = stream.startsWith("depth.");
    boolean top = stream.startsWith("bookTicker.");
    if (!depth && !top) {
      publish.accept(stream, data);
      return;
    }
    String symbol = stream.substring(stream.lastIndexOf('.') + 1);
    if (!(Json.parse(data) instanceof Map<?, ?> parsed)) {
      publish.accept(stream, data);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> frame = (Map<String, Object>) parsed;
    if (depth && frame.get("U") instanceof BigDecimal first && frame.get("u") instanceof BigDecimal last) {
      long[] renumbered = ids.upstream(symbol, first.longValueExact(), last.longValueExact());
      frame.put("U", renumbered[0]);
      frame.put("u", renumbered[1]);
    } else if (top && frame.get("u") instanceof String u) {
      frame.put("u", Long.toString(Long.parseLong(u) * DepthIds.SCALE));
    }
    OwnLevels own = store.peek(e -> OwnLevels.of(e, symbol));
    if (own.isEmpty()) {
      publish.accept(stream, Json.write(frame));
      return;
    }
    if (depth) {
      frame.put("a", merged(frame.get("a"), own, Side.Ask));
      frame.put("b", merged(frame.get("b"), own, Side.Bid));
    } else {
      top(frame, own, Side.Ask, "a", "A");
      top(frame, own, Side.Bid, "b", "B");
    }
    publish.accept(stream, Json.write(frame));
  }

  /**
   * The users' orders changed (the engine's account events of one batch, after it is durable and readable): for
   * each market whose users' levels changed, a {@code depth} frame of the changed levels with the upstream's
   * quantity there added, and a {@code bookTicker} of the merged top, to the subscribers of {@code depth.S} and
   * {@code bookTicker.S}. Called on the engine's writer.
   */
  public synchronized void accountEvents(List<StreamEvent> events) {
    java.util.Set<String> symbols = new java.util.LinkedHashSet<>();
    long time = 0;
    for (StreamEvent e : events) {
      if (e instanceof StreamEvent.OrderUpdate u && u.order() != null && u.order().symbol() != null) {
        symbols.add(u.order().symbol());
        time = Math.max(time, u.time());
      }
    }
    for (String symbol : symbols) {
      boolean depth = subscribed.test("depth." + symbol);
      boolean top = subscribed.test("bookTicker." + symbol);
      if (!depth && !top) {
        continue;
      }
      OwnLevels now = store.peek(e -> OwnLevels.of(e, symbol));
      OwnLevels before = shown.getOrDefault(symbol, new OwnLevels(Map.of(), Map.of()));
      BookSnapshot book = mirror.book(symbol).orElse(null);
      MarketSpec spec = mirror.markets().stream().filter(m -> m.symbol().equals(symbol)).findFirst().orElse(null);
      if (book == null || spec == null || now.equals(before)) {
        continue;
      }
      long id = ids.next(symbol);
      if (id < 0) {
        continue; // no upstream id to number after yet, or no room: the upstream's next report shows the level
      }
      shown.put(symbol, now);
      long micros = time * 1000;
      if (depth) {
        JsonWriter w = new JsonWriter().beginObject().field("e", "depth").field("E", micros).field("s", symbol);
        changed(w.name("a"), spec, book.asks(), before, now, Side.Ask);
        changed(w.name("b"), spec, book.bids(), before, now, Side.Bid);
        publish.accept("depth." + symbol, w.field("U", id).field("u", id).field("T", micros).endObject().toString());
      }
      if (top) {
        Map<String, Object> frame = new java.util.LinkedHashMap<>();
        frame.put("e", "bookTicker");
        frame.put("E", micros);
        frame.put("s", symbol);
        if (!book.asks().isEmpty()) {
          frame.put("a", book.asks().get(0).price().toPlainString());
          frame.put("A", book.asks().get(0).quantity().toPlainString());
        }
        if (!book.bids().isEmpty()) {
          frame.put("b", book.bids().get(0).price().toPlainString());
          frame.put("B", book.bids().get(0).quantity().toPlainString());
        }
        top(frame, now, Side.Ask, "a", "A");
        top(frame, now, Side.Bid, "b", "B");
        frame.put("u", Long.toString(id));
        frame.put("T", micros);
        publish.accept("bookTicker." + symbol, Json.write(frame));
      }
    }
  }

  /** Writes the levels of one side whose users' quantity changed, each with the upstream's quantity there added. */
  private static void changed(JsonWriter w, MarketSpec spec, List<Level> upstream, OwnLevels before, OwnLevels now,
                              Side side) {
    java.util.Set<BigDecimal> prices = new java.util.TreeSet<>();
    prices.addAll((side == Side.Ask ? before.asks() : before.bids()).keySet());
    prices.addAll((side == Side.Ask ? now.asks() : now.bids()).keySet());
    w.beginArray();
    for (BigDecimal price : prices) {
      if (before.at(side, price).compareTo(now.at(side, price)) == 0) {
        continue;
      }
      BigDecimal theirs = BigDecimal.ZERO;
      for (Level l : upstream) {
        if (l.price().compareTo(price) == 0) {
          theirs = l.quantity();
        }
      }
      BigDecimal total = theirs.add(now.at(side, price));
      w.beginArray().value(spec.price(price).toPlainString())
          .value(total.setScale(Math.max(spec.quantityScale(), total.stripTrailingZeros().scale())).toPlainString())
          .endArray();
    }
    w.endArray();
  }

  private static List<Object> merged(Object levels, OwnLevels own, Side side) {
    List<Object> out = new ArrayList<>();
    if (!(levels instanceof List<?> rows)) {
      return out;
    }
    for (Object row : rows) {
      List<?> pair = (List<?>) row;
      BigDecimal price = new BigDecimal((String) pair.get(0));
      BigDecimal quantity = new BigDecimal((String) pair.get(1)).add(own.at(side, price));
      out.add(List.of(pair.get(0), quantity.toPlainString()));
    }
    return out;
  }

  private static void top(Map<String, Object> frame, OwnLevels own, Side side, String priceKey, String quantityKey) {
    Map<BigDecimal, BigDecimal> levels = side == Side.Ask ? own.asks() : own.bids();
    if (levels.isEmpty()) {
      return;
    }
    BigDecimal mine = side == Side.Ask ? levels.keySet().stream().min(BigDecimal::compareTo).orElseThrow()
        : levels.keySet().stream().max(BigDecimal::compareTo).orElseThrow();
    Object theirs = frame.get(priceKey);
    int c = theirs == null ? -1 : mine.compareTo(new BigDecimal((String) theirs)) * (side == Side.Ask ? 1 : -1);
    if (c < 0) {
      frame.put(priceKey, mine.toPlainString());
      frame.put(quantityKey, levels.get(mine).toPlainString());
    } else if (c == 0) {
      frame.put(quantityKey, new BigDecimal((String) frame.get(quantityKey)).add(levels.get(mine)).toPlainString());
    }
  }
}
