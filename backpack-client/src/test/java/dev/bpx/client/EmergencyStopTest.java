package dev.bpx.client;

import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Order;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emergency stop against a scripted exchange: every request it sends, in order, and its report. */
class EmergencyStopTest {
  private TestExchange exchange;

  @AfterEach
  void close() {
    exchange.close();
  }

  private static String position(String symbol, String netQuantity) {
    return """
        {"breakEvenPrice":"100","cumulativeFundingPayment":"0","cumulativeInterest":"0","entryPrice":"100",
          "estLiquidationPrice":"80","imf":"0.02","markPrice":"101","mmf":"0.0135","netCost":"0",
          "netExposureNotional":"0","netExposureQuantity":"%2$s","netQuantity":"%2$s","pnlRealized":"0",
          "pnlUnrealized":"0","positionId":"5479295502","subaccountId":null,"symbol":"%1$s","userId":1813870}"""
        .formatted(symbol, netQuantity);
  }

  private void enqueueMixedBookOpenOrders() {
    exchange.enqueueJson("[" + order("1", 11, "SOL_USDC", "Bid", "New", "Limit") + ","
        + order("2", 12, "SOL_USDC_PERP", "Ask", "TriggerPending", "Market") + ","
        + order("3", 13, "SOL_USDC_PERP", "Bid", "New", "Limit") + "]");
  }

  private void takeCancel(String symbol, String orderType) {
    Map<String, Object> body = TestExchange.jsonBody(exchange.take("DELETE", "/api/v1/orders", null));
    assertThat(body).containsEntry("symbol", symbol).containsEntry("orderType", orderType);
  }

  @Test
  void aMixedBookIsCancelledPerMarketAndOrderTypeThenThePositionIsClosedReduceOnly() {
    // Limits that would refuse any new order: the emergency stop must pass them anyway.
    exchange = new TestExchange(b -> b.safetyLimits(SafetyLimits.of(new java.math.BigDecimal("1"), Set.of("BTC_USDC"))));
    enqueueMixedBookOpenOrders();
    exchange.enqueueJson("[" + position("SOL_USDC_PERP", "-2.5") + "]");
    exchange.enqueueJson("[" + order("1", 11, "SOL_USDC", "Bid", "Cancelled", "Limit") + "]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + order("3", 13, "SOL_USDC_PERP", "Bid", "Cancelled", "Limit") + "]");
    exchange.enqueueJson("[" + order("2", 12, "SOL_USDC_PERP", "Ask", "Cancelled", "Market") + "]");
    exchange.enqueueJson("[" + position("SOL_USDC_PERP", "-2.5") + "]");
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("9", 99, "SOL_USDC_PERP", "Bid", "Filled", "Market"));

    EmergencyStopReport report = exchange.client.orders().emergencyStop();

    exchange.take("GET", "/api/v1/orders", null);
    exchange.take("GET", "/api/v1/position", null);
    takeCancel("SOL_USDC", "RestingLimitOrder");
    takeCancel("SOL_USDC", "ConditionalOrder");
    takeCancel("SOL_USDC_PERP", "RestingLimitOrder");
    takeCancel("SOL_USDC_PERP", "ConditionalOrder");
    exchange.take("GET", "/api/v1/position", null);
    exchange.take("GET", "/api/v1/markets", null);
    Map<String, Object> close = TestExchange.jsonBody(exchange.take("POST", "/api/v1/order", null));
    assertThat(close).containsEntry("symbol", "SOL_USDC_PERP").containsEntry("side", "Bid")
        .containsEntry("orderType", "Market").containsEntry("quantity", "2.5").containsEntry("reduceOnly", true)
        .containsKey("clientId");
    assertThat(exchange.requestCount()).isEqualTo(9);
    assertThat(report.cancelled()).extracting(Order::id).containsExactly("1", "3", "2");
    assertThat(report.closed()).extracting(Order::id).containsExactly("9");
    assertThat(report.failures()).isEmpty();
    assertThat(report.succeeded()).isTrue();
    assertThat(report.nothingToDo()).isFalse();
  }

  @Test
  void aFailedCancelInTheMiddleIsReportedAndTheRestStillRuns() {
    exchange = new TestExchange();
    enqueueMixedBookOpenOrders();
    exchange.enqueueJson("[" + position("SOL_USDC_PERP", "1.5") + "]");
    exchange.enqueue(400, """
        {"code":"INVALID_CLIENT_REQUEST","message":"Market is closed"}""");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + order("3", 13, "SOL_USDC_PERP", "Bid", "Cancelled", "Limit") + "]");
    exchange.enqueueJson("[" + order("2", 12, "SOL_USDC_PERP", "Ask", "Cancelled", "Market") + "]");
    exchange.enqueueJson("[" + position("SOL_USDC_PERP", "1.5") + "]");
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("9", 99, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    EmergencyStopReport report = exchange.client.orders().emergencyStop();

    assertThat(exchange.requestCount()).isEqualTo(9);
    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.step()).isEqualTo("cancel resting orders");
      assertThat(f.symbol()).isEqualTo("SOL_USDC");
      assertThat(f.reason()).contains("Market is closed");
    });
    assertThat(report.cancelled()).extracting(Order::id).containsExactly("3", "2");
    assertThat(report.closed()).extracting(Order::id).containsExactly("9");
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void aSecondCallWithNothingOpenOnlyReadsAndReportsNothingToDo() {
    exchange = new TestExchange();
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");

    EmergencyStopReport report = exchange.client.orders().emergencyStop();

    exchange.take("GET", "/api/v1/orders", null);
    exchange.take("GET", "/api/v1/position", null);
    exchange.take("GET", "/api/v1/position", null);
    assertThat(exchange.requestCount()).isEqualTo(3);
    assertThat(report.nothingToDo()).isTrue();
    assertThat(report.succeeded()).isTrue();
  }

  @Test
  void theTriggerOrdersOfAPositionsMarketAreCancelledEvenWhenTheOpenOrdersListShowsNone() {
    exchange = new TestExchange();
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + position("SOL_USDC_PERP", "2") + "]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + order("7", 17, "SOL_USDC_PERP", "Ask", "Cancelled", "Market") + "]");

    EmergencyStopReport report = exchange.client.orders().cancelAllOpenOrders();

    exchange.take("GET", "/api/v1/orders", null);
    exchange.take("GET", "/api/v1/position", null);
    takeCancel("SOL_USDC_PERP", "RestingLimitOrder");
    takeCancel("SOL_USDC_PERP", "ConditionalOrder");
    assertThat(exchange.requestCount()).isEqualTo(4);
    assertThat(report.cancelled()).extracting(Order::id).containsExactly("7");
    assertThat(report.closed()).isEmpty();
  }

  @Test
  void positionsThatCannotBeReadForTheirMarketsAreReportedAndTheOpenOrdersStillCancelled() {
    exchange = new TestExchange();
    exchange.enqueueJson("[" + order("1", 11, "SOL_USDC", "Bid", "New", "Limit") + "]");
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Positions unavailable\"}");
    exchange.enqueueJson("[" + order("1", 11, "SOL_USDC", "Bid", "Cancelled", "Limit") + "]");
    exchange.enqueueJson("[]");

    EmergencyStopReport report = exchange.client.orders().cancelAllOpenOrders();

    assertThat(report.cancelled()).extracting(Order::id).containsExactly("1");
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.step()).startsWith("list positions"));
    assertThat(report.succeeded()).isFalse();
  }
}
