package dev.bpx.it;

import static dev.bpx.it.Json.map;
import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breakers that read the account (BACKPACK_MAX_OPEN_ORDERS, BACKPACK_MAX_POSITION_NOTIONAL,
 * BACKPACK_MAX_LEVERAGE) through the built jar and an official MCP client, in live mode against a
 * test-owned paper exchange: each lets an order through up to its limit and refuses the next step, with
 * nothing sent (the recording proxy in front of the exchange sees no write); cancels and reduce-only
 * orders pass a tripped breaker.
 *
 * <p>The paper price walks up to a few ticks a second, so the position limit is set half a quantity
 * step above a round figure and the price is set again just before each order: the order at the limit
 * passes and one step more is refused whatever the walk does in between.
 */
class AccountBreakersIT {
  private static final String PERP = "SOL_USDC_PERP";

  private TestExchange exchange;
  private ServerUnderTest server;
  private Path dataDir;

  @BeforeEach
  void freshExchange() throws Exception {
    exchange = new TestExchange();
    dataDir = Files.createTempDirectory("breakers-it");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    exchange.close();
  }

  private void startServer(String setting, String value) {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_DATA_DIR", dataDir.toString());
    env.put(setting, value);
    server = ServerUnderTest.start(env);
  }

  @Test
  void theOpenOrderBreakerLetsTheAccountReachItsLimitAndRefusesOneMoreWithNothingSent() {
    startServer("BACKPACK_MAX_OPEN_ORDERS", "2");
    server.ok("create_order", limit("SOL_USDC", "Bid", "1", "100.00"));
    server.ok("create_order", limit("SOL_USDC", "Bid", "1", "101.00"));
    assertThat(exchange.openOrders()).hasSize(2);

    int writes = exchange.proxy.writes().size();
    TestExchange.Snapshot before = exchange.snapshot();
    String refused = server.error("create_order", limit("SOL_USDC", "Bid", "1", "102.00"));
    assertThat(refused).contains("circuit breaker maxOpenOrders", "the account has 2 open orders", "limit of 2",
        "BACKPACK_MAX_OPEN_ORDERS", "Nothing was sent");
    assertThat(exchange.proxy.writes()).as("requests that change state").hasSize(writes);
    assertThat(exchange.snapshot()).isEqualTo(before);

    Map<String, Object> preview = server.ok("preview_order", limit("SOL_USDC", "Bid", "1", "102.00"));
    assertThat(preview).containsEntry("acceptable", false);
    assertThat(preview.get("problems").toString()).contains("circuit breaker maxOpenOrders");

    // An order that cannot rest passes: it does not add to the open orders.
    Map<String, Object> ioc = limit("SOL_USDC", "Bid", "0.1", "250.00");
    ioc.put("timeInForce", "IOC");
    server.ok("create_order", ioc);

    // A cancel is never blocked, and it makes room for exactly one resting order again.
    String oldest = exchange.openOrders().get(0).id();
    server.ok("cancel_order", Map.of("symbol", "SOL_USDC", "orderId", oldest));
    server.ok("create_order", limit("SOL_USDC", "Bid", "1", "103.00"));
    assertThat(exchange.openOrders()).hasSize(2);
    assertThat(server.error("create_order", limit("SOL_USDC", "Bid", "1", "104.00")))
        .contains("circuit breaker maxOpenOrders");
  }

  @Test
  void thePositionBreakerPassesThePositionAtItsLimitRefusesOneStepMoreAndNeverBlocksReducing() {
    // 10 SOL at 150 = 1500; one quantity step (0.01) more = 1501.50.
    startServer("BACKPACK_MAX_POSITION_NOTIONAL", "1500.75");
    exchange.setPrice(PERP, "150");
    server.ok("create_order", market(PERP, "Bid", "9.99"));
    exchange.setPrice(PERP, "150");
    server.ok("create_order", market(PERP, "Bid", "0.01"));
    assertThat(exchange.position(PERP).orElseThrow().netQuantity()).isEqualByComparingTo("10");

    int writes = exchange.proxy.writes().size();
    exchange.setPrice(PERP, "150");
    String refused = server.error("create_order", market(PERP, "Bid", "0.01"));
    assertThat(refused).contains("circuit breaker maxPositionNotional", "limit of 1500.75", "position 10.01 after the order",
        "BACKPACK_MAX_POSITION_NOTIONAL", "Nothing was sent");
    assertThat(exchange.proxy.writes()).hasSize(writes);
    assertThat(exchange.position(PERP).orElseThrow().netQuantity()).isEqualByComparingTo("10");

    // The price rises: the position is now above the limit (the breaker has tripped). Adding is refused,
    // reducing passes, and close_position flattens it.
    exchange.setPrice(PERP, "200");
    assertThat(server.error("create_order", market(PERP, "Bid", "0.01"))).contains("circuit breaker maxPositionNotional");
    Map<String, Object> reduce = market(PERP, "Ask", "4");
    reduce.put("reduceOnly", true);
    server.ok("create_order", reduce);
    assertThat(exchange.position(PERP).orElseThrow().netQuantity()).isEqualByComparingTo("6");
    // Selling beyond the long into a short of the same size lowers the absolute notional: it passes.
    server.ok("create_order", market(PERP, "Ask", "11"));
    assertThat(exchange.position(PERP).orElseThrow().netQuantity()).isEqualByComparingTo("-5");
    server.ok("close_position", Map.of("symbol", PERP));
    assertThat(exchange.position(PERP)).isEmpty();
  }

  @Test
  void theLeverageBreakerRefusesTheOrderThatWouldTakeTheAccountAboveItAndSaysHowMuchRoomIsLeft() {
    startServer("BACKPACK_MAX_LEVERAGE", "2");
    exchange.setPrice(PERP, "150");
    BigDecimal equity = exchange.client.account().getCollateralSummary().netEquity();
    // Exposure of 1.9x and 2.1x the account's equity, in whole SOL steps of 0.01.
    BigDecimal below = equity.multiply(new BigDecimal("1.9")).divide(new BigDecimal("150"), 2, java.math.RoundingMode.DOWN);
    BigDecimal above = equity.multiply(new BigDecimal("2.1")).divide(new BigDecimal("150"), 2, java.math.RoundingMode.UP);

    int writes = exchange.proxy.writes().size();
    String refused = server.error("create_order", market(PERP, "Bid", above.toPlainString()));
    assertThat(refused).contains("circuit breaker maxLeverage", "above the limit of 2", "BACKPACK_MAX_LEVERAGE",
        "Nothing was sent");
    assertThat(exchange.proxy.writes()).hasSize(writes);
    assertThat(exchange.position(PERP)).isEmpty();

    exchange.setPrice(PERP, "150");
    Map<String, Object> placed = server.ok("create_order", market(PERP, "Bid", below.toPlainString()));
    assertThat(map(placed, "order")).isNotNull();
    assertThat(str(map(placed, "order"), "status")).isEqualTo("Filled");

    // Doubling it would take the account to about 3.8x: refused; closing it is never blocked.
    exchange.setPrice(PERP, "150");
    assertThat(server.error("create_order", market(PERP, "Bid", below.toPlainString()))).contains("circuit breaker maxLeverage");
    server.ok("close_position", Map.of("symbol", PERP));
    assertThat(exchange.position(PERP)).isEmpty();
    assertThat(exchange.proxy.writes()).as("the refused orders sent nothing").hasSize(writes + 2);
  }

  private static Map<String, Object> limit(String symbol, String side, String quantity, String price) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("symbol", symbol);
    args.put("side", side);
    args.put("orderType", "Limit");
    args.put("quantity", quantity);
    args.put("price", price);
    return args;
  }

  private static Map<String, Object> market(String symbol, String side, String quantity) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("symbol", symbol);
    args.put("side", side);
    args.put("orderType", "Market");
    args.put("quantity", quantity);
    return args;
  }
}
