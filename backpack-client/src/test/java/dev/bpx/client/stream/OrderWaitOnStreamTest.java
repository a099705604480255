package dev.bpx.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.OrderLookup;
import dev.bpx.client.model.OrderStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code OrderService.awaitFinished} with streams configured: the order's {@code account.orderUpdate} event
 * wakes the waiter at once, REST gives the answer, and without a stream it still gets there by polling.
 */
class OrderWaitOnStreamTest {
  private static final String OPEN = """
      {"orderType":"Limit","id":"111","clientId":7,"symbol":"SOL_USDC","side":"Bid","status":"New",
       "timeInForce":"GTC","selfTradePrevention":"RejectTaker","createdAt":1735689600000,"price":"142.10",
       "quantity":"1.5","executedQuantity":"0","executedQuoteQuantity":"0","postOnly":false}""";
  private static final String FILLED = """
      [{"id":"111","createdAt":"2025-01-01T00:00:00","orderType":"Limit","symbol":"SOL_USDC","side":"Bid",
        "status":"Filled","timeInForce":"GTC","selfTradePrevention":"RejectTaker","clientId":7,
        "executedQuantity":"1.5","executedQuoteQuantity":"213.15","quantity":"1.5","price":"142.10",
        "postOnly":false}]""";

  private final AtomicBoolean filled = new AtomicBoolean();
  private final AtomicInteger openOrderReads = new AtomicInteger();
  private StreamTestServer server;
  private BackpackClient client;

  @BeforeEach
  void start() throws Exception {
    server = new StreamTestServer();
    server.rest = request -> {
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/v1/order")) {
        openOrderReads.incrementAndGet();
        return filled.get() ? json(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}") : json(200, OPEN);
      }
      if (path.equals("/wapi/v1/history/orders")) {
        return json(200, filled.get() ? FILLED : "[]");
      }
      return null;
    };
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  @Test
  void theOrdersFillEventEndsTheWaitAtOnceInsteadOfAtTheNextPoll() throws Exception {
    client = client(server.wsUrl());
    CompletableFuture<Optional<OrderLookup>> waiting = CompletableFuture.supplyAsync(() -> await(Duration.ofSeconds(30)));
    StreamTestServer.Connection connection = server.awaitConnection();
    assertThat(connection.awaitFrame()).contains("SUBSCRIBE", "account.orderUpdate.SOL_USDC", "signature");
    // The first look plus six polls: the next poll would come 1.5 s later (0.2 s growing x1.5).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (openOrderReads.get() < 7 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(openOrderReads.get()).isEqualTo(7);

    long sent = System.nanoTime();
    filled.set(true);
    connection.send("account.orderUpdate.SOL_USDC", "{\"e\":\"orderFill\",\"E\":1,\"s\":\"SOL_USDC\",\"i\":\"111\","
        + "\"X\":\"Filled\",\"l\":\"1.5\",\"L\":\"142.10\",\"z\":\"1.5\"}");
    Optional<OrderLookup> done = waiting.get(20, TimeUnit.SECONDS);

    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    assertThat(done).get().extracting(lookup -> lookup.historicalOrder().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(tookMillis).as("answered on the event, not at the next poll 1.5 s later").isLessThan(1_000);
    assertThat(openOrderReads.get()).isEqualTo(8);
    // The wait's subscription is closed when it ends.
    assertThat(connection.awaitFrame()).contains("UNSUBSCRIBE", "account.orderUpdate.SOL_USDC");
  }

  @Test
  void withTheStreamDownTheWaitStillEndsByPolling() throws Exception {
    client = client("ws://127.0.0.1:1/"); // nothing listens: every connection attempt fails
    CompletableFuture<Optional<OrderLookup>> waiting = CompletableFuture.supplyAsync(() -> await(Duration.ofSeconds(30)));
    while (openOrderReads.get() < 3) {
      Thread.sleep(5);
    }
    filled.set(true);

    assertThat(waiting.get(20, TimeUnit.SECONDS)).get().extracting(OrderLookup::isOpen).isEqualTo(false);
  }

  private Optional<OrderLookup> await(Duration timeout) {
    try {
      return client.orders().awaitFinished("SOL_USDC", "111", null, timeout);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private BackpackClient client(String wsUrl) {
    return BackpackClient.builder().baseUrl(server.restUrl()).signingKey(SigningKey.generate())
        .streams(StreamSettings.builder().url(wsUrl).reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build())
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
