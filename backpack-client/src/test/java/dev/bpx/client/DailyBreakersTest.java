package dev.bpx.client;

import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily circuit breakers (max daily notional, max daily loss) against a scripted exchange and a
 * clock the test moves: each trips exactly at its limit, the notional window rolls, the state survives
 * a new client on the same directory, reduce-only orders and cancels pass, and a trip ends with the UTC
 * day, a reset or a changed limit.
 */
class DailyBreakersTest {
  /** 2025-01-01T12:00:00Z. */
  private static final Instant NOON = Instant.parse("2025-01-01T12:00:00Z");

  @TempDir
  Path stateDir;

  private final Routes routes = new Routes();
  private final MovableClock clock = new MovableClock(NOON);
  private final List<BackpackClient> clients = new ArrayList<>();
  private TestExchange exchange;

  @AfterEach
  void close() {
    clients.forEach(BackpackClient::close);
    if (exchange != null) {
      exchange.close();
    }
  }

  /** A client on the scripted exchange; a second call is "the same app restarted" (same key, same directory). */
  private OrderService orders(SafetyLimits limits) {
    if (exchange == null) {
      exchange = new TestExchange();
      exchange.server.setDispatcher(routes);
      routes.json("/api/v1/markets", TestExchange.MARKETS_JSON);
      routes.json("/api/v1/orders", "[]");
      routes.json("/api/v1/position", "[]");
      routes.json("/api/v1/capital/collateral", collateral("1000"));
      routes.respond("POST", "/api/v1/order", 200, order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));
      routes.respond("DELETE", "/api/v1/order", 200, order("1", 1, "SOL_USDC", "Bid", "Cancelled", "Limit"));
    }
    BackpackClient client = BackpackClient.builder().baseUrl(exchange.server.url("/").toString())
        .signingKey(exchange.key).clock(clock).sleeper(d -> { }).safetyLimits(limits).stateDirectory(stateDir).build();
    clients.add(client);
    return client.orders();
  }

  private static String collateral(String netEquity) {
    return """
        {"assetsValue":"%1$s","borrowLiability":"0","collateral":[],"imf":"0","unsettledEquity":"0",
         "liabilitiesValue":"0","marginFraction":null,"mmf":"0","netEquity":"%1$s","netEquityAvailable":"%1$s",
         "netEquityLocked":"0","netExposureFutures":"0","pnlUnrealized":"0"}""".formatted(netEquity);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  /** A spot limit bid worth {@code price × 1}. */
  private static OrderRequest bidWorth(String price) {
    return OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec(price)).build();
  }

  private long sent() {
    return routes.seen().stream().filter(r -> r.getMethod().equals("POST")).count();
  }

  // ---- maxDailyNotional ----

  @Test
  void ordersUpToExactlyTheDailyNotionalAreSentAndOneStepMoreIsRefusedWithTheFigures() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));

    orders.place(bidWorth("600"));
    orders.place(bidWorth("400"));
    assertThatThrownBy(() -> orders.place(bidWorth("0.01")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxDailyNotional")
        .hasMessageContaining("orders worth 1000 (quote currency)").hasMessageContaining("this order (0.01)")
        .hasMessageContaining("to 1000.01").hasMessageContaining("limit of 1000")
        .hasMessageContaining("leaves the window at 2025-01-02T12:00:00Z")
        .hasMessageContaining("BACKPACK_MAX_DAILY_NOTIONAL").hasMessageContaining("nothing was sent");
    assertThat(sent()).isEqualTo(2);
    // The notional rule reads only its own state file, never the account.
    assertThat(routes.paths()).containsOnly("/api/v1/markets", "/api/v1/order");
  }

  @Test
  void theDailyNotionalWindowRollsTwentyFourHoursAfterEachOrder() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));
    orders.place(bidWorth("600"));
    clock.advance(Duration.ofHours(1));
    orders.place(bidWorth("400"));

    clock.advance(Duration.ofHours(23).minusMillis(1));
    assertThatThrownBy(() -> orders.place(bidWorth("1"))).hasMessageContaining("maxDailyNotional");
    clock.advance(Duration.ofMillis(1));
    orders.place(bidWorth("600"));

    assertThat(sent()).isEqualTo(3);
    assertThat(orders.breakerStatus()).singleElement().satisfies(s -> {
      assertThat(s.used()).isEqualByComparingTo("1000");
      assertThat(s.tripped()).isTrue();
    });
  }

  @Test
  void theDailyNotionalSurvivesARestartOfTheClient() {
    orders(SafetyLimits.none().withMaxDailyNotional(dec("1000"))).place(bidWorth("900"));

    OrderService restarted = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));

    assertThatThrownBy(() -> restarted.place(bidWorth("100.01"))).hasMessageContaining("orders worth 900");
    restarted.place(bidWorth("100"));
    assertThat(sent()).isEqualTo(2);
  }

  @Test
  void twoClientsSharingTheStateDirectoryShareOneDailyNotional() {
    OrderService first = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));
    OrderService second = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));

    first.place(bidWorth("700"));

    assertThatThrownBy(() -> second.place(bidWorth("300.01"))).hasMessageContaining("orders worth 700");
  }

  @Test
  void clientsRacingForTheLastRoomOfASharedDailyNotionalSendExactlyWhatFits() throws Exception {
    List<OrderService> services = List.of(orders(SafetyLimits.none().withMaxDailyNotional(dec("1000"))),
        orders(SafetyLimits.none().withMaxDailyNotional(dec("1000"))));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    try {
      List<java.util.concurrent.Future<?>> attempts = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        OrderService orders = services.get(i % 2);
        attempts.add(pool.submit(() -> {
          try {
            orders.place(bidWorth("100"));
          } catch (ValidationException e) {
            refused.incrementAndGet();
          }
        }));
      }
      for (java.util.concurrent.Future<?> attempt : attempts) {
        attempt.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sent()).isEqualTo(10);
    assertThat(refused.get()).isEqualTo(20);
  }

  @Test
  void anOrderTheExchangeRefusesIsNotCounted() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));
    routes.respond("POST", "/api/v1/order", 400, "{\"code\":\"INVALID_ORDER\",\"message\":\"Insufficient funds\"}");
    assertThatThrownBy(() -> orders.place(bidWorth("900"))).isInstanceOf(ApiException.class);

    routes.respond("POST", "/api/v1/order", 200, order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));
    orders.place(bidWorth("1000"));

    assertThat(sent()).isEqualTo(2);
  }

  @Test
  void anOrderThatNeverLeftTheClientIsNotCounted() {
    java.util.concurrent.atomic.AtomicBoolean refuseConnections = new java.util.concurrent.atomic.AtomicBoolean(true);
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().addInterceptor(chain -> {
      if (refuseConnections.get() && chain.request().method().equals("POST")) {
        throw new java.net.ConnectException("Connection refused");
      }
      return chain.proceed(chain.request());
    }).build();
    orders(SafetyLimits.none()); // starts the scripted exchange
    BackpackClient client = BackpackClient.builder().baseUrl(exchange.server.url("/").toString()).okHttpClient(http)
        .signingKey(exchange.key).clock(clock).sleeper(d -> { }).safetyLimits(SafetyLimits.none()
            .withMaxDailyNotional(dec("1000"))).stateDirectory(stateDir).build();
    clients.add(client);

    assertThatThrownBy(() -> client.orders().place(bidWorth("900")))
        .isInstanceOfSatisfying(dev.bpx.client.exception.NetworkException.class,
            e -> assertThat(e.requestMayHaveReachedExchange()).isFalse());
    assertThat(client.orders().breakerStatus().get(0).used()).isEqualByComparingTo("0");

    refuseConnections.set(false);
    client.orders().place(bidWorth("1000"));
    assertThat(sent()).isEqualTo(1);
  }

  @Test
  void reduceOnlyOrdersAndCancelsPassAFullDailyNotionalAndAreNotCounted() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("100")));
    orders.place(bidWorth("100"));

    orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("5"), dec("100")).reduceOnly(true).build());
    orders.cancel("SOL_USDC", "1");

    assertThat(sent()).isEqualTo(2);
    assertThat(orders.breakerStatus().get(0).used()).isEqualByComparingTo("100");
  }

  @Test
  void aBatchCountsItsOwnOrdersAgainstTheDailyNotional() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));

    assertThatThrownBy(() -> orders.placeBatch(List.of(bidWorth("600"), bidWorth("400.01"))))
        .hasMessageContaining("orders[1].order").hasMessageContaining("orders worth 600")
        .hasMessageNotContaining("orders[0].order");
    assertThat(routes.seen()).noneMatch(r -> r.getMethod().equals("POST"));
  }

  // ---- maxDailyLoss ----

  @Test
  void theDailyLossTripsExactlyAtItsLimitAndThenOnlyReduceOnlyOrdersAndCancelsPass() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyLoss(dec("100")));
    orders.place(bidWorth("10")); // first sight of the day: baseline 1000

    routes.json("/api/v1/capital/collateral", collateral("900.01"));
    orders.place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("900"));
    assertThatThrownBy(() -> orders.place(bidWorth("10")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("circuit breaker maxDailyLoss").hasMessageContaining("net equity is 900, down 100 from 1000")
        .hasMessageContaining("limit of 100").hasMessageContaining("only reduce-only orders are sent")
        .hasMessageContaining("breakers reset").hasMessageContaining("BACKPACK_MAX_DAILY_LOSS")
        .hasMessageContaining("nothing was sent");
    assertThat(sent()).isEqualTo(2);

    orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("1"), dec("100")).reduceOnly(true).build());
    orders.cancel("SOL_USDC", "1");
    assertThat(sent()).isEqualTo(3);
  }

  @Test
  void aTrippedDailyLossStaysTrippedWhenEquityRecoversAndAfterARestart() {
    orders(SafetyLimits.none().withMaxDailyLoss(dec("100"))).place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("850"));
    assertThatThrownBy(() -> orders(SafetyLimits.none().withMaxDailyLoss(dec("100"))).place(bidWorth("10")))
        .hasMessageContaining("maxDailyLoss");

    routes.json("/api/v1/capital/collateral", collateral("1000"));
    OrderService restarted = orders(SafetyLimits.none().withMaxDailyLoss(dec("100")));

    assertThatThrownBy(() -> restarted.place(bidWorth("10"))).hasMessageContaining("maxDailyLoss");
    assertThat(restarted.breakerStatus()).singleElement().satisfies(s -> {
      assertThat(s.rule()).isEqualTo("maxDailyLoss");
      assertThat(s.used()).isEqualByComparingTo("0");
      assertThat(s.tripped()).isTrue();
      assertThat(s.note()).contains("tripped at 2025-01-01T12:00:00Z");
    });
    assertThat(sent()).isEqualTo(1);
  }

  @Test
  void aNewUtcDayEndsTheTripAndTakesANewBaseline() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyLoss(dec("100")));
    orders.place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("800"));
    assertThatThrownBy(() -> orders.place(bidWorth("10"))).hasMessageContaining("maxDailyLoss");

    clock.set(Instant.parse("2025-01-01T23:59:59.999Z"));
    assertThatThrownBy(() -> orders.place(bidWorth("10"))).hasMessageContaining("maxDailyLoss");
    clock.set(Instant.parse("2025-01-02T00:00:00Z"));
    orders.place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("700.01"));
    orders.place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("700"));

    assertThatThrownBy(() -> orders.place(bidWorth("10"))).hasMessageContaining("down 100 from 800");
    assertThat(sent()).isEqualTo(3);
  }

  @Test
  void aManualResetEndsTheTripAndStartsTheDayAgainFromTheEquitySeenNext() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyLoss(dec("100")).withMaxDailyNotional(dec("1000")));
    orders.place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("800"));
    assertThatThrownBy(() -> orders.place(bidWorth("10"))).hasMessageContaining("maxDailyLoss");

    List<String> report = BreakerStateFile.reset(stateDir);

    assertThat(report).singleElement().asString().contains("maxDailyLoss trip cleared")
        .contains("loss baseline 1000 of 2025-01-01 cleared").contains("1 counted orders (notional 10) cleared");
    orders.place(bidWorth("1000"));
    routes.json("/api/v1/capital/collateral", collateral("700"));
    assertThatThrownBy(() -> orders.place(bidWorth("0.01"))).hasMessageContaining("down 100 from 800");
  }

  @Test
  void aChangedLossLimitEndsTheTripAndJudgesTheDayAgainstTheNewLimit() {
    orders(SafetyLimits.none().withMaxDailyLoss(dec("100"))).place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("850"));
    assertThatThrownBy(() -> orders(SafetyLimits.none().withMaxDailyLoss(dec("100"))).place(bidWorth("10")))
        .hasMessageContaining("maxDailyLoss");

    OrderService raised = orders(SafetyLimits.none().withMaxDailyLoss(dec("200")));
    raised.place(bidWorth("10"));
    routes.json("/api/v1/capital/collateral", collateral("800"));

    assertThatThrownBy(() -> raised.place(bidWorth("10"))).hasMessageContaining("down 200 from 1000");
    assertThat(sent()).isEqualTo(2);
  }

  @Test
  void aPreviewListsTheDailyBreakersTheOrderWouldTripWithoutCountingIt() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("100")));
    routes.json("/api/v1/depth", """
        {"asks":[["101.00","3000"]],"bids":[["99.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""");
    routes.json("/api/v1/capital", "{}");

    OrderPreview over = orders.preview(bidWorth("100.01"));
    OrderPreview at = orders.preview(bidWorth("100"));

    assertThat(over.problems()).anySatisfy(p -> assertThat(p).contains("circuit breaker maxDailyNotional"));
    assertThat(at.problems()).noneSatisfy(p -> assertThat(p).contains("circuit breaker"));
    orders.place(bidWorth("100"));
    assertThat(sent()).isEqualTo(1);
  }

  // ---- state and status ----

  @Test
  void aDamagedStateFileRefusesOrdersUntilAResetReplacesIt() throws IOException {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyNotional(dec("1000")));
    orders.place(bidWorth("10"));
    Path file;
    try (var files = Files.list(stateDir)) {
      file = files.filter(f -> f.getFileName().toString().endsWith(".state")).findFirst().orElseThrow();
    }
    Files.writeString(file, "backpack-circuit-breakers 1\nnotional x\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> orders.place(bidWorth("10"))).hasMessageContaining("is damaged")
        .hasMessageContaining("line 2");
    assertThat(BreakerStateFile.reset(stateDir)).singleElement().asString().contains("damaged file replaced");
    orders.place(bidWorth("10"));
    assertThat(sent()).isEqualTo(2);
  }

  @Test
  void theStatusSaysUnknownWhenTheAccountCannotBeReadAndReadsNothingForUnsetBreakers() {
    OrderService orders = orders(SafetyLimits.none().withMaxDailyLoss(dec("100")).withMaxOpenOrders(3));
    routes.respond("GET", "/api/v1/capital/collateral", 503, "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\"}");

    List<BreakerStatus> status = orders.breakerStatus();

    assertThat(status).extracting(BreakerStatus::rule).containsExactly("maxOpenOrders", "maxDailyLoss");
    assertThat(status.get(0).used()).isEqualByComparingTo("0");
    assertThat(status.get(0).tripped()).isFalse();
    assertThat(status.get(1).used()).isNull();
    assertThat(status.get(1).tripped()).isNull();
    assertThat(status.get(1).note()).startsWith("unknown: ");
    assertThat(routes.paths()).noneMatch(p -> p.startsWith("/api/v1/position"));
  }

  @Test
  void aDailyBreakerWithoutAStateDirectoryIsRefusedWhenTheClientIsBuilt() {
    assertThatThrownBy(() -> BackpackClient.builder().safetyLimits(SafetyLimits.none().withMaxDailyLoss(dec("1"))).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("stateDirectory");
  }
}
