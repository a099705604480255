package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in LIVE mode, pointed at a paper exchange this test owns (plain http is allowed for
 * loopback), so the test can move prices and time and can check the exchange's own records with an
 * independent client on the same account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveOnPaperProcessTest {
  @TempDir static Path dataDir;
  @TempDir static Path workDir;
  private PaperExchange paper;
  private SigningKey key;
  private BackpackClient exchange;
  private McpServerProcess server;

  @BeforeAll
  void start() {
    // Whole-second exchange time: the paper engine steps at birth + k seconds and runs funding only on
    // steps that fall exactly on the hour, so a birth at a fractional second never funds (reported).
    PaperClock clock = new PaperClock(Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1)));
    paper = PaperExchange.builder().seed(7).controlApi(true).fsync(false).clock(clock).webSocketPort(0).start();
    key = SigningKey.generate();
    exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    steadyPrices();
    server = McpServerProcess.start(Map.of(
        "BACKPACK_BASE_URL", paper.url(),
        "BACKPACK_WS_URL", paper.wsUrl(),
        "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_PUBLIC_KEY", key.publicKeyBase64(),
        "BACKPACK_DATA_DIR", dataDir.toString()), workDir);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      assertThat(String.join("\n", server.stderr())).doesNotContain(key.exportPrivateKeyBase64());
      server.close();
    }
    if (exchange != null) {
      exchange.close();
    }
    if (paper != null) {
      paper.close();
    }
  }

  private void steadyPrices() {
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
    paper.setPrice("SOL_USDC_PERP", new BigDecimal("100.00"));
    paper.setPrice("ETH_USDC", new BigDecimal("3000.00"));
  }

  static Map<String, Object> args(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private List<HistoricalOrder> history() {
    return exchange.history().listOrders(OrderHistoryQuery.builder().limit(1000).build());
  }

  private static long clientId() {
    return ThreadLocalRandom.current().nextLong(1, 4_000_000_000L);
  }

  @Test
  void listsTheToolsWithInstructionsNamingTheModeAndExchange() {
    assertThat(server.tools()).hasSize(30);
    assertThat(server.client().getServerInstructions()).contains("LIVE mode", "real funds", paper.url(), "no max order notional");
  }

  @Test
  void everyToolSucceedsAndEachResultMatchesItsOutputSchema() {
    Set<String> called = new TreeSet<>();
    java.util.function.BiFunction<String, Map<String, Object>, Map<String, Object>> ok = (tool, arguments) -> {
      called.add(tool);
      return server.ok(tool, arguments);
    };
    steadyPrices();

    Map<String, Object> status = ok.apply("get_server_status", args());
    assertThat(status).containsEntry("mode", "live").containsEntry("exchangeUrl", paper.url()).containsEntry("readOnly", false);
    String publicKey = key.publicKeyBase64();
    assertThat((String) status.get("account")).contains(publicKey.substring(0, 4), publicKey.substring(publicKey.length() - 4))
        .doesNotContain(publicKey);

    // Market data.
    Map<String, Object> markets = ok.apply("list_markets", args());
    assertThat(list(markets.get("markets"))).extracting(m -> m.get("symbol")).contains("SOL_USDC", "SOL_USDC_PERP", "BTC_USDC");
    assertThat(list(ok.apply("list_markets", args("marketType", "perp")).get("markets")))
        .allSatisfy(m -> assertThat(m.get("marketType")).isEqualTo("PERP"));
    assertThat(ok.apply("get_market", args("symbol", "SOL_USDC"))).containsEntry("symbol", "SOL_USDC");
    assertThat(list(ok.apply("get_ticker", args("symbol", "SOL_USDC")).get("tickers"))).hasSize(1);
    assertThat((Integer) ok.apply("get_ticker", args()).get("count")).isGreaterThanOrEqualTo(6);
    Map<String, Object> book = ok.apply("get_order_book", args("symbol", "SOL_USDC", "limit", 5));
    assertThat((List<?>) book.get("bids")).hasSize(5);
    assertThat((List<?>) book.get("asks")).hasSize(5);
    assertThat(new BigDecimal((String) book.get("bestBid"))).isLessThan(new BigDecimal((String) book.get("bestAsk")));
    assertThat((List<?>) ok.apply("get_klines", args("symbol", "SOL_USDC", "interval", "1m", "limit", 5)).get("klines"))
        .hasSizeBetween(1, 5);
    assertThat((Integer) ok.apply("get_recent_trades", args("symbol", "SOL_USDC", "limit", 10)).get("count")).isBetween(0, 10);
    assertThat(list(ok.apply("get_mark_prices", args("symbol", "SOL_USDC_PERP")).get("markPrices")))
        .extracting(m -> m.get("symbol")).containsExactly("SOL_USDC_PERP");

    // Balances, settings, lending.
    Map<String, Object> balances = ok.apply("get_balances", args());
    Map<String, Object> usdc = map(map(balances.get("balances")).get("USDC"));
    assertThat(usdc).containsKeys("available", "locked", "staked", "lent");
    assertThat(new BigDecimal((String) usdc.get("available"))).isPositive();
    assertThat(new BigDecimal((String) usdc.get("lent"))).isEqualByComparingTo("2000");
    assertThat(balances.get("count")).isEqualTo(map(balances.get("balances")).size());
    assertThat((Integer) balances.get("totalAssets")).isGreaterThanOrEqualTo((Integer) balances.get("count"));
    assertThat(map(ok.apply("get_balances", args("showZeroBalances", true)).get("balances")).size())
        .isEqualTo(balances.get("totalAssets"));
    ok.apply("get_account_settings", args());
    Map<String, Object> updated = ok.apply("update_account_settings", args("leverageLimit", "5"));
    assertThat(new BigDecimal((String) map(updated.get("settings")).get("leverageLimit"))).isEqualByComparingTo("5");
    assertThat(updated).containsEntry("mode", "live");
    ok.apply("get_collateral", args());
    assertThat(ok.apply("lend", args("asset", "usdc", "quantity", "10"))).containsEntry("asset", "USDC");
    Map<String, Object> lending = ok.apply("get_borrow_lend_positions", args());
    assertThat(list(lending.get("positions"))).anySatisfy(p -> {
      assertThat(p.get("symbol")).isEqualTo("USDC");
      assertThat(new BigDecimal((String) p.get("netQuantity"))).isEqualByComparingTo("2010");
    });
    ok.apply("redeem", args("asset", "USDC", "quantity", "10"));
    assertThat(new BigDecimal((String) map(map(ok.apply("get_balances", args()).get("balances")).get("USDC")).get("lent")))
        .isEqualByComparingTo("2000");

    // A resting spot order and a resting perp order: list_orders shows both kinds.
    steadyPrices();
    Map<String, Object> preview = ok.apply("preview_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "0.5", "price", "95.00"));
    assertThat(preview).containsEntry("acceptable", true);
    assertThat(new BigDecimal((String) ok.apply("get_max_order_quantity",
        args("symbol", "SOL_USDC", "side", "Bid", "price", "95.00")).get("maxOrderQuantity"))).isPositive();
    long spotClientId = clientId();
    Map<String, Object> spot = ok.apply("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "0.5", "price", "95.00", "timeInForce", "GTC", "clientId", spotClientId));
    assertThat(spot).containsEntry("success", true).containsEntry("mode", "live").containsEntry("duplicate", false);
    Map<String, Object> spotOrder = map(spot.get("order"));
    assertThat(spotOrder).containsEntry("status", "New").containsEntry("price", "95.00").containsEntry("quantity", "0.50");
    String spotId = (String) spotOrder.get("id");
    Map<String, Object> perp = ok.apply("create_order", args("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Limit",
        "quantity", "1", "price", "95.00"));
    String perpId = (String) map(perp.get("order")).get("id");

    Map<String, Object> open = ok.apply("list_orders", args());
    assertThat(open).containsEntry("symbol", "all");
    assertThat(list(open.get("orders"))).extracting(o -> o.get("id")).contains(spotId, perpId);
    assertThat(open.get("count")).isEqualTo(list(open.get("orders")).size());
    assertThat(list(ok.apply("list_orders", args("symbol", "SOL_USDC")).get("orders")))
        .extracting(o -> o.get("id")).contains(spotId).doesNotContain(perpId);
    assertThat(exchange.orders().listOpenOrders()).extracting(Order::id).contains(spotId, perpId);

    Map<String, Object> found = ok.apply("get_order", args("symbol", "SOL_USDC", "orderId", spotId));
    assertThat(found).containsEntry("found", true).containsEntry("open", true);
    Map<String, Object> cancelled = ok.apply("cancel_order", args("orderId", spotId, "symbol", "SOL_USDC"));
    assertThat(cancelled).containsEntry("success", true).containsEntry("status", "Cancelled");
    assertThat(map(cancelled.get("order"))).containsEntry("id", spotId);
    assertThat(ok.apply("get_order", args("symbol", "SOL_USDC", "clientId", spotClientId)))
        .containsEntry("found", true).containsEntry("open", false);
    assertThat(ok.apply("cancel_order", args("clientId", map(perp.get("order")).get("clientId"), "symbol", "SOL_USDC_PERP")))
        .containsEntry("success", true);
    assertThat(exchange.orders().listOpenOrders()).extracting(Order::id).doesNotContain(spotId, perpId);

    // cancel_all_orders on a market with two resting orders.
    for (String price : List.of("1800.00", "1801.00")) {
      ok.apply("create_order", args("symbol", "ETH_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.01", "price", price));
    }
    Map<String, Object> all = ok.apply("cancel_all_orders", args("symbol", "ETH_USDC"));
    assertThat(all).containsEntry("count", 2).containsEntry("accepted", false);
    assertThat(exchange.orders().listOpenOrders("ETH_USDC")).isEmpty();

    // A perpetual position with take-profit and stop-loss attached; time passes (funding), then close it.
    steadyPrices();
    Map<String, Object> perpPreview = ok.apply("preview_order", args("symbol", "SOL_USDC_PERP", "side", "Bid",
        "orderType", "Market", "quantity", "2"));
    assertThat(perpPreview).containsEntry("acceptable", true).containsEntry("resultingPositionQuantity", "2");
    Map<String, Object> market = ok.apply("create_order", args("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Market",
        "quantity", "2", "takeProfitTriggerPrice", "150.00", "stopLossTriggerPrice", "60.00"));
    assertThat(map(market.get("order"))).containsEntry("status", "Filled").containsEntry("executedQuantity", "2.00");
    paper.advance(Duration.ofHours(2));
    steadyPrices();
    Map<String, Object> positions = ok.apply("list_positions", args());
    assertThat(positions.get("count")).isEqualTo(1);
    Map<String, Object> position = list(positions.get("positions")).get(0);
    assertThat(position).containsKeys("symbol", "netQuantity", "entryPrice", "markPrice", "pnlUnrealized", "pnlRealized",
        "estLiquidationPrice", "breakEvenPrice");
    assertThat(position).containsEntry("symbol", "SOL_USDC_PERP");
    assertThat(new BigDecimal((String) position.get("netQuantity"))).isEqualByComparingTo("2");
    assertThat((Integer) ok.apply("get_funding_payments", args("symbol", "SOL_USDC_PERP")).get("count")).isPositive();
    assertThat((Integer) ok.apply("get_funding_rates", args("symbol", "SOL_USDC_PERP", "limit", 5)).get("count")).isPositive();
    Map<String, Object> closed = ok.apply("close_position", args("symbol", "SOL_USDC_PERP"));
    assertThat(map(closed.get("order"))).containsEntry("side", "Ask").containsEntry("reduceOnly", true);
    assertThat(ok.apply("list_positions", args()).get("count")).isEqualTo(0);
    ok.apply("cancel_all_orders", args("symbol", "SOL_USDC_PERP", "orderType", "ConditionalOrder"));

    // History.
    assertThat(list(ok.apply("get_order_history", args("symbol", "SOL_USDC", "limit", 10)).get("orders")))
        .extracting(o -> o.get("id")).contains(spotId);
    assertThat((Integer) ok.apply("get_fills", args("symbol", "SOL_USDC_PERP")).get("count")).isGreaterThanOrEqualTo(2);

    // The emergency stop leaves the account flat, whatever the steps above left open.
    ok.apply("emergency_stop", args());
    assertThat(exchange.orders().listOpenOrders()).isEmpty();
    assertThat(ok.apply("emergency_stop", args())).containsEntry("nothingToDo", true);
    // Every action above is in the trade journal; its last two lines are that second emergency stop.
    assertThat(list(ok.apply("get_trade_journal", args("limit", 2)).get("entries")))
        .extracting(e -> e.get("type") + " " + e.get("action") + " " + e.get("result"))
        .containsExactly("intent emergencyStop null", "outcome emergencyStop done");

    Set<String> listed = new TreeSet<>(server.tools().keySet());
    assertThat(called).as("tools called at least once").isEqualTo(listed);
  }

  @Test
  @SuppressWarnings("unchecked")
  void errorsAreToolResultsThatSayWhatToChangeAndNothingIsSent() {
    steadyPrices();
    List<Order> openBefore = exchange.orders().listOpenOrders();
    int historyBefore = history().size();

    Map<String, Object> limit = args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1", "price", "95.00");
    java.util.function.Function<Object[], Map<String, Object>> with = overrides -> {
      Map<String, Object> a = new LinkedHashMap<>(limit);
      for (int i = 0; i < overrides.length; i += 2) {
        if (overrides[i + 1] == null) {
          a.remove((String) overrides[i]);
        } else {
          a.put((String) overrides[i], overrides[i + 1]);
        }
      }
      return a;
    };

    // A JSON number arrives with the digits it was written with: 0.30000000000000004 is not rounded to 0.3.
    assertThat(server.error("create_order", with.apply(new Object[] {"quantity", 0.30000000000000004})))
        .contains("0.30000000000000004", "stepSize", "Nothing was sent");
    assertThat(server.error("create_order", with.apply(new Object[] {"side", "Buy"})))
        .contains("'side' 'Buy' is not one of Bid, Ask");
    assertThat(server.error("create_order", with.apply(new Object[] {"reduce_only", true})))
        .contains("unknown argument 'reduce_only'", "reduceOnly");
    assertThat(server.error("create_order", with.apply(new Object[] {"price", null}))).contains("price");
    assertThat(server.error("create_order", with.apply(new Object[] {"quantity", "-1"}))).contains("'quantity' '-1'");
    assertThat(server.error("create_order", with.apply(new Object[] {"symbol", "SOLUSDC"}))).contains("not a market symbol");

    String unknownSymbol = server.error("create_order", with.apply(new Object[] {"symbol", "SOL_USDT"}));
    assertThat(unknownSymbol).contains("SOL_USDT", "Nothing was sent");

    String offTick = server.error("create_order", with.apply(new Object[] {"price", "99.995"}));
    assertThat(offTick).contains("price", "99.99", "100.00", "Nothing was sent");
    String offStep = server.error("create_order", with.apply(new Object[] {"quantity", "1.005"}));
    assertThat(offStep).contains("quantity", "1.00", "1.01");

    var insufficient = server.call("create_order", with.apply(new Object[] {"quantity", "500"}));
    assertThat(insufficient.isError()).isTrue();
    assertThat(McpServerProcess.text(insufficient)).containsIgnoringCase("insufficient").contains("Change the request");
    assertThat((Map<String, Object>) insufficient.structuredContent())
        .containsEntry("success", false).containsEntry("mode", "live").containsKey("error");

    var unknownOrder = server.call("cancel_order", args("orderId", "987654321", "symbol", "SOL_USDC"));
    assertThat(unknownOrder.isError()).isTrue();
    assertThat(McpServerProcess.text(unknownOrder)).contains("404");
    assertThat((Map<String, Object>) unknownOrder.structuredContent()).containsEntry("success", false);
    assertThat(server.error("cancel_order", args("symbol", "SOL_USDC"))).contains("exactly one of 'orderId' and 'clientId'");
    assertThat(server.ok("get_order", args("symbol", "SOL_USDC", "orderId", "987654321"))).containsEntry("found", false);

    assertThat(server.error("get_order_book", args("symbol", "SOL_USDC", "limit", 7))).contains("'limit' must be one of");
    assertThat(server.error("get_klines", args("symbol", "SOL_USDC", "interval", "1m", "startTime", "yesterday")))
        .contains("ISO-8601");
    assertThat(server.error("lend", args("asset", "USDC", "quantity", "1000000"))).isNotBlank();
    assertThat(server.error("close_position", args("symbol", "BTC_USDC_PERP"))).isNotBlank();

    assertThat(exchange.orders().listOpenOrders()).extracting(Order::id)
        .containsExactlyInAnyOrderElementsOf(openBefore.stream().map(Order::id).toList());
    assertThat(history()).hasSize(historyBefore);
  }

  @Test
  void repeatingAClientIdReturnsTheExistingOrderAndPlacesOnlyOne() {
    steadyPrices();
    long clientId = clientId();
    Map<String, Object> order = args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.3",
        "price", "95.00", "clientId", clientId);
    Map<String, Object> first = server.ok("create_order", order);
    assertThat(first).containsEntry("duplicate", false);
    assertThat(((Number) first.get("clientId")).longValue()).isEqualTo(clientId);
    Object id = map(first.get("order")).get("id");

    var second = server.call("create_order", order);
    assertThat(second.isError()).isFalse();
    assertThat(McpServerProcess.text(second)).contains("Not placed again", String.valueOf(clientId));
    assertThat(map(second.structuredContent())).containsEntry("duplicate", true).containsEntry("success", true);
    assertThat(map(map(second.structuredContent()).get("order"))).containsEntry("id", id);

    assertThat(exchange.orders().listOpenOrders("SOL_USDC")).filteredOn(o -> Long.valueOf(clientId).equals(o.clientId())).hasSize(1);
    assertThat(history()).filteredOn(o -> Long.valueOf(clientId).equals(o.clientId())).hasSize(1);

    // Cancelled, the clientId still belongs to that order.
    server.ok("cancel_order", args("clientId", clientId, "symbol", "SOL_USDC"));
    assertThat(server.ok("create_order", order)).containsEntry("duplicate", true);
    assertThat(exchange.orders().listOpenOrders("SOL_USDC")).filteredOn(o -> Long.valueOf(clientId).equals(o.clientId())).isEmpty();
    assertThat(history()).filteredOn(o -> Long.valueOf(clientId).equals(o.clientId())).hasSize(1);
  }

  @Test
  void getOrderWaitsForTheOrderToFinishWithoutHoldingUpOtherCalls() throws Exception {
    steadyPrices();
    long clientId = clientId();
    server.ok("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.2",
        "price", "94.00", "clientId", clientId));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      long started = System.nanoTime();
      java.util.concurrent.Future<McpSchema.CallToolResult> waiting =
          pool.submit(() -> server.call("get_order", args("symbol", "SOL_USDC", "clientId", clientId, "waitSeconds", 30)));
      Thread.sleep(1_000);
      assertThat(waiting).as("still waiting while the order rests").isNotDone();
      // Another call is answered meanwhile: the wait holds up neither the server nor the exchange.
      assertThat(server.ok("list_orders", args("symbol", "SOL_USDC")).get("count")).isNotEqualTo(0);
      // Someone else (here: another client on the account) cancels it; the waiting call sees it end.
      exchange.orders().cancelByClientId("SOL_USDC", clientId);
      McpSchema.CallToolResult done = waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(done.isError()).as(McpServerProcess.text(done)).isFalse();
      assertThat(map(done.structuredContent())).containsEntry("found", true).containsEntry("open", false);
      assertThat(map(map(done.structuredContent()).get("order"))).containsEntry("status", "Cancelled");
      assertThat(tookMillis).as("answered soon after the cancel, long before the 30 s").isLessThan(15_000);
    } finally {
      pool.shutdownNow();
    }
    // Still open when the time is up: said so, and how to wait longer.
    long resting = clientId();
    server.ok("create_order", args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.2",
        "price", "94.00", "clientId", resting));
    McpSchema.CallToolResult still = server.call("get_order", args("symbol", "SOL_USDC", "clientId", resting, "waitSeconds", 1));
    assertThat(map(still.structuredContent())).containsEntry("open", true);
    assertThat(McpServerProcess.text(still)).contains("after waiting 1 s", "call again to wait longer");
    assertThat(server.error("get_order", args("symbol", "SOL_USDC", "clientId", resting, "waitSeconds", 46)))
        .contains("waitSeconds", "45");
    server.ok("cancel_order", args("clientId", resting, "symbol", "SOL_USDC"));
  }

  @Test
  void concurrentRetriesWithOneClientIdPlaceOneOrder() throws Exception {
    // An assistant that retries create_order after a timeout may do so while the first call is still
    // running: the clientId must still give one order.
    steadyPrices();
    for (int round = 0; round < 3; round++) {
      long clientId = clientId();
      Map<String, Object> order = args("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.2",
          "price", "93.00", "clientId", clientId);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        List<java.util.concurrent.Future<McpSchema.CallToolResult>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
          calls.add(pool.submit(() -> server.call("create_order", order)));
        }
        int placed = 0;
        for (var call : calls) {
          McpSchema.CallToolResult result = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
          assertThat(result.isError()).as(McpServerProcess.text(result)).isFalse();
          if (Boolean.FALSE.equals(map(result.structuredContent()).get("duplicate"))) {
            placed++;
          }
        }
        assertThat(placed).as("calls that report a new order").isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(history()).filteredOn(o -> Long.valueOf(clientId).equals(o.clientId())).hasSize(1);
      server.ok("cancel_order", args("clientId", clientId, "symbol", "SOL_USDC"));
    }
  }

  @Test
  void unknownToolIsRefusedWithoutTouchingTheExchange() {
    int historyBefore = history().size();
    try {
      McpSchema.CallToolResult result = server.call("place_order", args("symbol", "SOL_USDC"));
      assertThat(result.isError()).isTrue();
    } catch (io.modelcontextprotocol.spec.McpError expected) {
      assertThat(expected.getMessage()).containsIgnoringCase("unknown tool");
    }
    assertThat(server.ok("get_server_status", args())).containsEntry("mode", "live");
    assertThat(history()).hasSize(historyBefore);
  }
}
