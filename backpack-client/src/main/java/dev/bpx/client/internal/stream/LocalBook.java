package dev.bpx.client.internal.stream;

import dev.bpx.client.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two sides of one market's book, keyed by price with {@code compareTo} (so {@code 1.0} and
 * {@code 1.00} are one level). Quantities are absolute; zero removes the level. Not thread-safe: owned
 * by one {@link BookKeeper}.
 */
final class LocalBook {
  private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
  private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

  /** Replaces both sides with a snapshot's levels. */
  void reset(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
    bids.clear();
    asks.clear();
    apply(bidLevels, askLevels);
  }

  /** Applies absolute level quantities. */
  void apply(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
    set(bids, bidLevels);
    set(asks, askLevels);
  }

  /** {@return whether the best bid is at or above the best ask} */
  boolean isCrossed() {
    return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
  }

  /** {@return the bids, best (highest) first} */
  List<PriceLevel> bids() {
    return levels(bids);
  }

  /** {@return the asks, best (lowest) first} */
  List<PriceLevel> asks() {
    return levels(asks);
  }

  private static void set(TreeMap<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
    for (PriceLevel level : levels) {
      if (level.quantity().signum() == 0) {
        side.remove(level.price());
      } else {
        side.put(level.price(), level.quantity());
      }
    }
  }

  private static List<PriceLevel> levels(TreeMap<BigDecimal, BigDecimal> side) {
    List<PriceLevel> out = new ArrayList<>(side.size());
    for (Map.Entry<BigDecimal, BigDecimal> level : side.entrySet()) {
      out.add(new PriceLevel(level.getKey(), level.getValue()));
    }
    return out;
  }
}
