package dev.bpx.paper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Balance;
import dev.bpx.paper.ledger.LiquidationPrice;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final long T0 = 1_772_366_400_000L; // 2026-03-01T12:00:00Z, on the hour
  private Engine engine;
  private Account alice;
  private Account bob;
  private Account carol;

  @BeforeEach
  void setUp() {
    engine = new Engine(new EngineConfig(5, T0, DefaultMarkets.assets(), DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20));
    engine.advanceTo(T0 + 500);
    alice = engine.accounts().create("alice");
    bob = engine.accounts().create("bob");
    carol = engine.accounts().create("carol");
    engine.setPrice("SOL_USDC", new BigDecimal("200.00"));
    engine.setPrice("SOL_USDC_PERP", new BigDecimal("200.00"));
  }

  private Order place(Account a, String json) {
    return engine.placeOrder(a, OrderRequest.parse(Json.parse(json)));
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void restingOrdersAtOnePriceFillInTimePriority() {
    Order first = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"1\"}");
    Order second = place(bob, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"1\"}");
    Order taker = place(carol, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"1\"}");
    assertThat(taker.status()).isEqualTo(OrderStatus.Filled);
    assertThat(first.status()).isEqualTo(OrderStatus.Filled);
    assertThat(second.status()).isEqualTo(OrderStatus.New);
  }

  @Test
  void spotFeesAreChargedInTheAssetReceivedAtTheAccountsTier() {
    place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"2\"}");
    BigDecimal aliceUsdc = alice.balance("USDC").available();
    BigDecimal carolSol = carol.balance("SOL").available();
    place(carol, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"2\"}");
    // maker 8 bps on 400 USDC received; taker 10 bps on 2 SOL received
    assertThat(alice.balance("USDC").available().subtract(aliceUsdc)).isEqualByComparingTo("399.68");
    assertThat(carol.balance("SOL").available().subtract(carolSol)).isEqualByComparingTo("1.998");
    assertThat(alice.balance("SOL").locked()).isEqualByComparingTo("0");
  }

  @Test
  void aLimitBidLocksQuoteAndCancelReleasesIt() {
    Order o = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"150.00\",\"quantity\":\"3\",\"clientId\":1}");
    assertThat(alice.balance("USDC").locked()).isEqualByComparingTo("450");
    assertThat(alice.balance("USDC").available()).isEqualByComparingTo("9550");
    engine.cancelOrder(alice, "SOL_USDC", null, 1L);
    assertThat(o.status()).isEqualTo(OrderStatus.Cancelled);
    assertThat(alice.balance("USDC").locked()).isEqualByComparingTo("0");
    assertThat(alice.balance("USDC").available()).isEqualByComparingTo("10000");
  }

  @Test
  void refusalsUseBackpackCodes() {
    assertThatThrownBy(() -> place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"150.001\",\"quantity\":\"1\"}"))
        .isInstanceOf(ApiError.class).hasMessage("Price decimal too long");
    assertThatThrownBy(() -> place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"150.00\",\"quantity\":\"1000\"}"))
        .isInstanceOf(ApiError.class).extracting("code").isEqualTo("INSUFFICIENT_FUNDS");
    place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"150.00\",\"quantity\":\"1\",\"clientId\":42}");
    assertThatThrownBy(() -> place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"150.00\",\"quantity\":\"1\",\"clientId\":42}"))
        .isInstanceOf(ApiError.class).hasMessage("Order with client ID already exists: 42");
    assertThatThrownBy(() -> engine.cancelOrder(alice, "SOL_USDC", 1L, null))
        .isInstanceOf(ApiError.class).extracting("status").isEqualTo(404);
  }

  @Test
  void postOnlyThatWouldTakeExpiresAndIocRemainderExpires() {
    Order post = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"250.00\",\"quantity\":\"1\",\"postOnly\":true}");
    assertThat(post.status()).isEqualTo(OrderStatus.Expired);
    assertThat(post.expiryReason()).isEqualTo("PostOnlyTaker");
    Order ioc = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"199.00\",\"quantity\":\"1\",\"timeInForce\":\"IOC\"}");
    assertThat(ioc.status()).isEqualTo(OrderStatus.Expired);
    assertThat(alice.balance("USDC").locked()).isEqualByComparingTo("0");
  }

  @Test
  void selfTradePreventionRejectsTheTakerByDefault() {
    Order maker = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"1\"}");
    Order taker = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"1\"}");
    assertThat(taker.status()).isEqualTo(OrderStatus.Expired);
    assertThat(taker.expiryReason()).isEqualTo("SelfTradePrevention");
    assertThat(maker.status()).isEqualTo(OrderStatus.New);
  }

  @Test
  void perpRealizedPnlIsExitMinusEntryTimesQuantity() {
    place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"2\"}");
    place(bob, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"2\"}");
    PerpPosition p = bob.positions().get("SOL_USDC_PERP");
    assertThat(p.netQuantity()).isEqualByComparingTo("2");
    assertThat(p.entryPrice()).isEqualByComparingTo("200");
    assertThat(alice.positions().get("SOL_USDC_PERP").netQuantity()).isEqualByComparingTo("-2");
    engine.setPrice("SOL_USDC_PERP", d("210.00"));
    assertThat(p.unrealizedPnl(d("210.00"))).isEqualByComparingTo("20");
    BigDecimal before = bob.balance("USDC").available().add(bob.lent("USDC"));
    place(bob, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"210.00\",\"quantity\":\"1\",\"reduceOnly\":true}");
    place(carol, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"210.00\",\"quantity\":\"1\"}");
    assertThat(p.pnlRealized()).isEqualByComparingTo("10");
    // +10 realized, -0.042 maker fee (2 bps of 210)
    assertThat(bob.balance("USDC").available().add(bob.lent("USDC")).subtract(before)).isEqualByComparingTo("9.958");
  }

  @Test
  void liquidationPriceIsWhereEquityMeetsMaintenanceAndTheAccountIsLiquidatedThere() {
    place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"300\"}");
    PerpPosition p = alice.positions().get("SOL_USDC_PERP");
    BigDecimal liq = new LiquidationPrice(engine).of(alice, p);
    assertThat(liq).isPositive().isLessThan(d("200"));
    engine.setPrice("SOL_USDC_PERP", liq.add(d("1.00")));
    assertThat(alice.positions()).containsKey("SOL_USDC_PERP");
    engine.setPrice("SOL_USDC_PERP", liq.subtract(d("1.00")));
    assertThat(alice.positions()).doesNotContainKey("SOL_USDC_PERP");
    assertThat(alice.fills().get(alice.fills().size() - 1).systemOrderType()).isEqualTo("LiquidatePositionOnBackstop");
    assertThat(alice.closedPositions().get(alice.closedPositions().size() - 1).liquidated()).isTrue();
  }

  @Test
  void aLiquidationExpiresOpenOrdersAndBorrowsTheShortfallWithLiquidationAsTheReasonAndSource() {
    place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"300\"}");
    // Below the book at 185 and at 100 alike, inside the price band of the last price (185): it rests through the gap.
    Order resting = place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"95.00\",\"quantity\":\"1\"}");
    // A gap far below the liquidation price: closing at 100 loses about 30000, more than the 12000 USDC held and lent.
    engine.setPrice("SOL_USDC_PERP", d("100.00"));
    assertThat(alice.positions()).isEmpty();
    assertThat(resting.status()).isEqualTo(OrderStatus.Expired);
    assertThat(resting.expiryReason()).isEqualTo("Liquidation");
    assertThat(alice.lent("USDC")).as("the shortfall is borrowed").isNegative();
    assertThat(alice.borrowLendMovements()).filteredOn(m -> m.symbol().equals("USDC"))
        .extracting(Records.BorrowLendMovement::source).containsSubsequence("Liquidation", "Liquidation")
        .doesNotContain("AutoBorrowRepay");
    Order system = alice.orders().values().stream().filter(o -> o.systemOrderType() != null).findFirst().orElseThrow();
    assertThat(system.systemOrderType()).isEqualTo("LiquidatePositionOnBackstop");
    assertThat(system.status()).isEqualTo(OrderStatus.Filled);
  }

  @Test
  void fundingIsPaidEachIntervalFromLongsAtTheMarkPrice() {
    place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"10\"}");
    engine.advanceTo(T0 + 3_600_000L + 100);
    assertThat(alice.funding()).hasSize(1);
    Records.FundingPayment f = alice.funding().get(0);
    List<Records.FundingPayment> rates = engine.markets().get("SOL_USDC_PERP").fundingHistory;
    assertThat(f.fundingRate()).isEqualByComparingTo(rates.get(rates.size() - 1).fundingRate());
    assertThat(f.intervalEnd()).isEqualTo(T0 + 3_600_000L);
    assertThat(f.quantity().signum()).isEqualTo(-f.fundingRate().signum());
    assertThat(alice.positions().get("SOL_USDC_PERP").cumulativeFunding()).isEqualByComparingTo(f.quantity());
  }

  @Test
  void lentFundsEarnHourlyInterest() {
    engine.advanceTo(T0 + 3_600_000L + 100);
    // 2000 USDC lent at 5 % a year for one hour, rounded down to 6 decimals
    assertThat(alice.lent("USDC")).isEqualByComparingTo("2000.011415");
    assertThat(alice.interest()).extracting(Records.InterestPayment::paymentType).contains("Lend");
  }

  @Test
  void aTriggerOrderFiresWhenTheMarkCrossesItsPrice() {
    Order t = place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"triggerPrice\":\"190.00\",\"triggerQuantity\":\"1\"}");
    assertThat(t.status()).isEqualTo(OrderStatus.TriggerPending);
    engine.setPrice("SOL_USDC_PERP", d("195.00"));
    assertThat(t.status()).isEqualTo(OrderStatus.TriggerPending);
    engine.setPrice("SOL_USDC_PERP", d("189.00"));
    assertThat(t.status()).isEqualTo(OrderStatus.Filled);
    assertThat(t.triggeredAt()).isNotNull();
    assertThat(alice.positions().get("SOL_USDC_PERP").netQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void anAttachedStopLossClosesThePositionAndCancelsTheTakeProfit() {
    Order parent = place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"5\","
        + "\"stopLossTriggerPrice\":\"180.00\",\"takeProfitTriggerPrice\":\"230.00\"}");
    List<Order> children = new ArrayList<>();
    alice.orders().values().stream().filter(o -> Long.valueOf(parent.id()).equals(o.relatedOrderId())).forEach(children::add);
    assertThat(children).hasSize(2).allMatch(o -> o.status() == OrderStatus.TriggerPending);
    engine.setPrice("SOL_USDC_PERP", d("179.00"));
    assertThat(alice.positions()).doesNotContainKey("SOL_USDC_PERP");
    assertThat(children).extracting(o -> o.status()).containsExactlyInAnyOrder(OrderStatus.Filled, OrderStatus.Cancelled);
  }

  @Test
  void everyAssetTotalIsConservedAcrossTradingFundingInterestAndLiquidation() {
    Map<String, BigDecimal> before = totals();
    place(alice, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quoteQuantity\":\"1000\"}");
    place(bob, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"200.50\",\"quantity\":\"3\"}");
    place(carol, "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"0.05\"}");
    place(alice, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"300\"}");
    engine.advanceTo(T0 + 5 * 3_600_000L);
    engine.setPrice("SOL_USDC_PERP", d("100.00"));
    // The last trade is still near 200 (setPrice prints none): 110 is inside its price band and crosses the new book.
    place(bob, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"110.00\",\"quantity\":\"4\"}");
    engine.advanceTo(T0 + 9 * 3_600_000L);
    assertThat(totals()).isEqualTo(before);
    BigDecimal net = BigDecimal.ZERO;
    for (Account a : all()) {
      for (PerpPosition p : a.positions().values()) {
        net = net.add(p.netQuantity());
      }
    }
    assertThat(net).isEqualByComparingTo("0");
  }

  private List<Account> all() {
    List<Account> out = new ArrayList<>(engine.accounts().users());
    out.add(engine.accounts().house());
    out.add(engine.accounts().maker());
    return out;
  }

  private Map<String, BigDecimal> totals() {
    Map<String, BigDecimal> t = new TreeMap<>();
    for (Account a : all()) {
      for (Map.Entry<String, Balance> e : a.balances().entrySet()) {
        t.merge(e.getKey(), e.getValue().total(), BigDecimal::add);
      }
      a.lends().forEach((asset, p) -> t.merge(asset, p.netQuantity(), BigDecimal::add));
    }
    t.replaceAll((k, v) -> v.stripTrailingZeros());
    return t;
  }
}
