package dev.bpx.mcp;

import dev.bpx.paper.market.Holding;
import static dev.bpx.mcp.LiveOnPaperProcessTest.args;
import static dev.bpx.mcp.LiveOnPaperProcessTest.list;
import static dev.bpx.mcp.LiveOnPaperProcessTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.OrderExpiryReason;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the order tools tell an assistant, checked against what the exchange did: orders the exchange
 * expires at once say first that they did not trade and why, and a liquidation (at the price the
 * server estimated) shows as a debt in get_balances and as a liquidation in fills and order history.
 * The server runs in live mode against a paper exchange this test owns, on a clock that stands still,
 * with an account holding 300 USDC and 0.01 BTC.
 */
class OrderOutcomeProcessTest {
  private static final String PERP = "BTC_USDC_PERP";
  @TempDir Path dataDir;
  @TempDir Path workDir;
  private PaperExchange paper;
  private BackpackClient exchange;
  private McpServerProcess server;

  @BeforeEach
  void start() {
    paper = PaperExchange.builder().seed(5).fsync(false).clock(PaperClock.fixed(Instant.parse("2026-03-01T10:00:00Z")))
        .startingPortfolio(Map.of(
            "USDC", new Holding(new BigDecimal("300"), BigDecimal.ZERO, BigDecimal.ZERO),
            "BTC", new Holding(new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ZERO)))
        .start();
    paper.setPrice(PERP, new BigDecimal("97500.0"));
    SigningKey key = SigningKey.generate();
    exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    server = McpServerProcess.start(Map.of(
        "BACKPACK_BASE_URL", paper.url(),
        "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_DATA_DIR", dataDir.toString()), workDir);
  }

  @AfterEach
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

  /** Places an order the exchange expires at once; checks the result and the exchange's own record. */
  private String expiresAtOnce(Map<String, Object> order, OrderExpiryReason reason) {
    McpSchema.CallToolResult result = server.checked("create_order", order);
    String text = McpServerProcess.text(result);
    Map<String, Object> out = map(result.structuredContent());
    assertThat(text).as("said first, after the mode").startsWith("[live] Did not trade: ");
    assertThat(out).containsEntry("success", true).containsEntry("traded", false).containsEntry("expired", true)
        .containsEntry("expiryReason", reason.wireValue());
    String id = (String) map(out.get("order")).get("id");
    HistoricalOrder recorded = exchange.history().listOrders(OrderHistoryQuery.builder().orderId(id).build()).get(0);
    assertThat(recorded.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(recorded.expiryReason()).isEqualTo(reason);
    assertThat(recorded.executedQuantity()).isEqualByComparingTo("0");
    return text;
  }

  @Test
  void ordersTheExchangeExpiresAtOnceSayTheyDidNotTradeWhyAndWhatToChange() {
    Depth book = exchange.markets().getDepth("BTC_USDC");
    BigDecimal bestAsk = book.bestAsk().orElseThrow().price();
    BigDecimal bestBid = book.bestBid().orElseThrow().price();

    String postOnly = expiresAtOnce(args("symbol", "BTC_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.001",
        "price", bestAsk.toPlainString(), "postOnly", true), OrderExpiryReason.POST_ONLY_TAKER);
    assertThat(postOnly).contains("post-only", "would have crossed", "price the buy below the best ask", "drop postOnly");

    String ioc = expiresAtOnce(args("symbol", "BTC_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.001",
        "price", bestBid.toPlainString(), "timeInForce", "IOC"), OrderExpiryReason.IMMEDIATE_OR_CANCEL);
    assertThat(ioc).contains("IOC", "nothing was there", "GTC");

    String fok = expiresAtOnce(args("symbol", "BTC_USDC", "side", "Ask", "orderType", "Limit", "quantity", "0.001",
        "price", bestAsk.toPlainString(), "timeInForce", "FOK"), OrderExpiryReason.FILL_OR_KILL);
    assertThat(fok).contains("FOK", "whole quantity", "Reduce the quantity");

    String reduceOnly = expiresAtOnce(args("symbol", PERP, "side", "Ask", "orderType", "Market", "quantity", "0.001",
        "reduceOnly", true), OrderExpiryReason.REDUCE_ONLY_NOT_REDUCED);
    assertThat(reduceOnly).contains("reduce-only", "no position on " + PERP, "never opens a position");

    // An order that goes through says "Placed" and traded: true.
    Map<String, Object> filled = server.ok("create_order", args("symbol", "BTC_USDC", "side", "Bid", "orderType", "Market",
        "quantity", "0.001"));
    assertThat(filled).containsEntry("traded", true).containsEntry("expired", false).doesNotContainKey("expiryReason");
  }

  @Test
  void aLiquidationAtTheEstimatedPriceShowsAsADebtInBalancesAndAsALiquidationInFillsAndHistory() {
    // About 16x: above the default leverage limit of 10, which the exchange enforces.
    server.ok("update_account_settings", args("leverageLimit", "20"));
    assertThat(server.ok("create_order", args("symbol", PERP, "side", "Bid", "orderType", "Market", "quantity", "0.2")))
        .containsEntry("traded", true);
    Map<String, Object> position = list(server.ok("list_positions", args()).get("positions")).get(0);
    BigDecimal estimate = new BigDecimal((String) position.get("estLiquidationPrice"));
    BigDecimal mark = new BigDecimal((String) position.get("markPrice"));
    assertThat(estimate).isPositive().isLessThan(mark);

    // Walk the underlying down one basis point at a time until the exchange liquidates.
    BigDecimal step = mark.movePointLeft(4).setScale(1, RoundingMode.DOWN);
    BigDecimal price = mark;
    while (exchange.account().getPosition(PERP).isPresent()) {
      assertThat(price).as("liquidated before the price halved").isGreaterThan(mark.divide(BigDecimal.valueOf(2)));
      price = price.subtract(step);
      paper.setPrice(PERP, price);
    }
    assertThat(estimate.subtract(price).abs().divide(price, MathContext.DECIMAL64))
        .as("estimate %s, liquidated at %s", estimate, price).isLessThanOrEqualTo(new BigDecimal("0.0005"));

    // The loss exceeded the 300 USDC held, so the exchange borrowed the rest.
    BigDecimal owed = exchange.capital().listBorrowLendPositions().stream().filter(p -> p.symbol().equals("USDC"))
        .map(BorrowLendPosition::netQuantity).findFirst().orElseThrow().negate();
    assertThat(owed).isPositive();
    McpSchema.CallToolResult balances = server.checked("get_balances", args());
    Map<String, Object> usdc = map(map(map(balances.structuredContent()).get("balances")).get("USDC"));
    assertThat(new BigDecimal((String) usdc.get("borrowed"))).isEqualByComparingTo(owed);
    assertThat(McpServerProcess.text(balances)).contains("borrowed " + owed.stripTrailingZeros().toPlainString(), "owes");

    McpSchema.CallToolResult fillsResult = server.checked("get_fills", args("symbol", PERP));
    assertThat(list(map(fillsResult.structuredContent()).get("fills")))
        .anySatisfy(f -> assertThat(f).containsEntry("liquidation", true)
            .containsEntry("systemOrderType", "LiquidatePositionOnBackstop").containsEntry("side", "Ask"))
        .anySatisfy(f -> assertThat(f).containsEntry("liquidation", false).containsEntry("side", "Bid"));
    assertThat(McpServerProcess.text(fillsResult)).contains("LIQUIDATION (LiquidatePositionOnBackstop)");

    McpSchema.CallToolResult historyResult = server.checked("get_order_history", args("symbol", PERP));
    assertThat(list(map(historyResult.structuredContent()).get("orders")))
        .anySatisfy(o -> assertThat(o).containsEntry("liquidation", true).containsEntry("status", "Filled"));
    assertThat(McpServerProcess.text(historyResult)).contains("LIQUIDATION: " + PERP + " Ask Market",
        "placed by the exchange (LiquidatePositionOnBackstop)");
  }
}
