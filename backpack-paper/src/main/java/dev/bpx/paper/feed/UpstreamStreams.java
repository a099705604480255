package dev.bpx.paper.feed;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.store.JournaledEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Upstream mode's public streams: passes the upstream's frames on, with the users' resting orders
 * merged into {@code depth} (each level the upstream reports carries the users' quantity at that price
 * too, so a book kept from the REST snapshot, which is merged the same way, stays equal to it at every
 * level the upstream touches) and {@code bookTicker} (the better of the upstream's top and the users' best
 * order; their quantities added at an equal price). Update ids stay the upstream's. Frames nobody
 * subscribes to are not touched. Thread-safe.
 */
public final class UpstreamStreams implements BiConsumer<String, String> {
  private final JournaledEngine store;
  private final Predicate<String> subscribed;
  private final BiConsumer<String, String> publish;

  /**
   * @param subscribed whether a stream has subscribers
   * @param publish sends {@code (stream, data JSON)} to them
   */
  public UpstreamStreams(JournaledEngine store, Predicate<String> subscribed, BiConsumer<String, String> publish) {
    this.store = store;
    this.subscribed = subscribed;
    this.publish = publish;
  }

  @Override
  public void accept(String stream, String data) {
    if (!subscribed.test(stream)) {
      return;
    }
    boolean depth = stream.startsWith("depth.");
    boolean top = stream.startsWith("bookTicker.");
    if (!depth && !top) {
      publish.accept(stream, data);
      return;
    }
    String symbol = stream.substring(stream.indexOf('.') + 1);
    OwnLevels own = store.peek(e -> OwnLevels.of(e, symbol));
    if (own.isEmpty() || !(Json.parse(data) instanceof Map<?, ?> parsed)) {
      publish.accept(stream, data);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> frame = (Map<String, Object>) parsed;
    if (depth) {
      frame.put("a", merged(frame.get("a"), own, Side.Ask));
      frame.put("b", merged(frame.get("b"), own, Side.Bid));
    } else {
      top(frame, own, Side.Ask, "a", "A");
      top(frame, own, Side.Bid, "b", "B");
    }
    publish.accept(stream, Json.write(frame));
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
