package dev.bpx.paper.simulation;

import dev.bpx.paper.market.MarketDataSource;
import java.util.SplittableRandom;

/**
 * A seeded random walk of a market's price in whole ticks, one step per second of exchange time.
 *
 * <p>The move at step {@code n} depends only on the seed, the market and {@code n} (a fresh
 * {@link SplittableRandom} per step, seeded from those three), so the same seed gives the same
 * tape however the steps are batched, and the walk's whole state is two longs. No floating
 * point is involved: a move is the sum of two uniform integers in {@code [-m, m]} ticks, where
 * {@code m} is the market's volatility in basis points of the current price.
 *
 * <p>Not thread-safe; owned by the engine thread.
 */
final class PriceWalk {
  public static final long STEP_MILLIS = MarketDataSource.STEP_MILLIS;

  private final long seed;
  private final int volatilityBps;
  private final long minTicks;
  private long step;
  private long ticks;

  public PriceWalk(long seed, String symbol, int volatilityBps, long startTicks, long minTicks) {
    this.seed = seed ^ ((long) symbol.hashCode() * 0x9E3779B97F4A7C15L);
    this.volatilityBps = volatilityBps;
    this.ticks = startTicks;
    this.minTicks = Math.max(1, minTicks);
  }

  /** {@return the number of steps taken so far} */
  public long step() {
    return step;
  }

  /** {@return the current price in ticks} */
  public long ticks() {
    return ticks;
  }

  /** Takes the next step and returns the new price in ticks. */
  public long next() {
    step++;
    long m = Math.max(1, ticks * volatilityBps / 10_000);
    SplittableRandom r = new SplittableRandom(seed + step * 0xBF58476D1CE4E5B9L);
    long move = r.nextLong(-m, m + 1) + r.nextLong(-m, m + 1);
    ticks = Math.max(minTicks, ticks + move);
    return ticks;
  }

  /** Restores the walk's whole state (snapshot restore). */
  public void restore(long steps, long priceTicks) {
    this.step = steps;
    this.ticks = priceTicks;
  }

  /** Moves the price to a given value (control API); later steps continue from there. */
  public void set(long newTicks) {
    ticks = Math.max(minTicks, newTicks);
  }

  /** A seeded integer in {@code [lo, hi]} for step-indexed side values such as funding noise. */
  public long noise(long index, long lo, long hi) {
    return new SplittableRandom(seed ^ (index * 0x94D049BB133111EBL)).nextLong(lo, hi + 1);
  }
}
