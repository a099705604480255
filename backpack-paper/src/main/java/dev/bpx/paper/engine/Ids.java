package dev.bpx.paper.engine;

import java.util.List;

/**
 * Deterministic id counters, so that replaying the journal hands out the same ids. Order ids
 * are ten-digit numbers like the live exchange's. The market maker's quotes count apart, in a
 * range of their own: reads advance the clock without being journaled, and each advance may
 * requote the maker, so how many quotes there were depends on when reads came; the ids users are
 * told must not. Engine-owned, not thread-safe.
 */
public final class Ids {
  long order = 4_200_000_000L;
  long makerOrder = 7_000_000_000_000L;
  long trade = 9_000_000L;
  long position = 5_400_000_000L;
  long sequence;

  /** {@return the counters, for a snapshot: order, trade, position, sequence, maker order} */
  public List<Long> values() {
    return List.of(order, trade, position, sequence, makerOrder);
  }

  /** Sets the counters from a snapshot; {@code makerOrder} null keeps the default (older snapshots). */
  public void restore(long order, long trade, long position, long sequence, Long makerOrder) {
    this.order = order;
    this.trade = trade;
    this.position = position;
    this.sequence = sequence;
    if (makerOrder != null) {
      this.makerOrder = makerOrder;
    }
  }

  public long nextOrder() {
    return ++order;
  }

  /** {@return an id for one of the market maker's quotes, never shown to a user} */
  public long nextMakerOrder() {
    return ++makerOrder;
  }

  /**
   * {@return the next id of the trade counter shared by all markets: the numbering of states made before journal
   * version 6, used only while such a state replays ({@link TradeIds}); frozen after, and kept in the snapshot}
   */
  public long nextTrade() {
    return ++trade;
  }

  public long nextPosition() {
    return ++position;
  }

  public long nextSequence() {
    return ++sequence;
  }
}
