package dev.bpx.paper.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.Print;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Other participants' flow, on its own: seeded, at the maker's touch, sized to the best level. */
class TakerFlowTest {
  private static final long T0 = Instant.parse("2026-03-01T10:30:00Z").toEpochMilli();

  private static MarketSpec market(String symbol) {
    return DefaultMarkets.markets().stream().filter(m -> m.symbol().equals(symbol)).findFirst().orElseThrow();
  }

  /** {@return the prints of the first {@code steps} steps of a simulated market} */
  private static List<Print> run(long seed, String symbol, int steps) {
    SimulatedMarket m = new SimulatedMarket(seed, market(symbol), T0);
    List<Print> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      long before = m.ticks();
      m.next();
      out.addAll(m.prints(before));
    }
    return out;
  }

  @Test
  void theSameSeedPrintsTheSameTradesAndAnotherSeedOthers() {
    assertThat(run(7, "SOL_USDC", 600)).isEqualTo(run(7, "SOL_USDC", 600)).isNotEmpty();
    assertThat(run(8, "SOL_USDC", 600)).isNotEqualTo(run(7, "SOL_USDC", 600));
    // Spot and perp share the walk but not the flow.
    assertThat(run(7, "SOL_USDC_PERP", 600)).isNotEqualTo(run(7, "SOL_USDC", 600));
  }

  @Test
  void aStepsPrintsDependOnlyOnTheStepNotOnHowTheWalkWasBatched() {
    // A market restored to step 300 at the price the first run had there prints the same after it.
    SimulatedMarket a = new SimulatedMarket(3, market("BTC_USDC"), T0);
    for (int i = 0; i < 300; i++) {
      a.next();
    }
    SimulatedMarket b = new SimulatedMarket(3, market("BTC_USDC"), T0);
    b.restore(a.step(), a.ticks());
    for (int i = 0; i < 100; i++) {
      long beforeA = a.ticks();
      long beforeB = b.ticks();
      a.next();
      b.next();
      assertThat(b.prints(beforeB)).isEqualTo(a.prints(beforeA));
    }
  }

  @Test
  void printsHitTheMakersTouchWithSizesOnTheStepNoBiggerThanItsBestLevel() {
    MarketSpec spec = market("BTC_USDC");
    SimulatedMarket m = new SimulatedMarket(5, spec, T0);
    int prints = 0;
    long previousId = 0;
    for (int i = 0; i < 3600; i++) {
      long before = m.ticks();
      long after = m.next();
      long spacing = MarketMaker.spacingTicks(after);
      for (Print p : m.prints(before)) {
        prints++;
        assertThat(p.ticks()).isEqualTo(p.buyerMaker() ? after - spacing : after + spacing);
        assertThat(p.quantity().remainder(spec.stepSize())).isEqualByComparingTo("0");
        assertThat(p.quantity()).isPositive().isLessThanOrEqualTo(spec.makerSize());
        assertThat(p.time()).isEqualTo(T0 + m.step() * 1000);
        assertThat(p.id()).isGreaterThan(previousId);
        previousId = p.id();
      }
    }
    // Zero, one or two a step, one on average: an hour holds about 3600 (binomial spread ~50).
    assertThat(prints).isBetween(3300, 3900);
  }

  @Test
  void takersFollowTheWalksDirection() {
    SimulatedMarket m = new SimulatedMarket(11, market("ETH_USDC"), T0);
    int upBuys = 0;
    int upPrints = 0;
    int downBuys = 0;
    int downPrints = 0;
    for (int i = 0; i < 20_000; i++) {
      long before = m.ticks();
      long after = m.next();
      for (Print p : m.prints(before)) {
        if (after > before) {
          upPrints++;
          upBuys += p.buyerMaker() ? 0 : 1;
        } else if (after < before) {
          downPrints++;
          downBuys += p.buyerMaker() ? 0 : 1;
        }
      }
    }
    assertThat((double) upBuys / upPrints).isBetween(0.66, 0.74);
    assertThat((double) downBuys / downPrints).isBetween(0.26, 0.34);
  }

  @Test
  void perpOpenInterestWandersAroundItsTargetAndSpotHasNone() {
    MarketSpec spec = market("SOL_USDC_PERP");
    SimulatedMarket perp = new SimulatedMarket(2, spec, T0);
    BigDecimal target = spec.stepSize().multiply(BigDecimal.valueOf(
        TakerFlow.TARGET_OPEN_INTEREST_UNITS * TakerFlow.unitSteps(spec)));
    assertThat(perp.openInterest()).isEqualByComparingTo(target);
    BigDecimal low = target;
    BigDecimal high = target;
    for (int i = 0; i < 20_000; i++) {
      long before = perp.ticks();
      perp.next();
      perp.prints(before);
      low = low.min(perp.openInterest());
      high = high.max(perp.openInterest());
    }
    assertThat(high).isGreaterThan(low);
    assertThat(low).isGreaterThan(target.multiply(new BigDecimal("0.8")));
    assertThat(high).isLessThan(target.multiply(new BigDecimal("1.2")));
    SimulatedMarket restored = new SimulatedMarket(2, spec, T0);
    restored.restoreOpenInterest(perp.openInterest());
    assertThat(restored.openInterest()).isEqualTo(perp.openInterest());

    SimulatedMarket spot = new SimulatedMarket(2, market("SOL_USDC"), T0);
    spot.next();
    spot.prints(spot.ticks());
    assertThat(spot.openInterest()).isEqualByComparingTo("0");
  }

  @Test
  void prehistoryTradesLieInsideTheirCandlesAndAddUpToTheirVolume() {
    MarketSpec spec = market("ETH_USDC_PERP");
    SimulatedMarket m = new SimulatedMarket(4, spec, T0 + 12_345);
    List<Candles.Bucket> candles = m.history();
    assertThat(candles).hasSize(Prehistory.MINUTES);
    // The last 1500 trades reach back over 25 to 38 full minutes (40 to 60 a minute).
    List<Print> trades = m.recentPrints(1500);
    assertThat(trades).hasSize(1500);
    assertThat(trades.get(0).time()).isLessThan(T0);
    assertThat(trades.get(0).ticks()).isEqualTo(candles.get(candles.size() - 1).close);
    long oldestMinute = trades.get(trades.size() - 1).time() / Candles.MINUTE * Candles.MINUTE;
    int fullMinutes = 0;
    for (Candles.Bucket b : candles) {
      if (b.start <= oldestMinute) {
        continue; // partly covered, or not at all
      }
      fullMinutes++;
      List<Print> in = trades.stream().filter(p -> p.time() >= b.start && p.time() < b.start + Candles.MINUTE).toList();
      assertThat(in).hasSize((int) b.trades);
      assertThat(in.stream().map(Print::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(b.volume);
      assertThat(in.stream().map(p -> spec.fromTicks(p.ticks()).multiply(p.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(b.quoteVolume);
      assertThat(in).allSatisfy(p -> assertThat(p.ticks()).isBetween(b.low, b.high));
      assertThat(in).extracting(Print::ticks).contains(b.low, b.high);
    }
    assertThat(fullMinutes).isBetween(24, 38);
    assertThat(candles).allSatisfy(b -> assertThat(b.trades).isBetween(40L, 60L));
  }
}
