package dev.bpx.paper.simulation;

import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.Print;
import java.math.BigDecimal;
import java.util.List;

/**
 * Today's market data: a seeded {@link PriceWalk} from the market's initial price, other
 * participants' {@link TakerFlow} against the market maker as it walks, and a day of
 * {@link Prehistory} candles and trades before birth. Spot and perp markets of one base asset get
 * the same walk (it is seeded by the base symbol), so they never drift apart; their flows differ
 * (seeded by the market's symbol).
 */
public final class SimulatedMarket implements MarketDataSource {
  private final PriceWalk walk;
  private final TakerFlow flow;
  private final Prehistory prehistory;

  public SimulatedMarket(long seed, MarketSpec spec, long birthMillis) {
    long startTicks = spec.toTicks(spec.initialPrice());
    long minTicks = spec.toTicks(spec.minPrice());
    this.walk = new PriceWalk(seed, spec.baseSymbol(), spec.volatilityBps(), startTicks, minTicks);
    this.flow = new TakerFlow(seed, spec, birthMillis);
    this.prehistory = new Prehistory(seed, spec, startTicks, minTicks, birthMillis);
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
    return prehistory.candles();
  }

  @Override
  public List<Print> prints(long before) {
    return flow.step(walk.step(), before, walk.ticks());
  }

  @Override
  public List<Print> recentPrints(int max) {
    return prehistory.lastTrades(max);
  }

  @Override
  public BigDecimal openInterest() {
    return flow.openInterest();
  }

  @Override
  public void restoreOpenInterest(BigDecimal quantity) {
    flow.restoreOpenInterest(quantity);
  }
}
