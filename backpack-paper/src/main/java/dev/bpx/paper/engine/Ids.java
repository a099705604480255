package dev.bpx.paper.engine;

/**
 * Deterministic id counters, so that replaying the journal hands out the same ids. Order ids
 * are ten-digit numbers like the live exchange's. Engine-owned, not thread-safe.
 */
public final class Ids {
  long order = 4_200_000_000L;
  long trade = 9_000_000L;
  long position = 5_400_000_000L;
  long sequence;

  public long nextOrder() {
    return ++order;
  }

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
