package dev.bpx.paper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.ledger.AccountUpdate;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The maximum order quantity against what order entry then does: for every case, ask the maximum,
 * place exactly it on one exchange (accepted), and one step more on an identical twin (refused with
 * the code of the rule it breaks). Twins are possible because the engine is deterministic.
 */
class MaxOrderQuantityTest {
  private static final long T0 = 1_772_366_400_000L;

  /** How a case's order is priced: market, or a limit resting away from the book or crossing it. */
  enum Pricing { MARKET, RESTING, CROSSING }

  record Case(String symbol, Side side, Pricing pricing, String leverageLimit, boolean withPosition) {
    boolean perp() {
      return symbol.endsWith("_PERP");
    }

    @Override
    public String toString() {
      return symbol + " " + side + " " + pricing + (perp() ? " leverageLimit " + leverageLimit : "")
          + (withPosition ? " with a long position" : "");
    }
  }

  /** One exchange with one account set up for a case. */
  private static final class World {
    final Engine engine = new Engine(new EngineConfig(5, T0, DefaultMarkets.assets(), DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20));
    final Account alice;
    final MarketState market;

    World(String symbol, String leverageLimit, boolean withPosition) {
      engine.advanceTo(T0 + 500);
      alice = engine.accounts().create("alice");
      market = engine.markets().get(symbol);
      AccountUpdate.apply(alice, null, null, null, new BigDecimal(leverageLimit));
      if (withPosition) {
        String size = symbol.startsWith("BTC") ? "0.1" : "40";
        place(symbol, Side.Bid, null, new BigDecimal(size), false);
        assertThat(alice.positions().get(symbol).netQuantity()).isEqualByComparingTo(size);
      }
    }

    BigDecimal priceFor(Side side, Pricing pricing) {
      if (pricing == Pricing.MARKET) {
        return null;
      }
      long ticks = market.walk.ticks();
      // About 20 bps: the maker's ladder is 1 bp a level, so this rests well away or crosses ~20 levels.
      long bps20 = Math.max(40, ticks / 500);
      long offset = pricing == Pricing.RESTING ? bps20 : -bps20;
      return market.spec.fromTicks(side == Side.Bid ? ticks - offset : ticks + offset);
    }

    BigDecimal max(Side side, BigDecimal price, boolean reduceOnly) {
      return engine.maxOrderQuantity(alice, market, side, price, reduceOnly);
    }

    Order place(String symbol, Side side, BigDecimal price, BigDecimal quantity, boolean reduceOnly) {
      String json = "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"orderType\":\""
          + (price == null ? "Market" : "Limit") + "\"," + (price == null ? "" : "\"price\":\"" + price.toPlainString() + "\",")
          + "\"quantity\":\"" + quantity.toPlainString() + "\"" + (reduceOnly ? ",\"reduceOnly\":true" : "") + "}";
      return engine.placeOrder(alice, OrderRequest.parse(Json.parse(json)));
    }

    Order place(Side side, BigDecimal price, BigDecimal quantity, boolean reduceOnly) {
      return place(market.spec.symbol(), side, price, quantity, reduceOnly);
    }
  }

  static Stream<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (Side side : Side.values()) {
      for (Pricing pricing : Pricing.values()) {
        for (String symbol : List.of("BTC_USDC", "SOL_USDC")) {
          out.add(new Case(symbol, side, pricing, "10", false));
        }
        for (String symbol : List.of("BTC_USDC_PERP", "SOL_USDC_PERP")) {
          for (String leverage : List.of("1", "2", "10", "50")) {
            out.add(new Case(symbol, side, pricing, leverage, false));
            out.add(new Case(symbol, side, pricing, leverage, true));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exactlyTheMaximumIsAcceptedAndOneStepMoreIsRefused(Case c) {
    World accepted = new World(c.symbol(), c.leverageLimit(), c.withPosition());
    BigDecimal price = accepted.priceFor(c.side(), c.pricing());
    BigDecimal max = accepted.max(c.side(), price, false);
    assertThat(max).isPositive();
    BigDecimal step = accepted.market.spec.stepSize();
    assertThat(max.remainder(step)).isEqualByComparingTo("0");

    Order order = accepted.place(c.side(), price, max, false);
    assertThat(order.status()).isIn(OrderStatus.New, OrderStatus.Filled, OrderStatus.PartiallyFilled,
        OrderStatus.Expired);
    assertThat(order.expiryReason()).isIn(null, "InsufficientLiquidity");
    if (c.pricing() == Pricing.RESTING && c.perp()) {
      // The resting order holds exposure without trading: the rule's figures sit right at the limit.
      Margin.Initial rule = accepted.engine.marginSummary(accepted.alice).initial();
      assertThat(rule.covered()).isTrue();
      BigDecimal limit = new BigDecimal(c.leverageLimit());
      if (c.leverageLimit().equals("50")) {
        assertThat(rule.byFunctions()).isGreaterThan(rule.byLeverage());
        assertThat(rule.netEquity().subtract(rule.locked())).isLessThan(new BigDecimal("100"));
      } else {
        assertThat(rule.leverage()).isLessThanOrEqualTo(limit).isGreaterThan(limit.multiply(new BigDecimal("0.999")));
      }
    }

    World refused = new World(c.symbol(), c.leverageLimit(), c.withPosition());
    assertThat(refused.max(c.side(), price, false)).isEqualByComparingTo(max);
    String expected = !c.perp() ? "INSUFFICIENT_FUNDS"
        : c.leverageLimit().equals("50") ? "INSUFFICIENT_MARGIN" : "MAX_LEVERAGE_REACHED";
    assertThatThrownBy(() -> refused.place(c.side(), price, max.add(step), false))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.code()).isEqualTo(expected);
          assertThat(e.status()).isEqualTo(400);
        });
  }

  static Stream<Case> reducingCases() {
    List<Case> out = new ArrayList<>();
    for (String symbol : List.of("BTC_USDC_PERP", "SOL_USDC_PERP")) {
      for (Pricing pricing : List.of(Pricing.MARKET, Pricing.CROSSING)) {
        for (String leverage : List.of("1", "10")) {
          out.add(new Case(symbol, Side.Ask, pricing, leverage, true));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reducingCases")
  void theReduceOnlyMaximumIsThePositionAndOneStepMoreIsNotTraded(Case c) {
    World accepted = new World(c.symbol(), c.leverageLimit(), true);
    BigDecimal position = accepted.alice.positions().get(c.symbol()).netQuantity();
    BigDecimal price = accepted.priceFor(c.side(), c.pricing());
    BigDecimal max = accepted.max(c.side(), price, true);
    assertThat(max).isEqualByComparingTo(position);
    assertThat(accepted.max(Side.Bid, price, true)).isEqualByComparingTo("0");

    Order order = accepted.place(c.side(), price, max, true);
    assertThat(order.status()).isEqualTo(OrderStatus.Filled);
    assertThat(order.executedQuantity()).isEqualByComparingTo(position);
    assertThat(accepted.alice.positions()).doesNotContainKey(c.symbol());

    World more = new World(c.symbol(), c.leverageLimit(), true);
    Order beyond = more.place(c.side(), price, max.add(more.market.spec.stepSize()), true);
    assertThat(beyond.executedQuantity()).isEqualByComparingTo(position);
    assertThat(beyond.status()).isEqualTo(OrderStatus.Expired);
    assertThat(beyond.expiryReason()).isEqualTo("ReduceOnlyNotReduced");
  }

  @Test
  void aReduceOnlyOrderOnTheSideOfThePositionHasMaximumZeroAndTradesNothing() {
    World w = new World("SOL_USDC_PERP", "10", true);
    assertThat(w.max(Side.Bid, null, true)).isEqualByComparingTo("0");
    Order o = w.place(Side.Bid, null, new BigDecimal("0.01"), true);
    assertThat(o.executedQuantity()).isEqualByComparingTo("0");
    assertThat(o.expiryReason()).isEqualTo("ReduceOnlyNotReduced");
  }

  @Test
  void reduceOnlyOnSpotIsRefusedByTheMaximumAsByOrderEntry() {
    World w = new World("SOL_USDC", "10", false);
    assertThatThrownBy(() -> w.max(Side.Ask, null, true)).isInstanceOfSatisfying(ApiError.class,
        e -> assertThat(e.getMessage()).isEqualTo("Reduce only orders are only supported on futures markets"));
    assertThatThrownBy(() -> w.place(Side.Ask, null, new BigDecimal("1"), true)).isInstanceOfSatisfying(ApiError.class,
        e -> assertThat(e.getMessage()).isEqualTo("Reduce only orders are only supported on futures markets"));
  }

  @Test
  void anOrderThatReducesExposureIsNeverRefusedByTheLeverageLimit() {
    World w = new World("SOL_USDC_PERP", "10", true);
    // Lowering the limit below the account's leverage leaves it over the limit: adding is refused,
    // reducing (without reduceOnly) still goes through.
    AccountUpdate.apply(w.alice, null, null, null, new BigDecimal("0.1"));
    assertThat(w.engine.marginSummary(w.alice).initial().covered()).isFalse();
    assertThat(w.max(Side.Bid, null, false)).isEqualByComparingTo("0");
    assertThatThrownBy(() -> w.place(Side.Bid, null, new BigDecimal("0.01"), false))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("MAX_LEVERAGE_REACHED"));
    assertThat(w.max(Side.Ask, null, false)).isEqualByComparingTo("80");
    Order reduce = w.place(Side.Ask, null, new BigDecimal("25"), false);
    assertThat(reduce.status()).isEqualTo(OrderStatus.Filled);
    assertThat(w.alice.positions().get("SOL_USDC_PERP").netQuantity()).isEqualByComparingTo("15");
  }

  @Test
  void theRefusalNamesTheLeverageItWouldReachAndTheLimit() {
    World w = new World("SOL_USDC_PERP", "2", false);
    BigDecimal max = w.max(Side.Bid, null, false);
    assertThatThrownBy(() -> w.place(Side.Bid, null, max.add(new BigDecimal("1")), false))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage())
            .startsWith("Max leverage reached: the order would take the account's leverage (exposure / net equity) to 2.0")
            .endsWith("above its leverage limit of 2"));
  }

  @Test
  void theLeverageLimitIsTheAccountImfFloorInTheCollateralSummary() {
    World w = new World("SOL_USDC_PERP", "2", true);
    Margin.Summary s = w.engine.marginSummary(w.alice);
    // A 40 SOL position (~7 400 USDC) is well inside the functions' margin; the limit of 2 sets the IMF at 0.5.
    assertThat(s.imf()).isEqualByComparingTo("0.5");
    assertThat(s.netEquityLocked()).isEqualByComparingTo(s.netExposureFutures().divide(new BigDecimal("2")));
  }
}
