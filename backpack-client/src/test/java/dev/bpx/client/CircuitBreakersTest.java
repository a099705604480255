package dev.bpx.client;

import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breakers of {@link SafetyLimits} (max position notional, max leverage, max open orders):
 * each allows its limit and refuses one step more with nothing sent; reduce-only orders and cancels
 * pass; unset breakers read nothing; a preview lists the breakers an order would trip.
 */
class CircuitBreakersTest {
  private static final String MARK_PRICE = """
      [{"symbol":"SOL_USDC_PERP","markPrice":"100","indexPrice":"100","fundingRate":"0.0000125",
        "nextFundingTimestamp":1753106400000}]""";

  private static final String BOOK = """
      {"asks":[["101.00","3000"]],"bids":[["99.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""";

  private static final String ACCOUNT = """
      {"autoBorrowSettlements":true,"autoLend":false,"autoRealizePnl":true,"autoRepayBorrows":true,
       "borrowLimit":"2500000","futuresMakerFee":"2","futuresTakerFee":"5","leverageLimit":"50","limitOrders":0,
       "liquidating":false,"positionLimit":"1000000","spotMakerFee":"8","spotTakerFee":"10","triggerOrders":0}""";

  private final Routes routes = new Routes();
  private TestExchange exchange;

  @AfterEach
  void close() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private OrderService orders(SafetyLimits limits) {
    exchange = new TestExchange(b -> b.safetyLimits(limits));
    exchange.server.setDispatcher(routes);
    routes.json("/api/v1/markets", TestExchange.MARKETS_JSON);
    routes.json("/api/v1/markPrices", MARK_PRICE);
    routes.json("/api/v1/position", "[]");
    routes.json("/api/v1/orders", "[]");
    routes.json("/api/v1/capital/collateral", collateral("1000", "0"));
    routes.respond("POST", "/api/v1/order", 200, order("1", 1, "SOL_USDC_PERP", "Bid", "New", "Limit"));
    routes.respond("DELETE", "/api/v1/order", 200, order("1", 1, "SOL_USDC_PERP", "Bid", "Cancelled", "Limit"));
    return exchange.client.orders();
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static String position(String netQuantity, String markPrice) {
    return """
        [{"breakEvenPrice":"100","cumulativeFundingPayment":"0","cumulativeInterest":"0","entryPrice":"100",
          "estLiquidationPrice":"0","imf":"0.02","markPrice":"%2$s","mmf":"0.0135","netCost":"0",
          "netExposureNotional":"0","netExposureQuantity":"%1$s","netQuantity":"%1$s","pnlRealized":"0",
          "pnlUnrealized":"0","positionId":"5479295502","subaccountId":null,"symbol":"SOL_USDC_PERP","userId":1813870}]"""
        .formatted(netQuantity, markPrice);
  }

  private static String collateral(String netEquity, String netExposureFutures) {
    return """
        {"assetsValue":"%1$s","borrowLiability":"0","collateral":[],"imf":"0","unsettledEquity":"0",
         "liabilitiesValue":"0","marginFraction":null,"mmf":"0","netEquity":"%1$s","netEquityAvailable":"%1$s",
         "netEquityLocked":"0","netExposureFutures":"%2$s","pnlUnrealized":"0"}""".formatted(netEquity, netExposureFutures);
  }

  private static String openOrders(int count) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append(order(String.valueOf(100 + i), 100 + i, "SOL_USDC", "Bid", "New", "Limit"));
    }
    return json.append(']').toString();
  }

  private List<String> writes() {
    return routes.seen().stream().filter(r -> !r.getMethod().equals("GET"))
        .map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
  }

  private List<String> paths() {
    return routes.seen().stream().map(RecordedRequest::getUrl).map(u -> u.encodedPath()).toList();
  }

  private static OrderRequest perpBid(String quantity) {
    return OrderRequest.limit("SOL_USDC_PERP", Side.BID, dec(quantity), dec("100")).build();
  }

  // ---- maxOpenOrders ----

  @Test
  void aRestingOrderThatReachesTheMaxOpenOrdersIsSent() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(2));
    routes.json("/api/v1/orders", openOrders(1));

    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build());

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void aRestingOrderOneOverTheMaxOpenOrdersIsRefusedWithTheFiguresAndNothingIsSent() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(2));
    routes.json("/api/v1/orders", openOrders(2));

    assertThatThrownBy(() -> orders.place(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxOpenOrders")
        .hasMessageContaining("has 2 open orders").hasMessageContaining("(3)").hasMessageContaining("limit of 2")
        .hasMessageContaining("BACKPACK_MAX_OPEN_ORDERS").hasMessageContaining("nothing was sent");
    assertThat(writes()).isEmpty();
  }

  @Test
  void ordersThatCannotRestPassAFullMaxOpenOrdersWithoutReadingTheOrders() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(0));
    routes.json("/api/v1/orders", openOrders(3));

    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).timeInForce(TimeInForce.IOC).build());
    orders.place(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("1")).build());

    assertThat(writes()).containsExactly("POST /api/v1/order", "POST /api/v1/order");
    assertThat(paths()).doesNotContain("/api/v1/orders");
  }

  @Test
  void aBatchCountsItsOwnRestingOrdersAgainstTheMaxOpenOrders() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(2));
    routes.json("/api/v1/orders", openOrders(1));

    assertThatThrownBy(() -> orders.placeBatch(List.of(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build(),
        OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("98")).build())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("orders[1].order").hasMessageContaining("has 2 open orders")
        .hasMessageNotContaining("orders[0].order");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aMarketOrderWithTakeProfitAndStopLossCountsTheTwoTriggerOrdersItLeavesOpen() {
    // The audit: with a limit of 1, each such market order left 2 trigger orders (3 orders: 6 open).
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(1));
    OrderRequest protectedBuy = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("0.1"))
        .stopLossTriggerPrice(dec("90")).takeProfitTriggerPrice(dec("110")).build();

    assertThatThrownBy(() -> orders.place(protectedBuy))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxOpenOrders").hasMessageContaining("has 0 open orders")
        .hasMessageContaining("leave 2 take-profit/stop-loss trigger orders (2)").hasMessageContaining("limit of 1");
    assertThat(writes()).isEmpty();
  }

  @Test
  void anOrderWithOneExitPassesWhenItsTriggerOrderReachesTheMaxOpenOrders() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(2));
    routes.json("/api/v1/orders", openOrders(1));

    orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("0.1"))
        .stopLossTriggerPrice(dec("90")).build());

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void aRestingLimitOrderWithTakeProfitAndStopLossCountsAsThreeOpenOrders() {
    // The paper exchange arms the exits once the order fills in part, while the rest still rests.
    OrderRequest protectedBid = OrderRequest.limit("SOL_USDC_PERP", Side.BID, dec("1"), dec("99"))
        .stopLossTriggerPrice(dec("90")).takeProfitTriggerPrice(dec("110")).build();
    OrderService atLimit = orders(SafetyLimits.none().withMaxOpenOrders(4));
    routes.json("/api/v1/orders", openOrders(1));
    atLimit.place(protectedBid);
    close();

    OrderService over = orders(SafetyLimits.none().withMaxOpenOrders(3));
    routes.json("/api/v1/orders", openOrders(1));
    assertThatThrownBy(() -> over.place(protectedBid))
        .hasMessageContaining("has 1 open orders")
        .hasMessageContaining("leave one more resting and 2 take-profit/stop-loss trigger orders (4)");
    assertThat(writes()).as("the first client's order only").containsExactly("POST /api/v1/order");
  }

  @Test
  void aBatchCountsTheExitsOfItsEarlierOrdersAgainstTheMaxOpenOrders() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(2));

    assertThatThrownBy(() -> orders.placeBatch(List.of(
        OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("0.1")).stopLossTriggerPrice(dec("90"))
            .takeProfitTriggerPrice(dec("110")).build(),
        OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("98")).build())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("orders[1].order").hasMessageContaining("has 2 open orders")
        .hasMessageNotContaining("orders[0].order");
    assertThat(writes()).isEmpty();
  }

  // ---- maxPositionNotional ----

  @Test
  void anOrderThatTakesThePositionExactlyToTheMaxPositionNotionalIsSent() {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("404")));
    routes.json("/api/v1/position", position("2", "101"));

    orders.place(perpBid("2"));

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void anOrderOneStepOverTheMaxPositionNotionalIsRefusedWithTheFiguresAndNothingIsSent() {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("404")));
    routes.json("/api/v1/position", position("2", "101"));

    assertThatThrownBy(() -> orders.place(perpBid("2.01")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxPositionNotional")
        .hasMessageContaining("worth 405.01 USDC at the mark 101").hasMessageContaining("now 202")
        .hasMessageContaining("limit of 404").hasMessageContaining("BACKPACK_MAX_POSITION_NOTIONAL");
    assertThat(writes()).isEmpty();
  }

  @Test
  void anOrderThatShrinksAPositionAlreadyOverTheMaxPositionNotionalIsSent() {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("100")));
    routes.json("/api/v1/position", position("-5", "101"));

    orders.place(perpBid("3"));

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void aShortIsMeasuredByItsAbsoluteNotionalAtTheMarkPriceWhenThereIsNoPosition() {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("500")));

    orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("5"), dec("100")).build());
    assertThatThrownBy(() -> orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("5.01"), dec("100")).build()))
        .hasMessageContaining("worth 501 USDC at the mark 100");

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  /** An open order on the perp market: {@code quantity} of which {@code executed} has filled. */
  private static String perpOrder(String id, String side, String quantity, String executed, boolean reduceOnly) {
    return order(id, Long.parseLong(id), "SOL_USDC_PERP", side, "New", "Limit")
        .replace("\"quantity\":\"1.5\"", "\"quantity\":\"" + quantity + "\"")
        .replace("\"executedQuantity\":\"0\"", "\"executedQuantity\":\"" + executed + "\"")
        .replace("\"reduceOnly\":null", "\"reduceOnly\":" + (reduceOnly ? "true" : "null"));
  }

  @Test
  void restingBidsOnTheSameMarketCountAsIfTheyAllFilled() {
    // The audit: three resting bids of 1 @ 150 each passed a limit of 200 as "position 1 after the order".
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("200")));
    routes.json("/api/v1/orders", "[" + perpOrder("11", "Bid", "1", "0", false) + "]");

    orders.place(perpBid("1"));
    routes.json("/api/v1/orders", "[" + perpOrder("11", "Bid", "1", "0", false) + ","
        + perpOrder("12", "Bid", "1", "0", false) + "]");
    assertThatThrownBy(() -> orders.place(perpBid("1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxPositionNotional")
        .hasMessageContaining("worth 300 USDC at the mark 100")
        .hasMessageContaining("position 3 if this order and the account's 2 open bids (2 SOL) all fill")
        .hasMessageContaining("limit of 200").hasMessageContaining("cancel open bids");

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void theWorstCaseAddsThePositionAndCountsOnlyWhatTheOpenOrdersCanStillFill() {
    // Long 1, a bid of 2 with 1.5 filled (0.5 left), this bid 0.5: worst case 2 SOL, 200 at the mark 100.
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("200")));
    routes.json("/api/v1/position", position("1", "100"));
    routes.json("/api/v1/orders", "[" + perpOrder("11", "Bid", "2", "1.5", false) + "]");

    orders.place(perpBid("0.5"));
    assertThatThrownBy(() -> orders.place(perpBid("0.51"))).hasMessageContaining("worth 201 USDC")
        .hasMessageContaining("now 100, position 2.01 if this order and the account's 1 open bid (0.5 SOL) all fill");

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void openOrdersOnTheOtherSideOrReduceOnlyOrOnAnotherMarketDoNotChangeTheWorstCase() {
    // Asks may be cancelled, or fill after the bids: they never lower the long worst case. Reduce-only
    // bids cannot add to a long, and SOL_USDC bids are another market.
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("200")));
    routes.json("/api/v1/orders", "[" + perpOrder("11", "Ask", "5", "0", false) + ","
        + perpOrder("12", "Bid", "3", "0", true) + "," + order("13", 13, "SOL_USDC", "Bid", "New", "Limit") + "]");

    orders.place(perpBid("2"));
    assertThatThrownBy(() -> orders.place(perpBid("2.01"))).hasMessageContaining("worth 201 USDC")
        .hasMessageContaining("position 2.01 after the order");

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void anOrderThatMovesTheWorstCaseTowardZeroPassesEvenOverTheLimit() {
    // Short 5 (500), resting bids of 3: worst case -2; a bid of 1 takes it to -1.
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("100")));
    routes.json("/api/v1/position", position("-5", "100"));
    routes.json("/api/v1/orders", "[" + perpOrder("11", "Bid", "3", "0", false) + "]");

    orders.place(perpBid("1"));

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void aSellThatShrinksALongIsRefusedWhenTheOpenAsksWouldTakeItIntoAShortOverTheLimit() {
    // Long 1, open asks 3: worst case short 2; this ask of 0.5 raises it to 2.5 (250 > 200).
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("200")));
    routes.json("/api/v1/position", position("1", "100"));
    routes.json("/api/v1/orders", "[" + perpOrder("11", "Ask", "3", "0", false) + "]");

    assertThatThrownBy(() -> orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("0.5"), dec("100")).build()))
        .hasMessageContaining("worth 250 USDC").hasMessageContaining("position -2.5 if this order and the account's"
            + " 1 open ask (3 SOL) all fill");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aBatchCountsItsEarlierSameSideOrdersIntoThePosition() {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("200")));

    assertThatThrownBy(() -> orders.placeBatch(List.of(perpBid("1"), perpBid("1"), perpBid("0.01"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("orders[2].order").hasMessageContaining("worth 201 USDC")
        .hasMessageContaining("the batch's earlier bids (2 SOL)")
        .hasMessageNotContaining("orders[1].order");
    assertThat(writes()).isEmpty();
  }

  // ---- maxLeverage ----

  @Test
  void anOrderThatTakesLeverageExactlyToTheMaxLeverageIsSent() {
    // Net equity 1000, no exposure, mark 100: leverage 2 allows 2000 of exposure, 20 SOL.
    OrderService orders = orders(SafetyLimits.none().withMaxLeverage(dec("2")));

    orders.place(perpBid("20"));

    assertThat(writes()).containsExactly("POST /api/v1/order");
  }

  @Test
  void anOrderOneStepOverTheMaxLeverageIsRefusedWithTheFiguresAndNothingIsSent() {
    OrderService orders = orders(SafetyLimits.none().withMaxLeverage(dec("2")));
    routes.json("/api/v1/capital/collateral", collateral("1000", "500"));

    assertThatThrownBy(() -> orders.place(perpBid("15.01")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxLeverage")
        .hasMessageContaining("from 0.5 to 2.01").hasMessageContaining("exposure 2001 / net equity 1000 USDC")
        .hasMessageContaining("limit of 2").hasMessageContaining("add about 15 SOL")
        .hasMessageContaining("BACKPACK_MAX_LEVERAGE");
    assertThat(writes()).isEmpty();
  }

  // ---- what always passes ----

  @Test
  void aReduceOnlyOrderPassesEveryTrippedBreakerWithoutReadingTheAccount() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(0).withMaxPositionNotional(dec("1"))
        .withMaxLeverage(dec("0.01")));
    routes.json("/api/v1/orders", openOrders(5));
    routes.json("/api/v1/position", position("10", "100"));

    orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("1"), dec("100")).reduceOnly(true).build());

    assertThat(writes()).containsExactly("POST /api/v1/order");
    assertThat(paths()).containsExactly("/api/v1/markets", "/api/v1/order");
  }

  @Test
  void aCancelPassesEveryTrippedBreaker() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(0).withMaxPositionNotional(dec("1"))
        .withMaxLeverage(dec("0.01")));
    routes.json("/api/v1/orders", openOrders(5));

    orders.cancel("SOL_USDC_PERP", "1");

    assertThat(writes()).containsExactly("DELETE /api/v1/order");
  }

  @Test
  void withoutBreakersPlacingReadsNothingFromTheAccount() {
    OrderService orders = orders(SafetyLimits.none());

    orders.place(perpBid("1000"));

    assertThat(paths()).containsExactly("/api/v1/markets", "/api/v1/order");
  }

  // ---- preview ----

  @Test
  void aPreviewListsTheBreakersTheOrderWouldTrip() {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(dec("404")).withMaxOpenOrders(1));
    routes.json("/api/v1/depth", BOOK);
    routes.json("/api/v1/account", ACCOUNT);
    routes.json("/api/v1/borrowLend/positions", "[]");
    routes.json("/api/v1/position", position("2", "101"));
    routes.json("/api/v1/orders", openOrders(1));

    OrderPreview over = orders.preview(perpBid("2.01"));
    OrderPreview at = orders.preview(OrderRequest.limit("SOL_USDC_PERP", Side.BID, dec("2"), dec("100"))
        .timeInForce(TimeInForce.IOC).build());

    assertThat(over.acceptable()).isFalse();
    assertThat(over.problems()).anySatisfy(p -> assertThat(p).contains("circuit breaker maxPositionNotional"))
        .anySatisfy(p -> assertThat(p).contains("circuit breaker maxOpenOrders"));
    assertThat(at.problems()).noneSatisfy(p -> assertThat(p).contains("circuit breaker"));
    assertThat(writes()).isEmpty();
  }

  @Test
  void breakerLimitsMustBePositive() {
    assertThatThrownBy(() -> SafetyLimits.none().withMaxLeverage(dec("0"))).hasMessageContaining("maxLeverage");
    assertThatThrownBy(() -> SafetyLimits.none().withMaxPositionNotional(dec("-1"))).hasMessageContaining("maxPositionNotional");
    assertThatThrownBy(() -> SafetyLimits.none().withMaxOpenOrders(-1)).hasMessageContaining("maxOpenOrders");
  }
}
