package dev.bpx.paper.simulation;

import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.Print;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The day of one-minute candles before the exchange's birth, so that tickers and klines have a
 * history from the first request, and the trades inside them. Prices are generated backwards from
 * the birth price with a seeded walk of one step per minute (sized like sixty one-second steps of
 * the live walk, integer ticks only), so it costs a few thousand steps, and only when a read first
 * reaches before birth.
 *
 * <p>Each minute holds 40 to 60 trades of the {@link TakerFlow}'s sizes, at distinct seconds: the
 * first at the candle's open, the last at its close, one at its high and one at its low, the others
 * anywhere between; a trade is a buy when it ticks up. A minute's trades depend only on the seed,
 * the market and the candle, so the candles' volumes and the last trades before birth
 * ({@link #lastTrades}) are computed apart and still agree. A pure function of the seed, the market
 * and the birth time: the same seed, the same candles, which is why snapshots do not store them.
 */
final class Prehistory {
  static final int MINUTES = 24 * 60;
  /** One minute of the live walk moves about sqrt(60) ≈ 8 times one step. */
  private static final long MINUTE_FACTOR = 8;
  private static final int MIN_TRADES = 40;
  private static final int MAX_TRADES = 60;

  private final long seed;
  private final MarketSpec spec;
  private final long birthTicks;
  private final long minTicks;
  private final long birthMillis;

  /**
   * @param birthTicks the price at birth, which closes the last candle
   */
  Prehistory(long seed, MarketSpec spec, long birthTicks, long minTicks, long birthMillis) {
    this.seed = seed;
    this.spec = spec;
    this.birthTicks = birthTicks;
    this.minTicks = minTicks;
    this.birthMillis = birthMillis;
  }

  /** {@return {@value #MINUTES} buckets ending at the birth minute, oldest first, with their trades' volume} */
  List<Candles.Bucket> candles() {
    List<Candles.Bucket> out = prices(MINUTES);
    Minute t = new Minute();
    for (Candles.Bucket b : out) {
      trades(b, t);
      long steps = 0;
      long quoteUnits = 0; // ticks × steps: the quote volume in units of tickSize × stepSize
      for (int j = 0; j < t.count; j++) {
        steps += t.steps[j];
        quoteUnits = Math.addExact(quoteUnits, Math.multiplyExact(t.ticks[j], t.steps[j]));
      }
      b.volume = spec.stepSize().multiply(BigDecimal.valueOf(steps));
      b.quoteVolume = spec.tickSize().multiply(spec.stepSize()).multiply(BigDecimal.valueOf(quoteUnits));
      b.trades = t.count;
    }
    return out;
  }

  /** {@return the last {@code max} trades before birth, newest first} */
  List<Print> lastTrades(int max) {
    // The walk runs backwards from birth, so the newest minutes come first: generate only enough.
    List<Candles.Bucket> candles = prices(Math.min(MINUTES, max / MIN_TRADES + 1));
    List<Print> out = new ArrayList<>(max);
    long idOrigin = TakerFlow.idOrigin(birthMillis);
    Minute t = new Minute();
    for (int i = candles.size() - 1; i >= 0 && out.size() < max; i--) {
      trades(candles.get(i), t);
      for (int j = t.count - 1; j >= 0 && out.size() < max; j--) {
        out.add(new Print(TakerFlow.id(idOrigin, t.times[j], 0), t.times[j], t.ticks[j],
            spec.stepSize().multiply(BigDecimal.valueOf(t.steps[j])), t.buyerMaker[j]));
      }
    }
    return out;
  }

  /**
   * {@return the newest {@code minutes} candles' prices, oldest first, without volume} The same as
   * before trades were added (same seed, same prices), and the same newest candles whatever the count.
   */
  private List<Candles.Bucket> prices(int minutes) {
    long birthMinute = birthMillis - Math.floorMod(birthMillis, Candles.MINUTE);
    SplittableRandom r = new SplittableRandom(seed ^ ((long) spec.baseSymbol().hashCode() * 0xC2B2AE3D27D4EB4FL));
    long floor = Math.max(1, minTicks);
    int volatilityBps = spec.volatilityBps();
    List<Candles.Bucket> out = new ArrayList<>(minutes);
    long close = birthTicks;
    for (int k = 1; k <= minutes; k++) {
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

  /** One minute's trades, oldest first, in reused arrays (the day has about 72 000 of them). */
  private static final class Minute {
    final long[] ticks = new long[MAX_TRADES];
    final long[] steps = new long[MAX_TRADES];
    final long[] times = new long[MAX_TRADES];
    final boolean[] buyerMaker = new boolean[MAX_TRADES];
    int count;
  }

  /** Fills {@code out} with one candle's trades. */
  private void trades(Candles.Bucket b, Minute out) {
    SplittableRandom r = new SplittableRandom(
        seed ^ ((long) spec.symbol().hashCode() * 0xFF51AFD7ED558CCDL) ^ (b.start * 0xC4CEB9FE1A85EC53L));
    int n = MIN_TRADES + r.nextInt(MAX_TRADES - MIN_TRADES + 1);
    int highAt = 1 + r.nextInt(n - 2);
    int lowAt = 1 + r.nextInt(n - 3);
    if (lowAt >= highAt) {
      lowAt++;
    }
    long unit = TakerFlow.unitSteps(spec);
    long previous = b.open;
    for (int j = 0; j < n; j++) {
      long ticks = j == 0 ? b.open
          : j == n - 1 ? b.close
          : j == highAt ? b.high
          : j == lowAt ? b.low
          : r.nextLong(b.low, b.high + 1);
      boolean takerBuys = ticks != previous ? ticks > previous : r.nextBoolean();
      out.ticks[j] = ticks;
      out.steps[j] = TakerFlow.sizeSteps(r, unit);
      // n <= 60, so the seconds j * 60 / n are distinct and the ids grow with j.
      out.times[j] = b.start + (long) j * 60 / n * 1000;
      out.buyerMaker[j] = !takerBuys;
      previous = ticks;
    }
    out.count = n;
  }
}
