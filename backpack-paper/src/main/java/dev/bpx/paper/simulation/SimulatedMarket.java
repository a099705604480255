package dev.bpx.paper.simulation;

import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.MarketSpec;
import java.util.List;

/**
 * Today's market data: a seeded {@link PriceWalk} from the market's initial price, and a day of
 * {@link Prehistory} candles before birth. Spot and perp markets of one base asset get the same
 * walk (it is seeded by the base symbol), so they never drift apart.
 */
public final class SimulatedMarket implements MarketDataSource {
  private final PriceWalk walk;
  private final long seed;
  private final MarketSpec spec;
  private final long birthMillis;
  private final long startTicks;
  private final long minTicks;

  public SimulatedMarket(long seed, MarketSpec spec, long birthMillis) {
    this.seed = seed;
    this.spec = spec;
    this.birthMillis = birthMillis;
    this.startTicks = spec.toTicks(spec.initialPrice());
    this.minTicks = spec.toTicks(spec.minPrice());
    this.walk = new PriceWalk(seed, spec.baseSymbol(), spec.volatilityBps(), startTicks, minTicks);
  }

  /** {@return a factory of simulated markets for one seed} */
  public static MarketDataSource.Factory factory(long seed) {
    return (spec, birthMillis) -> new SimulatedMarket(seed, spec, birthMillis);
  }

  @Override
  public long ticks() {
    return walk.ticks();
  }

  @Override
  public long next() {
    return walk.next();
  }

  @Override
  public void set(long ticks) {
    walk.set(ticks);
  }

  @Override
  public long step() {
    return walk.step();
  }

  @Override
  public void restore(long steps, long ticks) {
    walk.restore(steps, ticks);
  }

  @Override
  public long noise(long index, long lo, long hi) {
    return walk.noise(index, lo, hi);
  }

  @Override
  public List<Candles.Bucket> history() {
    return Prehistory.generate(seed, spec.baseSymbol(), spec.volatilityBps(), startTicks, minTicks, birthMillis);
  }
}
