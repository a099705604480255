package dev.bpx.client;

import static dev.bpx.client.TestExchange.historicalOrder;
import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Safety limits on the write path (nothing reaches the exchange when a limit is broken), closing a
 * position, and finding an order wherever it is.
 */
class OrderServiceSafetyTest {
  /** Best ask 100 (1), then 101 (2), 103 (5); bids ascending, best (99) last. */
  private static final String BOOK = """
      {"asks":[["100.00","1"],["101.00","2"],["103.00","5"]],
       "bids":[["95.00","5"],["97.00","2"],["99.00","1"]],
       "lastUpdateId":"1504999670","timestamp":1753102447307501}""";

  private static final String NOT_FOUND = """
      {"code":"RESOURCE_NOT_FOUND","message":"Not Found"}""";

  private TestExchange exchange;

  @AfterEach
  void close() {
    exchange.close();
  }

  private OrderService orders(SafetyLimits limits) {
    exchange = new TestExchange(b -> b.safetyLimits(limits));
    return exchange.client.orders();
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static String position(String netQuantity) {
    return """
        [{"breakEvenPrice":"100","cumulativeFundingPayment":"0","cumulativeInterest":"0","entryPrice":"100",
          "estLiquidationPrice":"80","imf":"0.02","markPrice":"101","mmf":"0.0135","netCost":"0",
          "netExposureNotional":"0","netExposureQuantity":"%1$s","netQuantity":"%1$s","pnlRealized":"0",
          "pnlUnrealized":"0","positionId":"5479295502","subaccountId":null,"symbol":"SOL_USDC_PERP","userId":1813870}]"""
        .formatted(netQuantity);
  }

  /** Takes every request the server got and checks none was a write. */
  private void assertNoWriteReachedTheExchange(int expectedReads) {
    assertThat(exchange.requestCount()).isEqualTo(expectedReads);
    for (int i = 0; i < expectedReads; i++) {
      assertThat(exchange.take().getMethod()).isEqualTo("GET");
    }
  }

  // ---- place / placeBatch under safety limits ----

  @Test
  void placeOverTheMaxNotionalThrowsAndNothingIsPosted() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "New", "Limit")); // only reached if it wrongly posts
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).contains("404").contains("exceeds the max order notional 300");
          assertThat(e.getMessage()).contains("reduce the quantity").contains("nothing was sent");
        });
    exchange.take("GET", "/api/v1/markets", null);
    assertThat(exchange.requestCount()).as("the markets only: no POST").isEqualTo(1);
  }

  @Test
  void placeAtExactlyTheMaxNotionalIsSent() {
    OrderService orders = orders(SafetyLimits.of(dec("404"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));

    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).clientId(1).build());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("POST", "/api/v1/order", null));
  }

  @Test
  void placeOnASymbolOutsideTheAllowListThrowsAndNothingIsPosted() {
    OrderService orders = orders(SafetyLimits.of(null, Set.of("SOL_USDC_PERP")));
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("orders on SOL_USDC are not allowed")
        .hasMessageContaining("allowed: SOL_USDC_PERP");
    assertNoWriteReachedTheExchange(1);
  }

  @Test
  void anAllowListWrittenInLowerCaseStillAllowsItsSymbol() {
    OrderService orders = orders(SafetyLimits.of(null, Set.of("sol_usdc")));
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = orders.place(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build());

    assertThat(placed.id()).isEqualTo("1");
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
  }

  @Test
  void aMarketOrderByQuantityReadsTheBookAndIsRefusedWhenItWouldCostTooMuch() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(BOOK);
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "Filled", "Market"));
    // 1 @ 100 + 2 @ 101 = 302
    OrderRequest request = OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("3")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("the order's value 302 exceeds the max order notional 300");
    exchange.take("GET", "/api/v1/markets", null);
    TestExchange.assertUnsigned(exchange.take("GET", "/api/v1/depth", "symbol=SOL_USDC"));
    assertThat(exchange.requestCount()).as("no POST").isEqualTo(2);
  }

  @Test
  void aMarketSellByQuantityIsValuedAgainstTheBidsFromTheBest() {
    OrderService orders = orders(SafetyLimits.of(dec("195"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(BOOK);
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Ask", "Filled", "Market"));
    // 1 @ 99 + 1 @ 97 = 196 (walking from the first wire element would give 190 and pass)
    OrderRequest request = OrderRequest.marketByQuantity("SOL_USDC", Side.ASK, dec("2")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("value 196 exceeds");
    assertNoWriteReachedTheExchange(2);
  }

  @Test
  void aMarketOrderByQuantityIsSentExactlyWhenTheBookMakesItCheapEnough() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(BOOK);
    exchange.enqueueJson(order("7", 4242, "SOL_USDC", "Bid", "Filled", "Market"));

    Order placed = orders.place(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("2")).clientId(4242).build());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/depth", "symbol=SOL_USDC");
    RecordedRequest post = exchange.take("POST", "/api/v1/order", null);
    assertThat(TestExchange.body(post)).isEqualTo(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"2\",\"clientId\":4242}");
    exchange.assertSigned(post);
    assertThat(placed.id()).isEqualTo("7");
    assertThat(exchange.requestCount()).isEqualTo(3);
  }

  @Test
  void aMarketOrderByQuantityAgainstAnEmptyBookIsRefusedWhenANotionalLimitIsSet() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson("{\"asks\":[],\"bids\":[],\"lastUpdateId\":\"1\",\"timestamp\":1753102447307501}");
    OrderRequest request = OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("1")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cannot be estimated")
        .hasMessageContaining("use a limit order");
    assertNoWriteReachedTheExchange(2);
  }

  @Test
  void withoutANotionalLimitAMarketOrderByQuantityDoesNotReadTheBook() {
    OrderService orders = orders(SafetyLimits.of(null, Set.of("SOL_USDC")));
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "Filled", "Market"));

    orders.place(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("1000")).build());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void limitAndQuoteQuantityOrdersAreCheckedWithoutReadingTheBook() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueueJson(order("2", 2, "SOL_USDC", "Bid", "Filled", "Market"));

    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, dec("2"), dec("150")).build());
    orders.place(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("300")).build());
    assertThatThrownBy(() -> orders.place(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("300.01")).build()))
        .isInstanceOf(ValidationException.class);

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
    exchange.take("POST", "/api/v1/order", null);
    assertThat(exchange.requestCount()).as("no depth, no third POST").isEqualTo(3);
  }

  @Test
  void aSellLimitThatCrossesTheBookIsCountedAtTheBidsItWouldTakeAndRefused() {
    // The audit: a sell of 5 SOL @ 1 passed a max notional of 100 as "5" and filled at ~185 (~924).
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(BOOK);
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Ask", "Filled", "Limit")); // only reached if it wrongly posts
    // 1 @ 99 + 2 @ 97 + 1 @ 95 = 388, not 4 × 1
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.ASK, dec("4"), dec("1")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("the order's value 388 exceeds the max order notional 300");
    exchange.take("GET", "/api/v1/markets", null);
    TestExchange.assertUnsigned(exchange.take("GET", "/api/v1/depth", "symbol=SOL_USDC"));
    assertThat(exchange.requestCount()).as("no POST").isEqualTo(2);
  }

  @Test
  void aSellLimitThatRestsAtExactlyTheMaxNotionalIsSent() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of()));
    exchange.enqueueMarkets();
    exchange.enqueueJson(BOOK);
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Ask", "New", "Limit"));

    orders.place(OrderRequest.limit("SOL_USDC", Side.ASK, dec("3"), dec("100")).build());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/depth", "symbol=SOL_USDC");
    exchange.take("POST", "/api/v1/order", null);
  }

  @Test
  void placeBatchReportsTheLimitProblemForTheRightItemAndSendsNothing() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of("SOL_USDC", "SOL_USDC_PERP")));
    exchange.enqueueMarkets();
    exchange.enqueueJson(BOOK); // the sell's bids: none at or above 120, so it is worth 120
    exchange.enqueueJson("[]"); // only reached if the batch were wrongly sent
    List<OrderRequest> batch = List.of(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build(),
        OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build(),
        OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("1"), dec("120")).build(),
        OrderRequest.limit("BTC_USDC", Side.BID, dec("0.001"), dec("90000")).build());

    assertThatThrownBy(() -> orders.placeBatch(batch))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("orders[1].order", "orders[3].order");
          assertThat(e.violations().get(0).reason()).contains("404").contains("exceeds the max order notional 300");
          assertThat(e.violations().get(1).reason()).contains("BTC_USDC").contains("not allowed");
        });
    assertNoWriteReachedTheExchange(2);
  }

  @Test
  void placeBatchWithinTheLimitsIsSent() {
    OrderService orders = orders(SafetyLimits.of(dec("300"), Set.of("SOL_USDC")));
    exchange.enqueueMarkets();
    exchange.enqueueJson("[" + order("1", 1, "SOL_USDC", "Bid", "New", "Limit").strip().replaceFirst("\\{",
        "{\"operation\":\"Ok\",") + "]");

    List<BatchOrderResult> results = orders.placeBatch(List.of(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).clientId(1).build()));

    assertThat(results).hasSize(1);
    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("POST", "/api/v1/orders", null));
  }

  @Test
  void cancelsAreNeverBlockedBySafetyLimits() {
    OrderService orders = orders(SafetyLimits.of(dec("0.01"), Set.of("BTC_USDC")));
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "Cancelled", "Limit"));
    exchange.enqueueJson(order("112", 8, "SOL_USDC", "Bid", "Cancelled", "Limit"));
    exchange.enqueueJson("[]");

    orders.cancel("SOL_USDC", "111");
    orders.cancelByClientId("SOL_USDC", 8);
    orders.cancelAll("SOL_USDC");

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest byId = exchange.take("DELETE", "/api/v1/order", null);
    assertThat(TestExchange.jsonBody(byId)).isEqualTo(TestExchange.map("orderId", "111", "symbol", "SOL_USDC"));
    exchange.assertSigned(byId);
    RecordedRequest byClientId = exchange.take("DELETE", "/api/v1/order", null);
    assertThat(TestExchange.jsonBody(byClientId)).isEqualTo(TestExchange.map("clientId", dec("8"), "symbol", "SOL_USDC"));
    RecordedRequest all = exchange.take("DELETE", "/api/v1/orders", null);
    assertThat(TestExchange.jsonBody(all)).isEqualTo(TestExchange.map("symbol", "SOL_USDC"));
    assertThat(exchange.requestCount()).isEqualTo(4);
  }

  // ---- closePosition ----

  @Test
  void closingIsNeverBlockedByTheLimitsBecauseReduceOnlyOrdersOnlyLowerRisk() {
    // A 2.5 SOL position worth far more than the 1 USDC limit, on a symbol not in the allow-list.
    OrderService orders = orders(SafetyLimits.of(dec("1"), Set.of("BTC_USDC")));
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("2.5"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    orders.closePosition("SOL_USDC_PERP");

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/position", "symbol=SOL_USDC_PERP");
    assertThat(TestExchange.jsonBody(exchange.take("POST", "/api/v1/order", null))).containsEntry("reduceOnly", true);
  }

  @Test
  void closingALongSendsAReduceOnlyMarketAskForExactlyThePositionSize() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("2.5"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    Order closing = orders.closePosition("SOL_USDC_PERP");

    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/position", "symbol=SOL_USDC_PERP"));
    RecordedRequest post = exchange.take("POST", "/api/v1/order", null);
    exchange.assertSigned(post);
    Map<String, Object> body = TestExchange.jsonBody(post);
    assertThat(body).containsOnlyKeys("symbol", "side", "orderType", "quantity", "reduceOnly", "clientId");
    assertThat(body).containsEntry("symbol", "SOL_USDC_PERP")
        .containsEntry("side", "Ask")
        .containsEntry("orderType", "Market")
        .containsEntry("quantity", "2.5")
        .containsEntry("reduceOnly", true);
    assertThat((BigDecimal) body.get("clientId"))
        .isBetween(BigDecimal.ONE, new BigDecimal(OrderRequest.MAX_CLIENT_ID));
    assertThat(TestExchange.body(post)).contains("\"quantity\":\"2.5\"").contains("\"reduceOnly\":true");
    assertThat(closing.id()).isEqualTo("9");
    assertThat(exchange.requestCount()).isEqualTo(3);
  }

  @Test
  void closingAShortSendsAReduceOnlyMarketBidForItsAbsoluteSize() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("-1.25"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Bid", "Filled", "Market"));

    orders.closePosition("SOL_USDC_PERP");

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/position", "symbol=SOL_USDC_PERP");
    Map<String, Object> body = TestExchange.jsonBody(exchange.take("POST", "/api/v1/order", null));
    assertThat(body).containsEntry("side", "Bid")
        .containsEntry("orderType", "Market")
        .containsEntry("quantity", "1.25")
        .containsEntry("reduceOnly", true)
        .containsKey("clientId");
  }

  @Test
  void closingPartOfAPositionSendsOnlyThatQuantity() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("2.5"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    orders.closePosition("SOL_USDC_PERP", dec("1.00"));

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/position", "symbol=SOL_USDC_PERP");
    Map<String, Object> body = TestExchange.jsonBody(exchange.take("POST", "/api/v1/order", null));
    assertThat(body).containsEntry("side", "Ask").containsEntry("quantity", "1.00").containsEntry("reduceOnly", true);
  }

  @Test
  void closingExactlyTheWholePositionByQuantityIsAllowed() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("-2.5"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Bid", "Filled", "Market"));

    orders.closePosition("SOL_USDC_PERP", dec("2.50"));

    exchange.take();
    exchange.take();
    assertThat(TestExchange.jsonBody(exchange.take("POST", "/api/v1/order", null)))
        .containsEntry("side", "Bid").containsEntry("quantity", "2.50");
  }

  @Test
  void closingWhenTheExchangeHasNoPositionThrowsAndSendsNothing() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets();
    exchange.enqueue(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Position not found\"}");
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    assertThatThrownBy(() -> orders.closePosition("SOL_USDC_PERP"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no open position in SOL_USDC_PERP")
        .hasMessageContaining("nothing was sent");
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/position", "symbol=SOL_USDC_PERP");
    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void closingAZeroPositionThrowsAndSendsNothing() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("0"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    assertThatThrownBy(() -> orders.closePosition("SOL_USDC_PERP"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no open position");
    assertNoWriteReachedTheExchange(2);
  }

  @Test
  void closingMoreThanThePositionIsRefusedAndNothingIsSent() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(position("2.5"));
    exchange.enqueueJson(order("9", 1, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    assertThatThrownBy(() -> orders.closePosition("SOL_USDC_PERP", dec("2.51")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("quantity"))
        .hasMessageContaining("at most the position size 2.5");
    assertNoWriteReachedTheExchange(2);
  }

  @Test
  void closingAZeroOrNegativeQuantityIsRefusedAndNothingIsSent() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets();
    exchange.enqueueJson(position("2.5"));
    exchange.enqueueJson(position("2.5"));

    assertThatThrownBy(() -> orders.closePosition("SOL_USDC_PERP", BigDecimal.ZERO))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> orders.closePosition("SOL_USDC_PERP", dec("-1")))
        .isInstanceOf(ValidationException.class);
    assertNoWriteReachedTheExchange(3);
  }

  // ---- findOrder ----

  @Test
  void findOrderReturnsTheOpenOrderWithoutLookingAtHistory() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));

    Optional<OrderLookup> found = orders.findOrder("SOL_USDC", "111", null);

    assertThat(found).get().satisfies(lookup -> {
      assertThat(lookup.isOpen()).isTrue();
      assertThat(lookup.openOrder().id()).isEqualTo("111");
      assertThat(lookup.historicalOrder()).isNull();
    });
    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC"));
    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void findOrderByClientIdReturnsTheOpenOrder() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));

    Optional<OrderLookup> found = orders.findOrder("SOL_USDC", null, 7L);

    assertThat(found).get().extracting(l -> l.openOrder().clientId()).isEqualTo(7L);
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "clientId=7&symbol=SOL_USDC");
    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void findOrderByIdFallsBackToTheHistoryWhenTheOrderIsNoLongerOpen() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", 7, "SOL_USDC", "Filled", "2025-01-01T00:00:00.000") + "]");

    Optional<OrderLookup> found = orders.findOrder("SOL_USDC", "111", null);

    assertThat(found).get().satisfies(lookup -> {
      assertThat(lookup.isOpen()).isFalse();
      assertThat(lookup.openOrder()).isNull();
      assertThat(lookup.historicalOrder().id()).isEqualTo("111");
      assertThat(lookup.historicalOrder().executedQuantity()).isEqualByComparingTo("1.5");
    });
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    RecordedRequest history = exchange.take();
    assertThat(history.getMethod()).isEqualTo("GET");
    assertThat(history.getUrl().encodedPath()).isEqualTo("/wapi/v1/history/orders");
    assertThat(history.getUrl().queryParameter("symbol")).isEqualTo("SOL_USDC");
    assertThat(history.getUrl().queryParameter("orderId")).isEqualTo("111");
    exchange.assertSigned(history);
  }

  @Test
  void findOrderByClientIdFallsBackToTheHistoryAndPicksThatClientId() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("300", 8, "SOL_USDC", "Filled", "2025-01-01T00:00:03.000") + ","
        + historicalOrder("200", 7, "SOL_USDC", "Cancelled", "2025-01-01T00:00:02.000") + ","
        + historicalOrder("100", 6, "SOL_USDC", "Filled", "2025-01-01T00:00:01.000") + "]");

    Optional<OrderLookup> found = orders.findOrder("SOL_USDC", null, 7L);

    assertThat(found).get().extracting(l -> l.historicalOrder().id()).isEqualTo("200");
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "clientId=7&symbol=SOL_USDC");
    RecordedRequest history = exchange.take();
    assertThat(history.getUrl().encodedPath()).isEqualTo("/wapi/v1/history/orders");
    assertThat(history.getUrl().queryParameter("symbol")).isEqualTo("SOL_USDC");
    assertThat(history.getUrl().queryParameter("sortDirection")).isEqualTo("Desc");
    exchange.assertSigned(history);
  }

  @Test
  void findOrderReturnsEmptyWhenNeitherOpenNorInHistory() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("200", 8, "SOL_USDC", "Filled", "2025-01-01T00:00:02.000") + "]");

    assertThat(orders.findOrder("SOL_USDC", "111", null)).isEmpty();
    assertThat(orders.findOrder("SOL_USDC", null, 7L)).isEmpty();
    assertThat(exchange.requestCount()).isEqualTo(5);
  }

  @Test
  void findOrderByIdIgnoresAHistoryRowWithAnotherId() {
    OrderService orders = orders(SafetyLimits.none());
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("999", 7, "SOL_USDC", "Filled", "2025-01-01T00:00:02.000") + "]");

    assertThat(orders.findOrder("SOL_USDC", "111", null)).isEmpty();
  }

  @Test
  void findOrderNeedsExactlyOneIdAndSendsNothingOtherwise() {
    OrderService orders = orders(SafetyLimits.none());

    assertThatThrownBy(() -> orders.findOrder("SOL_USDC", "111", 7L))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactly("orderId/clientId"))
        .hasMessageContaining("exactly one of orderId and clientId");
    assertThatThrownBy(() -> orders.findOrder("SOL_USDC", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exactly one of orderId and clientId");
    assertThat(exchange.requestCount()).isZero();
  }
}
