package dev.bpx.mcp;

import static dev.bpx.mcp.LiveOnPaperProcessTest.args;
import static dev.bpx.mcp.LiveOnPaperProcessTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** BACKPACK_MAX_ORDER_NOTIONAL, BACKPACK_ALLOWED_SYMBOLS and BACKPACK_READ_ONLY on a real server process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyLimitsProcessTest {
  private static final Set<String> WRITE_TOOLS =
      Set.of("create_order", "cancel_order", "cancel_all_orders", "close_position", "lend", "redeem", "update_account_settings");

  @TempDir static Path dataDir;
  @TempDir static Path workDir;
  private PaperExchange paper;
  private SigningKey key;
  private BackpackClient exchange;
  private McpServerProcess limited;

  @BeforeAll
  void start() {
    paper = PaperExchange.builder().seed(11).controlApi(true).fsync(false).start();
    key = SigningKey.generate();
    exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    prices();
    limited = McpServerProcess.start(Map.of(
        "BACKPACK_BASE_URL", paper.url(),
        "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_MAX_ORDER_NOTIONAL", "100",
        "BACKPACK_ALLOWED_SYMBOLS", "SOL_USDC,sol_usdc_perp",
        "BACKPACK_DATA_DIR", dataDir.toString()), workDir);
  }

  @AfterAll
  void stop() {
    if (limited != null) {
      limited.close();
    }
    if (exchange != null) {
      exchange.close();
    }
    if (paper != null) {
      paper.close();
    }
  }

  private void prices() {
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
    paper.setPrice("SOL_USDC_PERP", new BigDecimal("100.00"));
    paper.setPrice("BTC_USDC", new BigDecimal("50000.0"));
  }

  private int historySize() {
    return exchange.history().listOrders(OrderHistoryQuery.builder().limit(1000).build()).size();
  }

  @Test
  void limitsAreAnnouncedInInstructionsAndStatus() {
    assertThat(limited.client().getServerInstructions()).contains("max order notional 100", "SOL_USDC");
    Map<String, Object> status = limited.ok("get_server_status", args());
    assertThat(status).containsEntry("maxOrderNotional", "100").containsEntry("mode", "live");
    assertThat(status.get("allowedSymbols")).isEqualTo(List.of("SOL_USDC", "SOL_USDC_PERP"));
  }

  @Test
  void ordersBeyondTheLimitsAreRefusedBeforeSending() {
    prices();
    int before = historySize();
    String tooBig = limited.error("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "2", "price", "95.00"));
    assertThat(tooBig).contains("Refused before sending", "exceeds the max order notional 100", "Nothing was sent");
    assertThat(limited.error("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market", "quantity", "2")))
        .contains("max order notional 100");
    assertThat(limited.error("create_order", args("symbol", "SOL_USDC_PERP", "side", "Ask", "orderType", "Market",
        "quoteQuantity", "150"))).contains("max order notional 100");
    assertThat(limited.error("create_order", args("symbol", "BTC_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "0.0001", "price", "49000.0"))).contains("BTC_USDC", "not allowed", "BACKPACK_ALLOWED_SYMBOLS");
    assertThat(limited.error("close_position", args("symbol", "BTC_USDC_PERP"))).isNotBlank();

    Map<String, Object> preview = limited.ok("preview_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "2", "price", "95.00"));
    assertThat(preview).containsEntry("acceptable", false);
    assertThat(preview.get("problems").toString()).contains("max order notional");

    assertThat(exchange.orders().listOpenOrders()).isEmpty();
    assertThat(historySize()).isEqualTo(before);
  }

  @Test
  void ordersWithinTheLimitsGoThroughAndCancelsAreNeverBlocked() {
    prices();
    Map<String, Object> placed = limited.ok("create_order", args("symbol", "sol_usdc", "side", "Bid", "orderType", "Limit",
        "quantity", "1", "price", "95.00"));
    String id = (String) map(placed.get("order")).get("id");
    assertThat(limited.ok("cancel_order", args("orderId", id, "symbol", "SOL_USDC"))).containsEntry("status", "Cancelled");

    // Orders the limits would refuse, placed outside the server: the server still cancels them.
    Order btc = exchange.orders().place(OrderRequest.builder("BTC_USDC", Side.BID, OrderType.LIMIT)
        .quantity(new BigDecimal("0.01")).price(new BigDecimal("49000.0")).build());
    Order big = exchange.orders().place(OrderRequest.builder("SOL_USDC", Side.BID, OrderType.LIMIT)
        .quantity(new BigDecimal("10")).price(new BigDecimal("95.00")).build());
    assertThat(limited.ok("cancel_order", args("orderId", btc.id(), "symbol", "BTC_USDC"))).containsEntry("success", true);
    assertThat(limited.ok("cancel_all_orders", args("symbol", "SOL_USDC"))).containsEntry("count", 1);
    assertThat(exchange.orders().listOpenOrders()).extracting(Order::id).doesNotContain(btc.id(), big.id());
  }

  @Test
  void readOnlyModeOffersNoWriteToolAndPlacesNothing() {
    SigningKey readOnlyKey = SigningKey.generate();
    try (BackpackClient own = BackpackClient.builder().baseUrl(paper.url()).signingKey(readOnlyKey).build();
        McpServerProcess readOnly = McpServerProcess.start(Map.of(
            "BACKPACK_BASE_URL", paper.url(),
            "BACKPACK_PRIVATE_KEY", readOnlyKey.exportPrivateKeyBase64(),
            "BACKPACK_READ_ONLY", "true",
            "BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      assertThat(readOnly.tools()).hasSize(22).containsKey("get_trade_journal").doesNotContainKeys(WRITE_TOOLS.toArray(String[]::new));
      assertThat(readOnly.tools().values()).allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
      assertThat(readOnly.client().getServerInstructions()).contains("read-only");
      assertThat(readOnly.ok("get_server_status", args())).containsEntry("readOnly", true);
      assertThat(readOnly.ok("get_balances", args())).containsKey("balances");

      // A hidden write tool called anyway is answered with a result that says why, not "Unknown tool".
      McpSchema.CallToolResult result = readOnly.call("create_order", args("symbol", "SOL_USDC", "side", "Bid",
          "orderType", "Market", "quantity", "0.1"));
      assertThat(result.isError()).isTrue();
      assertThat(McpServerProcess.text(result)).contains("[live] Read-only mode is on", "nothing was sent");
      assertThat(own.history().listOrders(OrderHistoryQuery.builder().limit(1000).build())).isEmpty();
      assertThat(own.orders().listOpenOrders()).isEmpty();
    }
  }
}
