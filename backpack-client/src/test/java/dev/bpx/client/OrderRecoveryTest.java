package dev.bpx.client;

import static dev.bpx.client.TestExchange.historicalOrder;
import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted faults around idempotent placement and cancels: garbled answers, proxy 5xx, long
 * histories. Every order is resolved by asking the exchange, never by resending blindly.
 */
class OrderRecoveryTest {
  private static final long CLIENT_ID = 424242;
  private static final String OPEN_LOOKUP = "clientId=424242&symbol=SOL_USDC";
  private static final String NOT_FOUND = "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}";
  private static final Instant NOW = Instant.ofEpochMilli(TestExchange.NOW_MILLIS);

  private final TestExchange exchange = new TestExchange();

  @AfterEach
  void close() {
    exchange.close();
  }

  private static OrderRequest request() {
    return OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.5"), new BigDecimal("142.10"))
        .clientId(CLIENT_ID).build();
  }

  private static String historyQuery(int offset) {
    return "symbol=SOL_USDC&limit=1000&offset=" + offset + "&sortDirection=Desc";
  }

  private static String naive(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
  }

  /** A full page of other clientIds' orders, newest first, created from {@code newest} going back a second each. */
  private static String page(Instant newest, long firstId) {
    StringJoiner rows = new StringJoiner(",", "[", "]");
    for (int i = 0; i < OrderReconciler.HISTORY_PAGE; i++) {
      rows.add(historicalOrder(Long.toString(firstId + i), 1_000_000 + firstId + i, "SOL_USDC", "Filled",
          naive(newest.minusSeconds(i))));
    }
    return rows.toString();
  }

  @Test
  void aGarbled200ToAnOrderIsResolvedByLookingTheOrderUp() {
    exchange.enqueueMarkets();
    exchange.enqueueJson("{\"orderType\":\"Limit\",\"id\":\"111\",\"clientId\":4242");
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = exchange.client.orders().place(request());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", OPEN_LOOKUP));
    assertThat(exchange.requestCount()).as("one POST, one lookup, nothing re-sent").isEqualTo(3);
    assertThat(placed.id()).isEqualTo("111");
    assertThat(exchange.sleeps).as("the signing window is waited out first").containsExactly(Duration.ofMillis(6000));
  }

  @Test
  void aGarbled200ForAnOrderTheExchangeDoesNotHaveIsSentAgainLikeAfterATimeout() {
    exchange.enqueueMarkets();
    exchange.enqueueJson("<html>proxy</html>");
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = exchange.client.orders().place(request());

    exchange.take("GET", "/api/v1/markets", null);
    String first = TestExchange.body(exchange.take("POST", "/api/v1/order", null));
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    exchange.take("GET", "/wapi/v1/history/orders", historyQuery(0));
    assertThat(TestExchange.body(exchange.take("POST", "/api/v1/order", null))).isEqualTo(first);
    assertThat(placed.id()).isEqualTo("111");
  }

  @Test
  void placeIdempotentReturnsTheOpenOrderWithTheClientIdWithoutSending() {
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Placement placement = exchange.client.orders().placeIdempotent(request());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    assertThat(exchange.requestCount()).isEqualTo(2);
    assertThat(placement.duplicate()).isTrue();
    assertThat(placement.order().id()).isEqualTo("111");
  }

  @Test
  void placeIdempotentReadsTheHistoryPastAThousandOrdersUntilTheLookbackAndFindsTheDuplicate() {
    exchange.enqueueMarkets();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson(page(NOW.minusSeconds(10), 1));
    exchange.enqueueJson("[" + historicalOrder("9", CLIENT_ID, "SOL_USDC", "Filled",
        naive(NOW.minus(Duration.ofHours(23)))) + "]");

    Placement placement = exchange.client.orders().placeIdempotent(request());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    exchange.assertSigned(exchange.take("GET", "/wapi/v1/history/orders", historyQuery(0)));
    exchange.take("GET", "/wapi/v1/history/orders", historyQuery(1000));
    assertThat(exchange.requestCount()).as("no POST").isEqualTo(4);
    assertThat(placement.duplicate()).isTrue();
    assertThat(placement.order().id()).isEqualTo("9");
    assertThat(placement.order().status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void placeIdempotentStopsReadingTheHistoryAtTheLookbackAndPlaces() {
    exchange.enqueueMarkets();
    exchange.enqueue(404, NOT_FOUND);
    // The page's last row is older than 24 h: nothing beyond it can collide.
    exchange.enqueueJson(page(NOW.minus(Duration.ofHours(24)).plusSeconds(500), 1));
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Placement placement = exchange.client.orders().placeIdempotent(request());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    exchange.take("GET", "/wapi/v1/history/orders", historyQuery(0));
    exchange.take("POST", "/api/v1/order", null);
    assertThat(placement.duplicate()).isFalse();
    assertThat(placement.order().id()).isEqualTo("111");
  }

  @Test
  void placeIdempotentIgnoresAnOrderWithTheClientIdOlderThanTheLookback() {
    exchange.enqueueMarkets();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("9", CLIENT_ID, "SOL_USDC", "Filled",
        naive(NOW.minus(Duration.ofHours(24)).minusSeconds(1))) + "]");
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Placement placement = exchange.client.orders().placeIdempotent(request());

    assertThat(placement.duplicate()).isFalse();
    assertThat(placement.order().id()).isEqualTo("111");
    assertThat(exchange.requestCount()).isEqualTo(4);
  }

  @Test
  void placeIdempotentReturnsTheOpenOrderWhenTheExchangeSaysTheClientIdIsTaken() {
    exchange.enqueueMarkets();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueue(400, "{\"code\":\"INVALID_ORDER\",\"message\":\"Order with client ID already exists: 424242\"}");
    exchange.enqueueJson(order("222", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Placement placement = exchange.client.orders().placeIdempotent(request());

    assertThat(placement.duplicate()).isTrue();
    assertThat(placement.order().id()).isEqualTo("222");
    assertThat(exchange.requestCount()).isEqualTo(5);
  }

  @Test
  void aHistoryThatIgnoresTheOffsetEndsTheSearchWithAClearErrorInsteadOfLoopingForever() {
    exchange.enqueueMarkets();
    exchange.enqueue(404, NOT_FOUND);
    String samePage = page(NOW.minusSeconds(10), 1);
    exchange.enqueueJson(samePage);
    exchange.enqueueJson(samePage);

    assertThatThrownBy(() -> exchange.client.orders().placeIdempotent(request()))
        .hasMessageContaining("offset 1000 returned the same orders");
    assertThat(exchange.requestCount()).as("nothing was sent").isEqualTo(4);
  }

  @Test
  void aCancelAnsweredWith504AfterTheExchangeCancelledIsReportedClosedFromTheHistory() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(504, "<html>Gateway Timeout</html>");
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", CLIENT_ID, "SOL_USDC", "Cancelled", naive(NOW)) + "]");

    CancelResult result = exchange.client.orders().cancel("SOL_USDC", "111");

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("DELETE", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    exchange.take("GET", "/wapi/v1/history/orders", "symbol=SOL_USDC&orderId=111");
    assertThat(exchange.requestCount()).as("the cancel is not repeated").isEqualTo(4);
    assertThat(result).isInstanceOfSatisfying(CancelResult.AlreadyClosed.class,
        c -> assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELLED));
  }

  @Test
  void aCancelByClientIdAnsweredWith504IsLookedUpByClientId() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(504, "<html>Gateway Timeout</html>");
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", CLIENT_ID, "SOL_USDC", "Cancelled", naive(NOW)) + "]");

    CancelResult result = exchange.client.orders().cancelByClientId("SOL_USDC", CLIENT_ID);

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("DELETE", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    exchange.take("GET", "/wapi/v1/history/orders", historyQuery(0));
    assertThat(result).isInstanceOf(CancelResult.AlreadyClosed.class);
  }

  @Test
  void aLostCancelOfAnOrderStillOpenCancelsItOnceMore() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(503, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"busy\"}");
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "Cancelled", "Limit"));

    CancelResult result = exchange.client.orders().cancel("SOL_USDC", "111");

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("DELETE", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    exchange.assertSigned(exchange.take("DELETE", "/api/v1/order", null));
    assertThat(result).isInstanceOfSatisfying(CancelResult.Cancelled.class,
        c -> assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELLED));
  }

  @Test
  void aLostCancelWhoseLookupFailsSaysCancellingAgainIsSafe() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(504, "<html>Gateway Timeout</html>");
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Something else\"}");

    assertThatThrownBy(() -> exchange.client.orders().cancel("SOL_USDC", "111"))
        .isInstanceOfSatisfying(NetworkException.class, e -> {
          assertThat(e.requestMayHaveReachedExchange()).isTrue();
          assertThat(e.method()).isEqualTo("DELETE");
          assertThat(e.symbol()).hasValue("SOL_USDC");
          assertThat(e.getMessage()).contains("order 111", "Cancelling it again is safe");
        });
    assertThat(exchange.requestCount()).isEqualTo(3);
  }

  @Test
  void aCancelOfAnOrderThatIsNotOpenStillAnswersNotFound() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Order not found\"}");

    assertThatThrownBy(() -> exchange.client.orders().cancel("SOL_USDC", "111"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThat(exchange.requestCount()).isEqualTo(2);
  }
}
