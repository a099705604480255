package dev.bpx.it;

import static dev.bpx.it.Json.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenario: the daily circuit breakers through the built jar trading "live" on a test-owned paper
 * exchange. BACKPACK_MAX_DAILY_NOTIONAL lets orders reach exactly its limit and refuses one more with
 * nothing sent; BACKPACK_MAX_DAILY_LOSS trips when the exchange's price moves against a position,
 * refuses every order that is not reduce-only with nothing sent, stays tripped across a restart of the
 * server even after the price recovers, lets reduce-only orders and cancels through, and is cleared by
 * {@code backpack-mcp breakers reset} from a terminal. get_server_status shows each breaker's use and
 * whether it tripped (validated against its output schema by each official client).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DailyBreakersSuite {
  private TestExchange exchange;
  private final List<ServerUnderTest> servers = new ArrayList<>();
  private Path dataDir;

  abstract ServerUnderTest.Client client();

  @BeforeAll
  void startExchange() throws IOException {
    if (client().unavailable() == null) {
      exchange = new TestExchange();
    }
  }

  @BeforeEach
  void freshAccountAndState() throws IOException {
    client().assumeAvailable();
    exchange.reset();
    exchange.setPrice("SOL_USDC", "150");
    exchange.setPrice("SOL_USDC_PERP", "150");
    dataDir = Files.createTempDirectory("bpx-it-breakers");
  }

  @AfterAll
  void stop() {
    servers.forEach(ServerUnderTest::close);
    if (exchange != null) {
      exchange.close();
    }
  }

  private Map<String, String> env(String... settings) {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_DATA_DIR", dataDir.toString());
    for (int i = 0; i < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    return env;
  }

  private ServerUnderTest start(Map<String, String> env) {
    ServerUnderTest server = ServerUnderTest.start(client(), env);
    servers.add(server);
    return server;
  }

  private static Map<String, Object> breaker(Map<String, Object> status, String rule) {
    return list(status, "breakers").stream().filter(b -> rule.equals(b.get("rule"))).findFirst()
        .orElseThrow(() -> new AssertionError("no breaker " + rule + " in " + status.get("breakers")));
  }

  private static Map<String, Object> limitBid(String symbol, String quantity, String price) {
    return Map.of("symbol", symbol, "side", "Bid", "orderType", "Limit", "quantity", quantity, "price", price);
  }

  @Test
  void theDailyNotionalLetsOrdersReachExactlyItsLimitAndRefusesOneMoreWithNothingSent() {
    ServerUnderTest server = start(env("BACKPACK_MAX_DAILY_NOTIONAL", "300"));
    assertThat(breaker(server.ok("get_server_status", Map.of()), "maxDailyNotional"))
        .containsEntry("setting", "BACKPACK_MAX_DAILY_NOTIONAL").containsEntry("limit", "300")
        .containsEntry("used", "0").containsEntry("tripped", false);

    server.ok("create_order", limitBid("SOL_USDC", "1", "100"));
    server.ok("create_order", limitBid("SOL_USDC", "2", "100"));
    int writes = exchange.proxy.writes().size();
    String refused = server.error("create_order", limitBid("SOL_USDC", "0.1", "100"));

    assertThat(refused).contains("circuit breaker maxDailyNotional", "orders worth 300", "would take it to 310",
        "limit of 300", "BACKPACK_MAX_DAILY_NOTIONAL", "Nothing was sent");
    assertThat(exchange.proxy.writes()).hasSize(writes);
    assertThat(exchange.openOrders()).hasSize(2);
    assertThat(breaker(server.ok("get_server_status", Map.of()), "maxDailyNotional"))
        .containsEntry("used", "300").containsEntry("tripped", true);
    // A cancel always passes.
    assertThat(server.ok("cancel_all_orders", Map.of("symbol", "SOL_USDC"))).containsEntry("count", 2);
    assertThat(exchange.openOrders()).isEmpty();
  }

  @Test
  void theDailyLossTripsOnAPriceMoveSurvivesARestartAndIsClearedOnlyByBreakersReset() throws Exception {
    Map<String, String> env = env("BACKPACK_MAX_DAILY_LOSS", "50");
    ServerUnderTest server = start(env);
    // The first order of the day takes the account's net equity as the baseline; a long of 1 SOL follows.
    server.ok("create_order", Map.of("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Market", "quantity", "1"));
    Map<String, Object> before = breaker(server.ok("get_server_status", Map.of()), "maxDailyLoss");
    assertThat(before).containsEntry("tripped", false);
    assertThat(new BigDecimal((String) before.get("used"))).isLessThan(new BigDecimal("5"));

    exchange.setPrice("SOL_USDC_PERP", "90"); // the long loses about 60 USDC
    int writes = exchange.proxy.writes().size();
    String refused = server.error("create_order", limitBid("SOL_USDC", "0.1", "100"));
    assertThat(refused).contains("circuit breaker maxDailyLoss", "limit of 50", "reduce-only", "breakers reset",
        "BACKPACK_MAX_DAILY_LOSS", "Nothing was sent");
    assertThat(exchange.proxy.writes()).hasSize(writes);
    Map<String, Object> tripped = breaker(server.ok("get_server_status", Map.of()), "maxDailyLoss");
    assertThat(tripped).containsEntry("tripped", true).containsEntry("limit", "50");
    assertThat(new BigDecimal((String) tripped.get("used"))).isGreaterThanOrEqualTo(new BigDecimal("50"));
    server.close();
    servers.remove(server);

    // The price recovers and the server restarts: the breaker stays tripped for the rest of the UTC day.
    exchange.setPrice("SOL_USDC_PERP", "150");
    ServerUnderTest restarted = start(env);
    assertThat(restarted.error("create_order", limitBid("SOL_USDC", "0.1", "100"))).contains("circuit breaker maxDailyLoss");
    assertThat(breaker(restarted.ok("get_server_status", Map.of()), "maxDailyLoss")).containsEntry("tripped", true);
    assertThat(exchange.proxy.writes()).hasSize(writes);
    // Reduce-only orders and cancels pass a tripped breaker.
    restarted.ok("close_position", Map.of("symbol", "SOL_USDC_PERP"));
    assertThat(exchange.position("SOL_USDC_PERP")).isEmpty();
    restarted.ok("cancel_all_orders", Map.of("symbol", "SOL_USDC"));

    // Only a person clears it, from a terminal.
    JarCommand.Run reset = JarCommand.run(env, "breakers", "reset");
    String printed = reset.stdout();
    assertThat(reset.exitCode()).as("stdout %s, stderr %s", printed, reset.stderr()).isZero();
    assertThat(printed).contains("maxDailyLoss trip cleared", "loss baseline");

    restarted.ok("create_order", limitBid("SOL_USDC", "0.1", "100"));
    assertThat(breaker(restarted.ok("get_server_status", Map.of()), "maxDailyLoss")).containsEntry("tripped", false);
  }
}
