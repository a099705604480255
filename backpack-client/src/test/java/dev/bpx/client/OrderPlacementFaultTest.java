package dev.bpx.client;

import static dev.bpx.client.TestExchange.historicalOrder;
import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The never-double rules of order placement under scripted network faults. */
class OrderPlacementFaultTest {
  private static final long CLIENT_ID = 424242;
  private static final String OPEN_LOOKUP = "clientId=424242&symbol=SOL_USDC";
  private static final String HISTORY_LOOKUP = "symbol=SOL_USDC&limit=1000&offset=0&sortDirection=Desc";
  private static final String NOT_FOUND = "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}";

  private final TestExchange exchange = new TestExchange(b -> b.readTimeout(Duration.ofMillis(500)));

  @AfterEach
  void close() {
    exchange.close();
  }

  private static OrderRequest request() {
    return OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.5"), new BigDecimal("142.10"))
        .clientId(CLIENT_ID).build();
  }


  @Test
  void placeOrderIsNotResentAfterConnectionDrop() {
    exchange.enqueueMarkets();
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = exchange.client.orders().place(request());

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest post = exchange.take("POST", "/api/v1/order", null);
    exchange.assertSigned(post);
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", OPEN_LOOKUP));
    assertThat(exchange.requestCount()).as("one POST, then one lookup; nothing re-sent").isEqualTo(3);
    assertThat(placed.id()).isEqualTo("111");
    assertThat(placed.clientId()).isEqualTo(CLIENT_ID);
  }

  @Test
  void ambiguousPlaceWaitsOutTheSigningWindowBeforeLooking() {
    exchange.enqueueMarkets();
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    exchange.client.orders().place(request());

    assertThat(exchange.sleeps).containsExactly(Duration.ofMillis(5000 + 1000));
  }

  @Test
  void ambiguousPlaceFindsTheOrderByClientIdInsteadOfResending() {
    exchange.enqueueMarkets();
    exchange.enqueueNoResponse();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", CLIENT_ID, "SOL_USDC", "Filled", "2025-01-01T00:00:00.100") + "]");

    Order placed = exchange.client.orders().place(request());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    exchange.assertSigned(exchange.take("GET", "/wapi/v1/history/orders", HISTORY_LOOKUP));
    assertThat(exchange.requestCount()).isEqualTo(4);
    assertThat(placed.id()).isEqualTo("111");
    assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(placed.executedQuantity()).isEqualByComparingTo("1.5");
  }

  @Test
  void ambiguousPlaceResendsOnlyWhenTheExchangeHasNoSuchOrder() {
    exchange.enqueueMarkets();
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = exchange.client.orders().place(request());

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest first = exchange.take("POST", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    exchange.take("GET", "/wapi/v1/history/orders", HISTORY_LOOKUP);
    RecordedRequest second = exchange.take("POST", "/api/v1/order", null);
    assertThat(TestExchange.body(second)).as("the same order, same clientId").isEqualTo(TestExchange.body(first));
    exchange.assertSigned(second);
    assertThat(exchange.requestCount()).isEqualTo(5);
    assertThat(placed.id()).isEqualTo("111");
  }

  @Test
  void anOlderOrderWithTheSameClientIdIsNotMistakenForThisOne() {
    exchange.enqueueMarkets();
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("9", CLIENT_ID, "SOL_USDC", "Filled", "2024-12-01T00:00:00") + "]");
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = exchange.client.orders().place(request());

    assertThat(placed.id()).isEqualTo("111");
    assertThat(exchange.requestCount()).isEqualTo(5);
  }

  @Test
  void whenTheLookupFailsTheOutcomeIsReportedUnknownWithTheClientId() {
    exchange.enqueueMarkets();
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Something else\"}");

    assertThatThrownBy(() -> exchange.client.orders().place(request()))
        .isInstanceOfSatisfying(NetworkException.class, e -> {
          assertThat(e.requestMayHaveReachedExchange()).isTrue();
          assertThat(e.clientId()).hasValue(CLIENT_ID);
          assertThat(e.symbol()).hasValue("SOL_USDC");
          assertThat(e.getMessage()).contains("whether the order was placed is unknown").contains("clientId 424242")
              .contains("SOL_USDC").doesNotContain("findOrder");
        });
    assertThat(exchange.requestCount()).as("no second POST").isEqualTo(3);
  }

  @Test
  void a500AnswerToPlaceIsCheckedAndReportedNotPlacedWhenTheOrderIsAbsent() {
    exchange.enqueueMarkets();
    exchange.enqueue(500, "{\"code\":\"SERVER_ERROR\",\"message\":\"Internal\"}");
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");

    assertThatThrownBy(() -> exchange.client.orders().place(request()))
        .isInstanceOfSatisfying(OrderNotPlacedException.class, e -> {
          assertThat(e.clientId()).isEqualTo(CLIENT_ID);
          assertThat(e.symbol()).isEqualTo("SOL_USDC");
          assertThat(e.getMessage()).contains("HTTP 500", "nothing was placed", "clientId 424242");
          assertThat(e.getCause()).isInstanceOfSatisfying(ApiException.class, c -> assertThat(c.httpStatus()).isEqualTo(500));
        });
    assertThat(exchange.requestCount()).as("one POST, two lookups, no resend").isEqualTo(4);
  }

  @Test
  void a503WithRetryAfterZeroIsNotRepeatedByOkHttp() {
    exchange.enqueueMarkets();
    exchange.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .body("{\"code\":\"MAINTENANCE\",\"message\":\"Maintenance\"}").build());
    exchange.enqueueJson(order("111", CLIENT_ID, "SOL_USDC", "Bid", "New", "Limit"));

    Order placed = exchange.client.orders().place(request());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
    exchange.take("GET", "/api/v1/order", OPEN_LOOKUP);
    assertThat(placed.id()).isEqualTo("111");
    assertThat(exchange.requestCount()).isEqualTo(3);
  }

  @Test
  void aRejectedOrderIsNeitherRetriedNorLookedUp() {
    exchange.enqueueMarkets();
    exchange.enqueue(400, "{\"code\":\"INSUFFICIENT_FUNDS\",\"message\":\"Insufficient funds\"}");

    assertThatThrownBy(() -> exchange.client.orders().place(request()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).hasValue("INSUFFICIENT_FUNDS"));
    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void resendsStopAfterTheLimitAndSayNothingWasPlaced() {
    exchange.enqueueMarkets();
    for (int i = 0; i <= OrderPlacer.MAX_RESENDS; i++) {
      exchange.enqueueDisconnectAfterRequest();
      exchange.enqueue(404, NOT_FOUND);
      exchange.enqueueJson("[]");
    }

    assertThatThrownBy(() -> exchange.client.orders().place(request()))
        .isInstanceOfSatisfying(OrderNotPlacedException.class, e -> {
          assertThat(e.clientId()).isEqualTo(CLIENT_ID);
          assertThat(e.getMessage()).contains("nothing was placed", "placing the order again is safe");
        });
    assertThat(exchange.requestCount()).isEqualTo(1 + 3 * (OrderPlacer.MAX_RESENDS + 1));
  }

  @Test
  void aCancelWhoseAnswerWasLostLooksTheOrderUpAndReportsItClosed() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", CLIENT_ID, "SOL_USDC", "Cancelled", "2025-01-01T00:00:00") + "]");

    CancelResult result = exchange.client.orders().cancel("SOL_USDC", "111");

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("DELETE", "/api/v1/order", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC"));
    exchange.assertSigned(exchange.take("GET", "/wapi/v1/history/orders", "symbol=SOL_USDC&orderId=111"));
    assertThat(exchange.requestCount()).as("no second DELETE once the order is known closed").isEqualTo(4);
    assertThat(result).isInstanceOfSatisfying(CancelResult.AlreadyClosed.class,
        c -> assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELLED));
  }
}
