package dev.bpx.mcp;

import static dev.bpx.mcp.LiveOnPaperProcessTest.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The circuit breakers (BACKPACK_MAX_OPEN_ORDERS, BACKPACK_MAX_POSITION_NOTIONAL, BACKPACK_MAX_LEVERAGE)
 * on a real server process in live mode against a test-owned paper exchange.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitBreakersProcessTest {
  @TempDir static Path dataDir;
  @TempDir static Path workDir;
  private PaperExchange paper;
  private BackpackClient exchange;
  private McpServerProcess server;

  @BeforeAll
  void start() {
    paper = PaperExchange.builder().seed(12).controlApi(true).fsync(false).start();
    SigningKey key = SigningKey.generate();
    exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
    paper.setPrice("SOL_USDC_PERP", new BigDecimal("100.00"));
    server = McpServerProcess.start(Map.of(
        "BACKPACK_BASE_URL", paper.url(),
        "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_MAX_OPEN_ORDERS", "1",
        "BACKPACK_MAX_POSITION_NOTIONAL", "500",
        "BACKPACK_MAX_LEVERAGE", "3",
        "BACKPACK_DATA_DIR", dataDir.toString()), workDir);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (exchange != null) {
      exchange.close();
    }
    if (paper != null) {
      paper.close();
    }
  }

  private int historySize() {
    return exchange.history().listOrders(OrderHistoryQuery.builder().limit(1000).build()).size();
  }

  @Test
  void theStatusListsEveryBreakerWithItsSettingAndItsUseOnTheAccount() {
    Map<String, Object> status = server.ok("get_server_status", args());
    assertThat(status.get("breakers")).isEqualTo(List.of(
        Map.of("rule", "maxPositionNotional", "setting", "BACKPACK_MAX_POSITION_NOTIONAL", "limit", "500", "used", "0",
            "tripped", false),
        Map.of("rule", "maxLeverage", "setting", "BACKPACK_MAX_LEVERAGE", "limit", "3", "used", "0", "tripped", false),
        Map.of("rule", "maxOpenOrders", "setting", "BACKPACK_MAX_OPEN_ORDERS", "limit", "1",
            "used", String.valueOf(exchange.orders().listOpenOrders().size()), "tripped", !exchange.orders().listOpenOrders().isEmpty())));
    assertThat((String) status.get("limits")).contains("max open orders 1", "max position notional 500", "max leverage 3");
  }

  @Test
  void ordersThatWouldTripABreakerAreRefusedWithNothingSentAndPreviewSaysWhich() {
    server.ok("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1",
        "price", "95.00"));
    int before = historySize();

    String second = server.error("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "1", "price", "94.00"));
    assertThat(second).contains("circuit breaker maxOpenOrders", "limit of 1", "BACKPACK_MAX_OPEN_ORDERS", "Nothing was sent");

    String position = server.error("create_order", args("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Limit",
        "quantity", "10", "price", "95.00", "timeInForce", "IOC"));
    assertThat(position).contains("circuit breaker maxPositionNotional", "limit of 500", "BACKPACK_MAX_POSITION_NOTIONAL")
        .doesNotContain("maxOpenOrders");

    Map<String, Object> preview = server.ok("preview_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "1", "price", "94.00"));
    assertThat(preview).containsEntry("acceptable", false);
    assertThat(preview.get("problems").toString()).contains("circuit breaker maxOpenOrders");

    assertThat(exchange.orders().listOpenOrders()).hasSize(1);
    assertThat(historySize()).isEqualTo(before);

    // Cancels are never blocked by a breaker.
    assertThat(server.ok("cancel_all_orders", args("symbol", "SOL_USDC"))).containsEntry("count", 1);
    assertThat(exchange.orders().listOpenOrders()).isEmpty();
  }
}
