package dev.bpx.mcp;

import static dev.bpx.mcp.LiveOnPaperProcessTest.args;
import static dev.bpx.mcp.LiveOnPaperProcessTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.mcp.FaultProxy.Fault;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in live mode against a paper exchange behind a fault-injecting proxy: what an assistant
 * reads after lost, garbled and failed answers, checked against what the exchange then really holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryMessagesProcessTest {
  @TempDir static Path dataDir;
  @TempDir static Path workDir;
  private PaperExchange paper;
  private FaultProxy proxy;
  private BackpackClient exchange;
  private McpServerProcess server;

  @BeforeAll
  void start() {
    paper = PaperExchange.builder().seed(7).fsync(false).start();
    proxy = new FaultProxy(paper.url());
    SigningKey key = SigningKey.generate();
    exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    server = McpServerProcess.start(Map.of(
        "BACKPACK_BASE_URL", proxy.url(),
        "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_DATA_DIR", dataDir.toString(),
        "BACKPACK_WINDOW_MS", "1000",
        "BACKPACK_MAX_RETRIES", "0"), workDir);
  }

  @BeforeEach
  void steadyPrice() {
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (exchange != null) {
      exchange.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (paper != null) {
      paper.close();
    }
  }

  private static long clientId() {
    return ThreadLocalRandom.current().nextLong(1, 4_000_000_000L);
  }

  private static Map<String, Object> restingBid(long clientId) {
    return args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1", "price", "95.00",
        "timeInForce", "GTC", "clientId", clientId);
  }

  private List<HistoricalOrder> ordersWith(long clientId) {
    return exchange.history().listOrders(OrderHistoryQuery.builder().symbol("SOL_USDC").limit(1000).build()).stream()
        .filter(h -> h.clientId() != null && h.clientId() == clientId).toList();
  }

  @Test
  void getOrderWhileCreateOrderWithTheClientIdIsStillRunningSaysOutcomePendingNeverSafeToCreate() throws Exception {
    long id = clientId();
    // The create's look for an existing order is held: the call is in flight and nothing is on the exchange yet.
    proxy.hold(java.time.Duration.ofSeconds(3));
    proxy.inject("GET", "/api/v1/order", Fault.FORWARD_THEN_HOLD, 1);
    int before = proxy.requests("GET", "/api/v1/order");
    java.util.concurrent.CompletableFuture<Map<String, Object>> create =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> server.ok("create_order", restingBid(id)));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (proxy.requests("GET", "/api/v1/order") == before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    io.modelcontextprotocol.spec.McpSchema.CallToolResult during =
        server.call("get_order", args("symbol", "SOL_USDC", "clientId", id));
    Map<String, Object> placed = create.get(20, java.util.concurrent.TimeUnit.SECONDS);
    Map<String, Object> after = server.ok("get_order", args("symbol", "SOL_USDC", "clientId", id));
    proxy.hold(java.time.Duration.ZERO);

    assertThat(McpServerProcess.text(during)).contains("Outcome pending", "clientId " + id, "get_order again")
        .doesNotContain("is safe");
    assertThat(map(during.structuredContent())).containsEntry("found", false).containsEntry("pending", true);
    assertThat(placed).containsEntry("success", true).containsEntry("duplicate", false);
    assertThat(after).containsEntry("found", true);
    assertThat(ordersWith(id)).hasSize(1);
  }

  @Test
  void aGarbled200ToCreateOrderIsResolvedAndTheOrderReportedPlacedOnce() {
    long id = clientId();
    proxy.inject("POST", "/api/v1/order", Fault.FORWARD_THEN_GARBLE, 1);

    Map<String, Object> placed = server.ok("create_order", restingBid(id));

    assertThat(placed).containsEntry("success", true).containsEntry("duplicate", false);
    Map<String, Object> order = map(placed.get("order"));
    assertThat(((Number) order.get("clientId")).longValue()).isEqualTo(id);
    assertThat(order).containsEntry("status", "New");
    assertThat(ordersWith(id)).as("exactly one order on the exchange").hasSize(1);
  }

  @Test
  void a500ToCreateOrderWithTheOrderAbsentSaysNotPlacedAndSafeToRetry() {
    long id = clientId();
    proxy.inject("POST", "/api/v1/order", Fault.ANSWER_500, 1);

    String text = server.error("create_order", restingBid(id));

    assertThat(text).contains("Not placed", "clientId " + id, "create_order again is safe")
        .doesNotContain("may have been executed", "findOrder");
    assertThat(ordersWith(id)).isEmpty();
    assertThat(server.ok("create_order", restingBid(id))).containsEntry("duplicate", false);
    assertThat(ordersWith(id)).hasSize(1);
  }

  @Test
  void anUnknownOutcomeNamesTheClientIdAndGetOrderAndNoJavaMethod() {
    long id = clientId();
    proxy.inject("POST", "/api/v1/order", Fault.FORWARD_THEN_502, 1);
    proxy.inject("GET", "/api/v1/order", Fault.PASS, 1); // the check for an existing order before sending
    proxy.inject("GET", "/api/v1/order", Fault.ANSWER_500, 1); // the lookup after the lost answer

    String text = server.error("create_order", restingBid(id));

    assertThat(text).contains("clientId " + id, "Call get_order with symbol SOL_USDC and clientId " + id)
        .doesNotContain("findOrder", "(...)");
    Map<String, Object> found = server.ok("get_order", args("symbol", "SOL_USDC", "clientId", id));
    assertThat(found).containsEntry("found", true).containsEntry("open", true);
    assertThat(server.ok("create_order", restingBid(id))).as("the same clientId is not placed twice")
        .containsEntry("duplicate", true);
    assertThat(ordersWith(id)).hasSize(1);
  }

  @Test
  void aReadThatFailsBeforeAnyOrderIsSentSaysNothingWasPlaced() {
    long id = clientId();
    proxy.inject("GET", "/wapi/v1/history/orders", Fault.ANSWER_500, 1);

    String text = server.error("create_order", restingBid(id));

    assertThat(text).contains("Nothing was placed, cancelled or changed").doesNotContain("may have been executed");
    assertThat(ordersWith(id)).isEmpty();
  }

  @Test
  void aCancelAnsweredWith504AfterTheExchangeCancelledIsReportedClosed() {
    long id = clientId();
    Order order = exchange.orders().place(dev.bpx.client.request.OrderRequest.limit("SOL_USDC",
        dev.bpx.client.model.Side.BID, BigDecimal.ONE, new BigDecimal("95.00")).clientId(id).build());
    proxy.inject("DELETE", "/api/v1/order", Fault.FORWARD_THEN_504, 1);

    Map<String, Object> result = server.ok("cancel_order", args("symbol", "SOL_USDC", "orderId", order.id()));

    assertThat(result).containsEntry("success", true).containsEntry("status", "AlreadyClosed");
    assertThat(map(result.get("order"))).containsEntry("status", "Cancelled");
    assertThat(exchange.orders().getOpenOrder("SOL_USDC", order.id())).isEmpty();
  }
}
