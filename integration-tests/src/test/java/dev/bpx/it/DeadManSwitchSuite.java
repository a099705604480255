package dev.bpx.it;

import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dead-man switch of the built jar trading "live" on a test-owned paper exchange, under each official
 * MCP client: with {@code BACKPACK_CANCEL_AFTER_IDLE_MINUTES=0.05} (3 s) an idle session has every open
 * order (resting, TP/SL, a trigger order placed elsewhere on the account) cancelled and its position
 * left alone, not before the idle time; any tool call postpones it; with {@code BACKPACK_CANCEL_ON_EXIT}
 * closing the client leaves no open order. Order results and get_server_status say it is armed, and
 * the strict TypeScript client checks those results against the output schemas.
 *
 * <p>Each test starts its own server (its own settings); the exchange is shared by the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeadManSwitchSuite {
  private static final String IDLE_MINUTES = "0.05";
  private static final Duration IDLE = Duration.ofSeconds(3);
  private static final String PERP = "SOL_USDC_PERP";
  private static final String ARMED_IDLE =
      "Dead-man switch armed: open orders are cancelled after 0.05 min without a tool call";

  private TestExchange exchange;

  abstract ServerUnderTest.Client client();

  @BeforeAll
  void startExchange() {
    if (client().unavailable() == null) {
      exchange = new TestExchange();
    }
  }

  @BeforeEach
  void freshAccount() {
    client().assumeAvailable();
    exchange.reset();
    exchange.setPrice("SOL_USDC", "150");
    exchange.setPrice(PERP, "150");
  }

  @AfterAll
  void stopExchange() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private ServerUnderTest start(String... settings) {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    for (int i = 0; i < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    return ServerUnderTest.start(client(), env);
  }

  private static Map<String, Object> restingBid(String symbol) {
    return Map.of("symbol", symbol, "side", "Bid", "orderType", "Limit", "quantity", "1", "price", "100");
  }

  /** A long of 2 with take-profit and stop-loss: a position and two trigger orders. */
  private static Map<String, Object> longWithTakeProfitAndStopLoss() {
    return Map.of("symbol", PERP, "side", "Bid", "orderType", "Market", "quantity", "2",
        "takeProfitTriggerPrice", "170", "stopLossTriggerPrice", "130");
  }

  private List<Order> awaitNoOpenOrder(String why) {
    return Poll.until(Duration.ofSeconds(30), why, exchange::openOrders, List::isEmpty);
  }

  @Test
  void anIdleSessionHasItsRestingAndTriggerOrdersCancelledNotBeforeTheIdleTimeAndItsPositionLeftAlone() {
    try (ServerUnderTest server = start("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", IDLE_MINUTES)) {
      assertThat(str(server.ok("get_server_status", Map.of()), "deadManSwitch")).isEqualTo(ARMED_IDLE);
      CallToolResult resting = server.call("create_order", restingBid("SOL_USDC"));
      assertThat(server.structured("create_order", resting)).containsEntry("deadManSwitch", ARMED_IDLE);
      assertThat(ServerUnderTest.text(resting)).contains(ARMED_IDLE + ".");
      Map<String, Object> opened = server.ok("create_order", longWithTakeProfitAndStopLoss());
      assertThat(opened).containsEntry("deadManSwitch", ARMED_IDLE);
      long lastToolCall = System.nanoTime();
      // Placed on the account by someone else: the switch cancels every open order of the account.
      exchange.client.orders().place(OrderRequest.marketByQuantity(PERP, Side.ASK, BigDecimal.ONE)
          .triggerPrice(new BigDecimal("160")).triggerQuantity(BigDecimal.ONE).build());
      List<Order> before = exchange.openOrders();
      assertThat(before).hasSize(4);
      assertThat(before).filteredOn(o -> o.status() == OrderStatus.TRIGGER_PENDING).hasSize(3);

      awaitNoOpenOrder("the dead-man switch to cancel every open order");

      assertThat(Duration.ofNanos(System.nanoTime() - lastToolCall)).as("not before the idle time").isGreaterThanOrEqualTo(IDLE);
      assertThat(exchange.position(PERP)).as("positions are left alone").hasValueSatisfying(
          p -> assertThat(p.netQuantity()).isEqualByComparingTo("2"));
      Poll.until(Duration.ofSeconds(10), "the sweep in the log", server::stderr,
          lines -> lines.stream().anyMatch(l -> l.contains("dead-man switch: no activity for") && l.contains("cancelled 4 order(s)")));

      // Still armed: a later order, left idle as long, is cancelled too.
      server.ok("create_order", restingBid("SOL_USDC"));
      assertThat(exchange.openOrders()).hasSize(1);
      awaitNoOpenOrder("the dead-man switch to cancel the later order");
      assertThat(exchange.position(PERP)).isPresent();
    }
  }

  @Test
  void anyToolCallBeforeTheIdleTimePostponesTheCancel() {
    try (ServerUnderTest server = start("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", IDLE_MINUTES)) {
      String id = str(Json.map(server.ok("create_order", restingBid("SOL_USDC")), "order"), "id");
      long until = System.nanoTime() + IDLE.multipliedBy(2).toNanos();
      while (System.nanoTime() < until) {
        // A call that never reaches the exchange counts as activity too.
        server.ok("get_server_status", Map.of());
        assertThat(exchange.openOrders()).as("open while tool calls keep coming").extracting(Order::id).containsExactly(id);
        LockSupport.parkNanos(IDLE.dividedBy(3).toNanos());
      }
      awaitNoOpenOrder("the dead-man switch to cancel once the calls stopped");
    }
  }

  @Test
  void closingTheClientCancelsEveryOpenOrderAndLeavesThePosition() {
    ServerUnderTest server = start("BACKPACK_CANCEL_ON_EXIT", "true");
    try {
      CallToolResult resting = server.call("create_order", restingBid("SOL_USDC"));
      assertThat(ServerUnderTest.text(resting)).contains("Dead-man switch armed: open orders are cancelled when this session ends.");
      server.ok("create_order", longWithTakeProfitAndStopLoss());
      assertThat(exchange.openOrders()).hasSize(3);
    } finally {
      server.close();
    }
    awaitNoOpenOrder("the server to cancel its open orders as the session ended");
    assertThat(exchange.position(PERP)).hasValueSatisfying(p -> assertThat(p.netQuantity()).isEqualByComparingTo("2"));
  }
}
