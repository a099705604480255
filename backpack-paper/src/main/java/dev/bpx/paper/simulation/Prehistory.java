package dev.bpx.paper.simulation;

import dev.bpx.paper.market.Candles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The day of one-minute candles before the exchange's birth, so that tickers and klines have a
 * history from the first request. Generated backwards from the birth price with a seeded walk of
 * one step per minute (sized like sixty one-second steps of the live walk, integer ticks only),
 * so it costs a few thousand steps, and only when a read first reaches before birth. A pure
 * function of the seed, the asset and the market's parameters: the same seed, the same candles,
 * which is why snapshots do not store them.
 */
final class Prehistory {
  static final int MINUTES = 24 * 60;
  /** One minute of the live walk moves about sqrt(60) ≈ 8 times one step. */
  private static final long MINUTE_FACTOR = 8;

  private Prehistory() {}

  /**
   * @param birthTicks the price at birth, which closes the last candle
   * @return {@value #MINUTES} buckets ending at the birth minute, oldest first, without volume
   */
  static List<Candles.Bucket> generate(long seed, String baseSymbol, int volatilityBps, long birthTicks,
                                       long minTicks, long birthMillis) {
    long birthMinute = birthMillis - Math.floorMod(birthMillis, Candles.MINUTE);
    SplittableRandom r = new SplittableRandom(seed ^ ((long) baseSymbol.hashCode() * 0xC2B2AE3D27D4EB4FL));
    long floor = Math.max(1, minTicks);
    List<Candles.Bucket> out = new ArrayList<>(MINUTES);
    long close = birthTicks;
    for (int k = 1; k <= MINUTES; k++) {
      long m = Math.max(1, close * volatilityBps * MINUTE_FACTOR / 10_000);
      long open = Math.max(floor, close - r.nextLong(-m, m + 1) - r.nextLong(-m, m + 1));
      Candles.Bucket b = new Candles.Bucket(birthMinute - k * Candles.MINUTE, open);
      b.close = close;
      b.high = Math.max(open, close) + r.nextLong(0, m / 2 + 1);
      b.low = Math.max(floor, Math.min(open, close) - r.nextLong(0, m / 2 + 1));
      out.add(b);
      close = open;
    }
    Collections.reverse(out);
    return out;
  }
}
