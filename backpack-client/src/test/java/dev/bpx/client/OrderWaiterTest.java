package dev.bpx.client;

import static dev.bpx.client.TestExchange.historicalOrder;
import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.OrderStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link OrderService#awaitFinished}: polling with growing pauses until the order leaves the book. */
class OrderWaiterTest {
  private static final String NOT_FOUND = "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}";

  private final TestExchange exchange = new TestExchange();
  private final OrderService orders = exchange.client.orders();

  @AfterEach
  void close() {
    exchange.close();
  }

  @Test
  void pollsUntilTheOrderLeavesTheBookThenReportsHowItEnded() throws Exception {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "PartiallyFilled", "Limit"));
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", 7, "SOL_USDC", "Filled", "2025-01-01T00:00:00") + "]");

    Optional<OrderLookup> done = orders.awaitFinished("SOL_USDC", "111", null, Duration.ofSeconds(30));

    assertThat(done).get().satisfies(lookup -> {
      assertThat(lookup.isOpen()).isFalse();
      assertThat(lookup.historicalOrder().status()).isEqualTo(OrderStatus.FILLED);
    });
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    assertThat(exchange.take().getUrl().encodedPath()).isEqualTo("/wapi/v1/history/orders");
    assertThat(exchange.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(300));
    assertThat(exchange.server.getRequestCount()).as("no request after the answer").isEqualTo(5);
  }

  @Test
  void aClientIdIsLookedUpOnceThenTheOrderIdIsPolled() throws Exception {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[" + historicalOrder("111", 7, "SOL_USDC", "Cancelled", "2025-01-01T00:00:00") + "]");

    Optional<OrderLookup> done = orders.awaitFinished("SOL_USDC", null, 7L, Duration.ofSeconds(5));

    assertThat(done).get().extracting(l -> l.historicalOrder().status()).isEqualTo(OrderStatus.CANCELLED);
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "clientId=7&symbol=SOL_USDC");
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
  }

  @Test
  void whenTheTimeIsUpTheOrderIsReportedAsItStandsAndTheSleepsAddUpToTheTimeout() throws Exception {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    for (int i = 0; i < 5; i++) {
      exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", i < 3 ? "New" : "PartiallyFilled", "Limit"));
    }

    Optional<OrderLookup> still = orders.awaitFinished("SOL_USDC", "111", null, Duration.ofSeconds(1));

    assertThat(still).get().satisfies(lookup -> {
      assertThat(lookup.isOpen()).isTrue();
      assertThat(lookup.openOrder().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    });
    assertThat(exchange.sleeps).containsExactly(
        Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(450), Duration.ofMillis(50));
    assertThat(exchange.server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void anOrderMissingFromTheHistoryForAMomentIsAskedForAgainNeverCalledOpen() throws Exception {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + historicalOrder("111", 7, "SOL_USDC", "Filled", "2025-01-01T00:00:00") + "]");

    Optional<OrderLookup> done = orders.awaitFinished("SOL_USDC", "111", null, Duration.ofSeconds(10));

    assertThat(done).get().extracting(OrderLookup::isOpen).isEqualTo(false);
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    assertThat(exchange.take().getUrl().encodedPath()).isEqualTo("/wapi/v1/history/orders");
    assertThat(exchange.take().getUrl().encodedPath()).as("the book is not asked again").isEqualTo("/wapi/v1/history/orders");
  }

  @Test
  void theLastLookAtAnOrderThatLeftTheBookAsksOnlyTheHistory() throws Exception {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + historicalOrder("111", 7, "SOL_USDC", "Filled", "2025-01-01T00:00:00") + "]");

    Optional<OrderLookup> done = orders.awaitFinished("SOL_USDC", "111", null, Duration.ofMillis(500));

    assertThat(done).get().extracting(l -> l.historicalOrder().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(exchange.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(300));
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC");
    for (int i = 0; i < 3; i++) {
      assertThat(exchange.take().getUrl().encodedPath()).as("request %d after the book", i)
          .isEqualTo("/wapi/v1/history/orders");
    }
    assertThat(exchange.server.getRequestCount()).as("the book is not asked after the time is up").isEqualTo(6);
  }

  @Test
  void anUnknownOrderOrAZeroTimeoutAnswersAtOnce() throws Exception {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, NOT_FOUND);
    exchange.enqueueJson("[]");
    exchange.enqueueJson(order("222", 8, "SOL_USDC", "Bid", "New", "Limit"));

    assertThat(orders.awaitFinished("SOL_USDC", "999", null, Duration.ofMinutes(5))).isEmpty();
    assertThat(orders.awaitFinished("SOL_USDC", "222", null, Duration.ZERO)).get().extracting(OrderLookup::isOpen)
        .isEqualTo(true);
    assertThat(exchange.sleeps).isEmpty();
  }

  @Test
  void badArgumentsSendNothing() {
    assertThatThrownBy(() -> orders.awaitFinished("SOL_USDC", "1", null, Duration.ofMinutes(61)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("between 0 and 1 hour");
    assertThatThrownBy(() -> orders.awaitFinished("SOL_USDC", "1", null, Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> orders.awaitFinished("SOL_USDC", "1", 5L, Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> orders.awaitFinished("SOL_USDC", null, 1L << 33, Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("uint32");
    assertThat(exchange.server.getRequestCount()).isZero();
  }
}
