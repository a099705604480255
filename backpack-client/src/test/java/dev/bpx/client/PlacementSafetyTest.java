package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.journal.Journal;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.journal.JournalWriter;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placement path under concurrency and retries, against a small stateful exchange (open orders
 * and one perp position that every accepted order changes, with a slow order endpoint so that calls
 * overlap): the per-order breakers hold under concurrent calls, getting out is never held up behind a
 * slow order, a clientId retry finds its order before any limit, a clientId reused with other
 * arguments is refused, a placement in flight is known, and a cancelled request is not sent.
 */
class PlacementSafetyTest {
  private static final String MARK_PRICE = """
      [{"symbol":"SOL_USDC_PERP","markPrice":"100","indexPrice":"100","fundingRate":"0.0000125",
        "nextFundingTimestamp":1753106400000}]""";
  private static final String BOOK = """
      {"asks":[["101.00","3000"]],"bids":[["99.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""";

  @TempDir Path dir;
  private final StatefulExchange state = new StatefulExchange();
  private TestExchange exchange;
  private ExecutorService pool;

  @AfterEach
  void close() throws InterruptedException {
    state.release.countDown();
    if (pool != null) {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (exchange != null) {
      exchange.close();
    }
  }

  private OrderService orders(SafetyLimits limits, boolean journal) {
    exchange = new TestExchange(b -> {
      b.safetyLimits(limits);
      if (journal) {
        b.journal(dir);
      }
    });
    exchange.server.setDispatcher(state);
    return exchange.client.orders();
  }

  private static OrderRequest spotBid(long clientId, String quantity, String price) {
    return OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal(quantity), new BigDecimal(price)).clientId(clientId)
        .build();
  }

  private static OrderRequest perpMarketBid(long clientId, String quantity) {
    return OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, new BigDecimal(quantity)).clientId(clientId).build();
  }

  private List<Future<Object>> concurrently(List<Callable<Object>> calls) throws InterruptedException {
    pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> call : calls) {
      futures.add(pool.submit(() -> {
        start.await();
        return call.call();
      }));
    }
    start.countDown();
    return futures;
  }

  private static int succeeded(List<Future<Object>> futures) throws InterruptedException {
    int ok = 0;
    for (Future<Object> f : futures) {
      try {
        f.get(30, TimeUnit.SECONDS);
        ok++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(ValidationException.class);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("a placement did not finish", e);
      }
    }
    return ok;
  }

  // ---- finding 3: the per-order breakers under concurrent calls ----

  @Test
  void sixConcurrentRestingOrdersPlaceOnlyAsManyAsMaxOpenOrdersAllows() throws Exception {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(2), false);
    state.postDelayMillis = 150;
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long clientId = 10 + i;
      calls.add(() -> orders.place(spotBid(clientId, "0.1", "100")));
    }

    int placed = succeeded(concurrently(calls));

    assertThat(state.posts.get()).as("orders sent").isEqualTo(2);
    assertThat(placed).isEqualTo(2);
    assertThat(state.open).hasSize(2);
  }

  @Test
  void sixConcurrentPerpMarketBuysStopAtMaxPositionNotional() throws Exception {
    OrderService orders = orders(SafetyLimits.none().withMaxPositionNotional(new BigDecimal("200")), false);
    state.postDelayMillis = 150;
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long clientId = 20 + i;
      calls.add(() -> orders.place(perpMarketBid(clientId, "0.5")));
    }

    int placed = succeeded(concurrently(calls));

    // 0.5 SOL at the mark 100 is 50 each: four reach 200, a fifth would make 250.
    assertThat(placed).isEqualTo(4);
    assertThat(state.position()).isEqualByComparingTo("2.0");
  }

  @Test
  void aSlowOrderHoldingTheGateBlocksNeitherACancelNorAReduceOnlyOrder() throws Exception {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(5).withMaxPositionNotional(new BigDecimal("1000")),
        false);
    state.holdPosts = true;
    state.positionQuantity.set(1_000_000); // 1 SOL long, in micro-SOL
    pool = Executors.newFixedThreadPool(1);
    Future<Order> slow = pool.submit(() -> orders.place(spotBid(31, "0.1", "100")));
    assertThat(state.postArrived.await(10, TimeUnit.SECONDS)).as("the slow order reached the exchange").isTrue();

    state.holdPosts = false;
    long before = System.nanoTime();
    orders.cancelAllOpenOrders();
    Order close = orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, new BigDecimal("0.5"))
        .reduceOnly(true).clientId(32).build());
    long millis = (System.nanoTime() - before) / 1_000_000;

    assertThat(close.id()).isNotNull();
    assertThat(millis).as("ms for the cancel and the close while the slow order is out").isLessThan(5_000);
    assertThat(slow).as("the slow order is still out").isNotDone();
    state.release.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS).id()).isNotNull();
  }

  // ---- finding 4: a retry finds its order before any limit ----

  @Test
  void aRetryOfAnOpenOrderAtTheOpenOrderLimitReturnsItInsteadOfBeingRefused() {
    OrderService orders = orders(SafetyLimits.none().withMaxOpenOrders(1), false);
    Placement first = orders.placeIdempotent(spotBid(9, "0.1", "100"));

    Placement retry = orders.placeIdempotent(spotBid(9, "0.1", "100"));

    assertThat(retry.duplicate()).isTrue();
    assertThat(retry.order().id()).isEqualTo(first.order().id());
    assertThat(state.posts.get()).isEqualTo(1);
  }

  // ---- finding 15: the same clientId with other arguments ----

  @Test
  void aClientIdReusedWithOtherArgumentsIsRefusedNamingTheOrderAndNothingIsSentOrJournaled() throws Exception {
    OrderService orders = orders(SafetyLimits.none(), true);
    Placement first = orders.placeIdempotent(spotBid(777, "0.1", "100"));
    int recordsAfterFirst = Journal.at(dir).reader().readAll().size();

    OrderRequest other = OrderRequest.limit("SOL_USDC", Side.ASK, new BigDecimal("5"), new BigDecimal("300"))
        .clientId(777).build();
    assertThatThrownBy(() -> orders.placeIdempotent(other))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("clientId 777 already belongs to order " + first.order().id())
        .hasMessageContaining("side Bid (asked Ask)")
        .hasMessageContaining("quantity 0.1 (asked 5)")
        .hasMessageContaining("price 100 (asked 300)")
        .hasMessageContaining("Nothing was sent");

    assertThat(state.posts.get()).isEqualTo(1);
    List<JournalRecord> records = Journal.at(dir).reader().readAll();
    assertThat(records).hasSize(recordsAfterFirst);
    assertThat(records).noneMatch(r -> "Ask".equals(r.side()));
  }

  @Test
  void aRetryWithTheSameArgumentsIsNotJournaledAsAnotherPlacement() throws Exception {
    OrderService orders = orders(SafetyLimits.none(), true);
    orders.placeIdempotent(spotBid(778, "0.1", "100"));
    int recordsAfterFirst = Journal.at(dir).reader().readAll().size();

    assertThat(orders.placeIdempotent(spotBid(778, "0.10", "100.0")).duplicate()).isTrue();

    assertThat(Journal.at(dir).reader().readAll()).hasSize(recordsAfterFirst);
  }

  // ---- finding 5: a placement in flight ----

  @Test
  void anOrderBeingPlacedIsInFlightUntilTheCallReturns() throws Exception {
    OrderService orders = orders(SafetyLimits.none(), false);
    state.holdPosts = true;
    pool = Executors.newFixedThreadPool(1);
    Future<Placement> placing = pool.submit(() -> orders.placeIdempotent(spotBid(99, "0.1", "100")));
    assertThat(state.postArrived.await(10, TimeUnit.SECONDS)).isTrue();

    Optional<PlacementInProgress> during = orders.placementInProgress("SOL_USDC", 99);
    Optional<PlacementInProgress> other = orders.placementInProgress("SOL_USDC", 98);
    state.release.countDown();
    placing.get(10, TimeUnit.SECONDS);

    assertThat(during).hasValueSatisfying(p -> assertThat(p.thisClient()).isTrue());
    assertThat(other).isEmpty();
    assertThat(orders.placementInProgress("SOL_USDC", 99)).isEmpty();
  }

  @Test
  void aFreshJournalIntentWithoutOutcomeFromAnotherProcessIsInFlightAndAStaleOneIsNot() throws Exception {
    OrderService orders = orders(SafetyLimits.none(), true);
    // Another process sharing the journal wrote its intent at the client's "now" and has not answered yet;
    // a third stopped an hour ago between its intent and the answer.
    new JournalWriter(dir, TestExchange.CLOCK, JournalWriter.DEFAULT_MAX_FILE_BYTES)
        .append(JournalHook.order("place", spotBid(55, "0.1", "100")).build());
    new JournalWriter(dir, Clock.offset(TestExchange.CLOCK, Duration.ofHours(-1)), JournalWriter.DEFAULT_MAX_FILE_BYTES)
        .append(JournalHook.order("place", spotBid(56, "0.1", "100")).build());

    Optional<PlacementInProgress> fresh = orders.placementInProgress("SOL_USDC", 55);

    assertThat(fresh).hasValueSatisfying(p -> assertThat(p.thisClient()).isFalse());
    assertThat(orders.placementInProgress("SOL_USDC_PERP", 55)).isEmpty();
    assertThat(orders.placementInProgress("SOL_USDC", 56)).as("an hour-old intent is a stopped process").isEmpty();
    // Once the outcome is written it is no longer in flight.
    JournalRecord intent = Journal.at(dir).pending().get(0);
    new JournalWriter(dir, TestExchange.CLOCK, JournalWriter.DEFAULT_MAX_FILE_BYTES).append(JournalRecord.outcome(intent, "placed").orderId("1").build());
    assertThat(orders.placementInProgress("SOL_USDC", 55)).isEmpty();
  }

  // ---- finding 6: a request cancelled before the send ----

  @Test
  void aRequestCancelledBeforeTheSendIsNotSentNorJournaled() throws Exception {
    OrderService orders = orders(SafetyLimits.none(), true);

    assertThatThrownBy(() -> orders.placeIdempotent(spotBid(61, "0.1", "100"), () -> true))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cancelled");
    assertThatThrownBy(() -> orders.place(spotBid(62, "0.1", "100"), () -> true))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cancelled");

    assertThat(state.posts.get()).isZero();
    assertThat(Journal.at(dir).reader().readAll()).noneMatch(JournalRecord::isIntent);
    assertThat(orders.place(spotBid(63, "0.1", "100"), () -> false).id()).isNotNull();
  }

  /**
   * A tiny exchange: markets, a book, a mark price, the open orders (an accepted limit order rests) and
   * one SOL_USDC_PERP position (an accepted perp market order fills at once). An order is answered
   * after {@code postDelayMillis}, or, with {@code holdPosts}, once {@code release} opens.
   */
  static final class StatefulExchange extends Dispatcher {
    final Map<String, String> open = new ConcurrentHashMap<>();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicLong positionQuantity = new AtomicLong(); // micro-SOL
    final AtomicLong ids = new AtomicLong(4_200_000_000L);
    final CountDownLatch postArrived = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile long postDelayMillis;
    volatile boolean holdPosts;

    BigDecimal position() {
      return BigDecimal.valueOf(positionQuantity.get(), 6);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String path = request.getUrl().encodedPath();
      String method = request.getMethod();
      switch (method + " " + path) {
        case "GET /api/v1/markets":
          return json(TestExchange.MARKETS_JSON);
        case "GET /api/v1/depth":
          return json(BOOK);
        case "GET /api/v1/markPrices":
          return json(MARK_PRICE);
        case "GET /api/v1/capital/collateral":
          return json("""
              {"assetsValue":"100000","borrowLiability":"0","collateral":[],"imf":"0","unsettledEquity":"0",
               "liabilitiesValue":"0","marginFraction":null,"mmf":"0","netEquity":"100000","netEquityAvailable":"100000",
               "netEquityLocked":"0","netExposureFutures":"0","pnlUnrealized":"0"}""");
        case "GET /api/v1/position":
          return json(positionJson());
        case "GET /api/v1/orders":
          return json("[" + String.join(",", open.values()) + "]");
        case "GET /api/v1/order": {
          String clientId = request.getUrl().queryParameter("clientId");
          Optional<String> found = open.values().stream().filter(o -> o.contains("\"clientId\":" + clientId + ","))
              .findFirst();
          return found.map(PlacementSafetyTest::json).orElseGet(() -> status(404,
              "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Order not found\"}"));
        }
        case "GET /wapi/v1/history/orders":
          return json("[]");
        case "DELETE /api/v1/orders": {
          List<String> cancelled = new ArrayList<>(open.values());
          open.clear();
          return json("[" + String.join(",", cancelled).replace("\"New\"", "\"Cancelled\"") + "]");
        }
        case "POST /api/v1/order":
          return placeOrder(request);
        default:
          return status(404, "not found");
      }
    }

    private MockResponse placeOrder(RecordedRequest request) throws InterruptedException {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) dev.bpx.auth.json.Json.parse(request.getBody().utf8());
      // Read before saying the post arrived: the test turns holdPosts off as soon as it hears, and this post must
      // stay held all the same (read after, it raced that and sometimes went through).
      boolean hold = holdPosts;
      postArrived.countDown();
      if (hold) {
        release.await(30, TimeUnit.SECONDS);
      } else if (postDelayMillis > 0) {
        Thread.sleep(postDelayMillis);
      }
      posts.incrementAndGet();
      String id = String.valueOf(ids.incrementAndGet());
      long clientId = ((Number) body.get("clientId")).longValue();
      String symbol = (String) body.get("symbol");
      String side = (String) body.get("side");
      String type = (String) body.get("orderType");
      String quantity = String.valueOf(body.get("quantity"));
      String price = body.get("price") == null ? null : String.valueOf(body.get("price"));
      if ("Market".equals(type)) {
        long micro = new BigDecimal(quantity).movePointRight(6).longValueExact();
        positionQuantity.addAndGet("Bid".equals(side) ? micro : -micro);
        return json(order(id, clientId, symbol, side, "Filled", type, quantity, "100"));
      }
      String order = order(id, clientId, symbol, side, "New", type, quantity, price);
      open.put(id, order);
      return json(order);
    }

    private String positionJson() {
      if (positionQuantity.get() == 0) {
        return "[]";
      }
      String q = position().toPlainString();
      return """
          [{"breakEvenPrice":"100","cumulativeFundingPayment":"0","cumulativeInterest":"0","entryPrice":"100",
            "estLiquidationPrice":"0","imf":"0.02","markPrice":"100","mmf":"0.0135","netCost":"0",
            "netExposureNotional":"0","netExposureQuantity":"%1$s","netQuantity":"%1$s","pnlRealized":"0",
            "pnlUnrealized":"0","positionId":"5479295502","subaccountId":null,"symbol":"SOL_USDC_PERP","userId":1813870}]"""
          .formatted(q);
    }

    private static String order(String id, long clientId, String symbol, String side, String status, String type,
        String quantity, String price) {
      return """
          {"orderType":"%s","id":"%s","clientId":%d,"symbol":"%s","side":"%s","status":"%s","timeInForce":"GTC",
           "selfTradePrevention":"RejectTaker","createdAt":1735689600000,"price":%s,"quantity":"%s",
           "executedQuantity":"0","executedQuoteQuantity":"0","postOnly":false,"reduceOnly":null,
           "relatedOrderId":null,"strategyId":null,"triggerBy":null,"triggerPrice":null,"triggerQuantity":null,
           "triggeredAt":null,"stopLossLimitPrice":null,"stopLossTriggerBy":null,"stopLossTriggerPrice":null,
           "takeProfitLimitPrice":null,"takeProfitTriggerBy":null,"takeProfitTriggerPrice":null}"""
          .formatted(type, id, clientId, symbol, side, status, price == null ? "null" : "\"" + price + "\"", quantity);
    }
  }

  private static MockResponse json(String body) {
    return status(200, body);
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }
}
