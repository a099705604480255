package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-man switch and cancel-on-exit in paper mode: the embedded exchange's own state, read back through
 * the server (after the switch fired, or in a later session), shows the orders cancelled.
 */
class DeadManSwitchProcessTest {
  private static final Map<String, Object> RESTING_BID =
      Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1", "price", "100");

  @TempDir Path dataDir;
  @TempDir Path workDir;

  private static void awaitStderr(McpServerProcess server, String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (server.stderr().stream().noneMatch(l -> l.contains(text))) {
      assertThat(System.nanoTime()).as("'%s' in the log within 30 s; log: %s", text, server.stderr()).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  @Test
  void inPaperModeAnIdleSessionHasItsRestingOrderCancelledOnThePaperExchange() {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "0.05");
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      assertThat(server.client().getServerInstructions())
          .contains("Dead-man switch armed: open orders are cancelled after 0.05 min without a tool call.");
      var placed = server.checked("create_order", RESTING_BID);
      assertThat(McpServerProcess.text(placed)).startsWith("[paper, simulated prices] Placed")
          .endsWith("\nDead-man switch armed: open orders are cancelled after 0.05 min without a tool call.");

      // No tool call meanwhile: reading the orders through the server would count as activity.
      awaitStderr(server, "cancelled 1 order(s): SOL_USDC");

      assertThat(server.ok("list_orders", Map.of())).containsEntry("count", 0);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> history = (List<Map<String, Object>>) server.ok("get_order_history",
          Map.of("symbol", "SOL_USDC")).get("orders");
      assertThat(history).anySatisfy(o -> assertThat(o).containsEntry("status", "Cancelled"));
    }
  }

  /**
   * A call that outlasts the idle time (here the exchange's answer to the order is held 4 s, idle is
   * 1.2 s) is not idle time: the switch must not cancel the order that call is placing while it runs.
   * Only once the call has ended and another idle time has passed is the order cancelled.
   */
  @Test
  void aCallInFlightLongerThanTheIdleTimeNeverHasItsOrderCancelledUnderIt() {
    try (dev.bpx.paper.PaperExchange paper = dev.bpx.paper.PaperExchange.builder().seed(5).fsync(false).start();
         FaultProxy proxy = new FaultProxy(paper.url())) {
      dev.bpx.auth.SigningKey key = dev.bpx.auth.SigningKey.generate();
      try (dev.bpx.client.BackpackClient exchange = dev.bpx.client.BackpackClient.builder().baseUrl(paper.url())
          .signingKey(key).build()) {
        Map<String, String> env = Map.of("BACKPACK_BASE_URL", proxy.url(), "BACKPACK_PRIVATE_KEY",
            key.exportPrivateKeyBase64(), "BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "0.02");
        try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
          server.ok("list_orders", Map.of()); // opens the connection: the switch is armed from here
          // Loads this client's market list now (a symbol is checked against it), so that the read right
          // after the order's call costs one request, well inside the 1.2 s idle time.
          assertThat(exchange.orders().listOpenOrders("SOL_USDC")).isEmpty();
          proxy.hold(java.time.Duration.ofSeconds(4));
          proxy.inject("POST", "/api/v1/order", FaultProxy.Fault.FORWARD_THEN_HOLD, 1);

          String placed = McpServerProcess.text(server.checked("create_order", RESTING_BID));

          assertThat(placed).contains("Placed");
          assertThat(exchange.orders().listOpenOrders("SOL_USDC")).as("the order right after its call returned").hasSize(1);
          assertThat(server.stderr()).noneMatch(l -> l.contains("cancelled 1 order(s)"));
          awaitStderr(server, "cancelled 1 order(s): SOL_USDC");
          assertThat(exchange.orders().listOpenOrders("SOL_USDC")).isEmpty();
        }
      }
    }
  }

  @Test
  void inPaperModeCancelOnExitIsKeptInThePaperStateForTheNextSession() {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_CANCEL_ON_EXIT", "true");
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      assertThat(McpServerProcess.text(server.checked("create_order", RESTING_BID)))
          .endsWith("\nDead-man switch armed: open orders are cancelled when this session ends.");
      assertThat(server.ok("list_orders", Map.of())).containsEntry("count", 1);
    }
    try (McpServerProcess next = McpServerProcess.start(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      assertThat(next.ok("list_orders", Map.of())).containsEntry("count", 0);
      assertThat(next.ok("get_server_status", Map.of())).doesNotContainKey("deadManSwitch");
    }
  }

  @Test
  void inPaperModeCancelOnExitStartsNoPaperExchangeWhenNoToolReachedIt() {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_CANCEL_ON_EXIT", "true");
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      assertThat(server.ok("get_server_status", Map.of())).containsEntry("connected", false)
          .containsEntry("deadManSwitch", "Dead-man switch armed: open orders are cancelled when this session ends");
    }
    assertThat(dataDir.resolve(PaperVenue.PAPER_STATE_FILE)).doesNotExist();
    assertThat(dataDir.resolve(PaperVenue.PAPER_KEY_FILE)).doesNotExist();
  }
}
