package dev.bpx.mcp;

import static dev.bpx.mcp.LiveOnPaperProcessTest.args;
import static dev.bpx.mcp.LiveOnPaperProcessTest.list;
import static dev.bpx.mcp.LiveOnPaperProcessTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.Position;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.market.Holding;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's findings on what the tools answer (2026-12): a bad symbol or order id is refused before
 * it reaches the exchange and is not journaled; an unknown symbol is an error, never an empty success;
 * redeem never borrows; a reduce-only order that was too large says so; recent trades name the newest
 * trade as the last; trigger orders show what they wait for. The server runs in live mode against a paper
 * exchange this test owns, with 300 USDC (50 more lent) and 0.01 BTC.
 */
class HonestAnswersProcessTest {
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
            "USDC", new Holding(new BigDecimal("300"), new BigDecimal("50"), BigDecimal.ZERO),
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

  @Test
  void unknownSymbolsAndMalformedOrderIdsAreRefusedBeforeSendingAndNotJournaled() {
    Map<String, Map<String, Object>> unknownSymbol = Map.of(
        "cancel_all_orders", args("symbol", "FOO_USDC"),
        "close_position", args("symbol", "FOO_USDC"),
        "list_orders", args("symbol", "FOO_USDC"),
        "get_order_history", args("symbol", "FOO_USDC"),
        "get_fills", args("symbol", "SOL_USD"),
        "get_funding_payments", args("symbol", "FOO_USDC_PERP"));
    unknownSymbol.forEach((tool, arguments) -> assertThat(server.error(tool, arguments)).as(tool)
        .contains("Refused before sending: symbol: the exchange has no market", "did you mean")
        .doesNotContain("parse", "HTTP 400"));

    for (String tool : List.of("cancel_order", "get_order")) {
      assertThat(server.error(tool, args("symbol", "SOL_USDC", "orderId", "abc"))).as(tool)
          .contains("Refused before sending: orderId: 'abc' is not an order id", "use its clientId")
          .doesNotContain("parse", "HTTP 400");
    }

    assertThat(list(server.ok("get_trade_journal", args()).get("entries"))).isEmpty();
  }

  @Test
  void redeemNeverBorrowsAndNamesWhatIsLent() {
    String refused = server.error("redeem", args("asset", "USDC", "quantity", "80"));
    assertThat(refused).contains("quantity: 80 is more than the 50 USDC lent", "redeem at most 50", "borrow the rest")
        .containsOnlyOnce("othing was sent");
    assertThat(server.error("redeem", args("asset", "BTC", "quantity", "0.001")))
        .contains("nothing of BTC is lent, so there is nothing to redeem");
    assertThat(exchange.capital().listBorrowLendPositions()).extracting(BorrowLendPosition::symbol,
        p -> p.netQuantity().stripTrailingZeros().toPlainString()).containsExactly(Tuple.tuple("USDC", "50"));
    assertThat(list(server.ok("get_trade_journal", args()).get("entries"))).isEmpty();

    server.ok("redeem", args("asset", "USDC", "quantity", "50"));
    assertThat(exchange.capital().listBorrowLendPositions()).allSatisfy(p -> assertThat(p.netQuantity()).isNotNegative());
    assertThat(server.tools().get("redeem").description()).contains("at most what is lent");
  }

  @Test
  void aReduceOnlyOrderLargerThanThePositionSaysSoAndNeverAdvisesDroppingReduceOnly() {
    server.ok("create_order", args("symbol", PERP, "side", "Ask", "orderType", "Market", "quantity", "0.001"));
    BigDecimal net = exchange.account().getPosition(PERP).map(Position::netQuantity).orElseThrow();
    assertThat(net).isEqualByComparingTo("-0.001");

    String tooLarge = McpServerProcess.text(server.checked("create_order", args("symbol", PERP, "side", "Bid",
        "orderType", "Limit", "price", "90000", "quantity", "0.002", "reduceOnly", true)));
    assertThat(tooLarge).contains("Did not trade", "the quantity 0.002 is larger than the position it would reduce"
        + " (short 0.001 on " + PERP + ")", "at most 0.001").doesNotContain("drop reduceOnly", "no position");

    String wrongSide = McpServerProcess.text(server.checked("create_order", args("symbol", PERP, "side", "Ask",
        "orderType", "Market", "quantity", "0.001", "reduceOnly", true)));
    assertThat(wrongSide).contains("Did not trade", "is short 0.001", "would make it larger", "buy (side Bid)")
        .doesNotContain("drop reduceOnly");
    assertThat(exchange.account().getPosition(PERP).map(Position::netQuantity).orElseThrow()).isEqualByComparingTo("-0.001");
  }

  @Test
  void recentTradesCallTheNewestTradeTheLast() {
    // Two trades of our own at different prices: the exchange lists them after the seeded ones it made.
    server.ok("create_order", args("symbol", "BTC_USDC", "side", "Bid", "orderType", "Market", "quantity", "0.001"));
    server.ok("create_order", args("symbol", "BTC_USDC", "side", "Ask", "orderType", "Market", "quantity", "0.001"));

    McpSchema.CallToolResult result = server.checked("get_recent_trades", args("symbol", "BTC_USDC", "limit", 5));
    List<Map<String, Object>> trades = list(map(result.structuredContent()).get("trades"));
    assertThat(trades).hasSizeGreaterThan(1);
    Map<String, Object> newest = trades.stream().max(Comparator
        .comparing((Map<String, Object> t) -> ((Number) t.get("timestamp")).longValue())
        .thenComparing(t -> ((Number) t.get("id")).longValue())).orElseThrow();
    String price = new BigDecimal((String) newest.get("price")).stripTrailingZeros().toPlainString();
    assertThat(McpServerProcess.text(result)).endsWith("last at " + price);
    assertThat(trades.get(trades.size() - 1).get("id")).as("the list's last entry, which the text used to name")
        .isNotEqualTo(newest.get("id"));
  }

  @Test
  void triggerOrdersShowTheirTriggerPriceQuantityAndWhichOrderTheyProtect() {
    Map<String, Object> placed = server.ok("create_order", args("symbol", PERP, "side", "Bid", "orderType", "Market",
        "quantity", "0.001", "takeProfitTriggerPrice", "100000", "stopLossTriggerPrice", "95000"));
    String parent = (String) map(placed.get("order")).get("id");

    String text = McpServerProcess.text(server.checked("list_orders", args("symbol", PERP)));

    assertThat(text).contains("2 open order(s)", "triggers at 100000", "triggers at 95000", "for 0.001",
        "protects order " + parent, "TriggerPending");
  }
}
