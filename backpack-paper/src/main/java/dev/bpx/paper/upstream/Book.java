package dev.bpx.paper.upstream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One upstream order book, rebuilt from a REST snapshot and kept by the depth stream's deltas under
 * the AsyncAPI spec's rule: a delta carries absolute quantities (0 removes the level) for the update
 * ids {@code U..u}, and {@code U} must follow the book's last id. A delta wholly at or before the
 * book's id is old news (skipped); one that starts after the next id means deltas were missed, and the
 * book must be fetched again. One that overlaps the book's id (the snapshot was taken in the middle of
 * it) is applied: its quantities are absolute, so re-applying the part already in the snapshot is
 * harmless. Not thread-safe; the mirror guards it.
 */
final class Book {
  /** What {@link #apply} did with a delta. */
  enum Result { APPLIED, OLD, GAP }

  private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
  private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
  private long lastUpdateId = -1;

  /** {@return whether a snapshot was ever loaded} */
  boolean loaded() {
    return lastUpdateId >= 0;
  }

  long lastUpdateId() {
    return lastUpdateId;
  }

  /** Replaces the whole book by a REST snapshot. */
  void reset(List<Level> askLevels, List<Level> bidLevels, long updateId) {
    asks.clear();
    bids.clear();
    put(asks, askLevels);
    put(bids, bidLevels);
    lastUpdateId = updateId;
  }

  /** Applies one delta for the update ids {@code first..last} if it follows the book; see the class. */
  Result apply(long first, long last, List<Level> askChanges, List<Level> bidChanges) {
    if (!loaded() || first > lastUpdateId + 1) {
      return Result.GAP;
    }
    if (last <= lastUpdateId) {
      return Result.OLD;
    }
    put(asks, askChanges);
    put(bids, bidChanges);
    lastUpdateId = last;
    return Result.APPLIED;
  }

  BookSnapshot snapshot(String symbol, long receivedMillis) {
    return new BookSnapshot(symbol, levels(asks), levels(bids), lastUpdateId, receivedMillis);
  }

  private static void put(TreeMap<BigDecimal, BigDecimal> side, List<Level> levels) {
    for (Level l : levels) {
      if (l.quantity().signum() == 0) {
        side.remove(l.price());
      } else {
        side.put(l.price(), l.quantity());
      }
    }
  }

  private static List<Level> levels(TreeMap<BigDecimal, BigDecimal> side) {
    List<Level> out = new ArrayList<>(side.size());
    for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
      out.add(new Level(e.getKey(), e.getValue()));
    }
    return out;
  }
}
