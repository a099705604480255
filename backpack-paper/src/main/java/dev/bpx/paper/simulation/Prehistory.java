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
    List<Candles.Bucket> out = prices();
    for (Candles.Bucket b : out) {
      long steps = 0;
      long quoteUnits = 0; // ticks × steps: the quote volume in units of tickSize × stepSize
      List<Print> trades = trades(b);
      for (Print p : trades) {
        long s = p.quantity().divide(spec.stepSize()).longValueExact();
        steps += s;
        quoteUnits = Math.addExact(quoteUnits, Math.multiplyExact(p.ticks(), s));
      }
      b.volume = spec.stepSize().multiply(BigDecimal.valueOf(steps));
      b.quoteVolume = spec.tickSize().multiply(spec.stepSize()).multiply(BigDecimal.valueOf(quoteUnits));
      b.trades = trades.size();
    }
    return out;
  }

  /** {@return the last {@code max} trades before birth, newest first} */
  List<Print> lastTrades(int max) {
    List<Candles.Bucket> candles = prices();
    List<Print> out = new ArrayList<>(max);
    for (int i = candles.size() - 1; i >= 0 && out.size() < max; i--) {
      List<Print> minute = trades(candles.get(i));
      for (int j = minute.size() - 1; j >= 0 && out.size() < max; j--) {
        out.add(minute.get(j));
      }
    }
    return out;
  }

  /** The candles' prices, without volume: unchanged since the first prehistory (same seed, same prices). */
  private List<Candles.Bucket> prices() {
    long birthMinute = birthMillis - Math.floorMod(birthMillis, Candles.MINUTE);
    SplittableRandom r = new SplittableRandom(seed ^ ((long) spec.baseSymbol().hashCode() * 0xC2B2AE3D27D4EB4FL));
    long floor = Math.max(1, minTicks);
    int volatilityBps = spec.volatilityBps();
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

  /** {@return one candle's trades, oldest first} */
  private List<Print> trades(Candles.Bucket b) {
    SplittableRandom r = new SplittableRandom(
        seed ^ ((long) spec.symbol().hashCode() * 0xFF51AFD7ED558CCDL) ^ (b.start * 0xC4CEB9FE1A85EC53L));
    int n = MIN_TRADES + r.nextInt(MAX_TRADES - MIN_TRADES + 1);
    int highAt = 1 + r.nextInt(n - 2);
    int lowAt = 1 + r.nextInt(n - 3);
    if (lowAt >= highAt) {
      lowAt++;
    }
    long unit = TakerFlow.unitSteps(spec);
    long idOrigin = TakerFlow.idOrigin(birthMillis);
    List<Print> out = new ArrayList<>(n);
    long previous = b.open;
    for (int j = 0; j < n; j++) {
      long ticks = j == 0 ? b.open
          : j == n - 1 ? b.close
          : j == highAt ? b.high
          : j == lowAt ? b.low
          : r.nextLong(b.low, b.high + 1);
      boolean takerBuys = ticks != previous ? ticks > previous : r.nextBoolean();
      long steps = TakerFlow.sizeSteps(r, unit);
      // n <= 60, so the seconds j * 60 / n are distinct and the ids grow with j.
      long time = b.start + (long) j * 60 / n * 1000;
      out.add(new Print(TakerFlow.id(idOrigin, time, 0), time, ticks,
          spec.stepSize().multiply(BigDecimal.valueOf(steps)), !takerBuys));
      previous = ticks;
    }
    return out;
  }
}
