package dev.bpx.paper.market;

import java.util.List;

/**
 * The market data of an engine that follows an upstream exchange: a price that holds until a journaled
 * command sets it. Steps move nothing, there is no flow and no history (the upstream's own history is
 * served from the mirror, never from the engine). Deterministic by construction, so a replay of the
 * same commands rebuilds the same prices. Not thread-safe; owned by the engine thread.
 */
public final class HeldPrice implements MarketDataSource {
  private long ticks;
  private long step;

  /**
   * Starts at one tick whatever the spec says: the upstream's price at start is not journaled, so the
   * start must not depend on it. Every price an account is valued or traded at arrives later, journaled.
   */
  public HeldPrice(MarketSpec spec) {
    this.ticks = 1;
  }

  /** {@return a factory of held prices} */
  public static Factory factory() {
    return (spec, birthMillis) -> new HeldPrice(spec);
  }

  @Override
  public long ticks() {
    return ticks;
  }

  @Override
  public long next() {
    step++;
    return ticks;
  }

  @Override
  public void set(long ticks) {
    this.ticks = ticks;
  }

  @Override
  public long step() {
    return step;
  }

  @Override
  public void restore(long steps, long ticks) {
    this.step = steps;
    this.ticks = ticks;
  }

  /** No noise: an upstream market's funding rate comes from the upstream, journaled. */
  @Override
  public long noise(long index, long lo, long hi) {
    return 0;
  }

  @Override
  public List<Candles.Bucket> history() {
    return List.of();
  }
}
