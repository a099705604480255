package dev.bpx.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperExchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example and reads what it printed: against the embedded paper exchange (no keys), and
 * against a "configured" exchange (a paper exchange given as BACKPACK_BASE_URL with a key), where
 * nothing may be placed or cancelled without --place-orders.
 */
class ExamplesTest {
  @TempDir
  Path dir;

  @Test
  void listOrdersShowsOrdersOnSpotAndPerpMarkets() {
    String out = runOnPaper(ListOrders::run);
    assertThat(out).contains("embedded paper exchange", "Open orders on every market", "Open orders on SOL_USDC_PERP");
    assertThat(section(out, "Open orders on every market")).contains("SOL_USDC ", "SOL_USDC_PERP", "New");
    assertThat(section(out, "Open orders on SOL_USDC_PERP")).contains("SOL_USDC_PERP").doesNotContain("SOL_USDC ");
  }

  @Test
  void createSpotOrderPreviewsThenRestsAPostOnlyBid() {
    String out = runOnPaper(session -> assertThat(CreateSpotOrder.run(session).status().wireValue()).isEqualTo("New"));
    assertThat(section(out, "Preview: buy 0.5 SOL_USDC")).contains("acceptable", "true", "USDC");
    assertThat(section(out, "Placed")).containsPattern("SOL_USDC +Bid +Limit +0\\.5 +\\d+(\\.\\d+)? +0 +New");
  }

  @Test
  void createPerpOrderOpensThenReducesWithReduceOnly() {
    String out = runOnPaper(CreatePerpOrder::run);
    assertThat(section(out, "PERP market buy")).containsPattern("SOL_USDC_PERP +Bid +Market +1 +- +1 +Filled")
        .containsPattern("SOL_USDC_PERP +Ask +Market +0\\.5 +- +0\\.5 +Filled");
    assertThat(section(out, "Perpetual positions")).containsPattern("SOL_USDC_PERP +0\\.5 ");
  }

  @Test
  void marketOrderByQuoteSpendsAtMostTheQuote() {
    String out = runOnPaper(MarketOrderByQuote::run);
    assertThat(section(out, "Preview: spend 100 USDC")).contains("true");
    assertThat(section(out, "Filled")).containsPattern("SOL_USDC +Bid +Market +100 +- +0\\.\\d+ +Filled");
    assertThat(out).containsPattern("Spent 9\\d\\.\\d+ USDC for 0\\.\\d+ SOL\\.");
  }

  @Test
  void withAnUpstreamTheEmbeddedPaperExchangeTradesOnItsMarket() {
    // The upstream stands in for Backpack (unreachable from our machines): moved far from the seeded walk.
    try (PaperExchange upstream = PaperExchange.builder().webSocketPort(0).start()) {
      upstream.setPrice("SOL_USDC", new BigDecimal("321.00"));
      String out = run(MarketOrderByQuote::run, Map.of(ExampleSession.UPSTREAM_URL, upstream.url(),
          ExampleSession.UPSTREAM_WS_URL, upstream.wsUrl()));
      assertThat(out).contains("on real market data from " + upstream.url());
      // 100 USDC buys about 0.31 SOL at 321 (about 0.6 at the seeded walk's prices).
      assertThat(out).containsPattern("Spent 9\\d\\.\\d+ USDC for 0\\.3\\d+ SOL\\.");
    }
  }

  @Test
  void cancelOrdersCancelsByIdByClientIdAndAll() {
    String out = runOnPaper(CancelOrders::run);
    assertThat(section(out, "Cancelled by id, then by clientId")).containsPattern("(?s)Cancelled.*Cancelled");
    assertThat(section(out, "Cancelled with client.orders().cancelAll")).contains("0.4", "Cancelled");
    assertThat(section(out, "Still open on SOL_USDC")).contains("(none)");
  }

  @Test
  void positionsShowsALongAndAShortWithLiquidationPrices() {
    String out = runOnPaper(Positions::run);
    String table = section(out, "Perpetual positions");
    assertThat(table).containsPattern("BTC_USDC_PERP +1 +\\d").containsPattern("ETH_USDC_PERP +-5 +\\d");
    assertThat(table).doesNotContainPattern("BTC_USDC_PERP .* 0\\s*$");
  }

  @Test
  void balancesShowLentAndStakedFunds() {
    String out = runOnPaper(Balances::run);
    String table = section(out, "Balances");
    // asset, available, locked, staked, lent, borrowed, total
    assertThat(table).containsPattern("USDC +10000 +0 +0 +2000 +0 +12000")
        .containsPattern("SOL +20 +0 +10 +5 +0 +35")
        .containsPattern("BTC +0\\.1 +0 +0 +0\\.05 +0 +0\\.15");
    assertThat(section(out, "Borrow-lend positions")).containsPattern("USDC +2000");
  }

  @Test
  void walkthroughRunsEveryStepInOrder() {
    String out = runOnPaper(Walkthrough::run);
    assertThat(out).containsSubsequence("=== 1. List open orders", "=== 2. Create a SPOT", "=== 3. Create PERP",
        "=== 4. Market order by quote", "=== 5. Cancel orders", "=== 6. Positions", "=== 7. Balances");
    assertThat(out).doesNotContain("Skipped");
  }

  @Test
  void withKeysAndNoFlagTheExamplesPlaceAndCancelNothing() {
    try (PaperExchange exchange = PaperExchange.builder().start()) {
      SigningKey key = SigningKey.generate();
      try (BackpackClient own = BackpackClient.builder().baseUrl(exchange.url()).signingKey(key).build()) {
        Order mine = own.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("100")).build());
        List<Balance> before = own.capital().listBalances();

        String out = run(Walkthrough::run, liveEnv(exchange, key));

        assertThat(out).contains("Exchange: " + exchange.url(), "placing NOTHING", "--place-orders");
        assertThat(out).contains("Skipped (read-only run): placing the SPOT limit order",
            "Skipped (read-only run): a PERP market buy", "Skipped (read-only run): the market order",
            "Skipped (read-only run): resting two SOL_USDC bids");
        assertThat(section(out, "Open orders on every market")).contains(mine.id());
        assertThat(own.orders().listOpenOrders()).extracting(Order::id).containsExactly(mine.id());
        assertThat(own.history().listOrders(OrderHistoryQuery.all())).hasSize(1);
        assertThat(own.capital().listBalances()).isEqualTo(before);
        assertThat(own.account().listPositions()).isEmpty();
      }
    }
  }

  @Test
  void withKeysAndTheFlagOrdersArePlacedButCancelAllNeverTouchesOtherOrders() {
    try (PaperExchange exchange = PaperExchange.builder().start()) {
      SigningKey key = SigningKey.generate();
      try (BackpackClient own = BackpackClient.builder().baseUrl(exchange.url()).signingKey(key).build()) {
        Order mine = own.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("100")).build());

        String out = run(session -> {
          CreateSpotOrder.run(session);
          CancelOrders.run(session);
        }, liveEnv(exchange, key), ExampleSession.PLACE_ORDERS);

        assertThat(out).contains("WILL place and cancel real orders").doesNotContain("Skipped", "cancelAll");
        assertThat(own.orders().listOpenOrders()).extracting(Order::id).contains(mine.id()).hasSize(2);
      }
    }
  }

  private Map<String, String> liveEnv(PaperExchange exchange, SigningKey key) {
    return Map.of("BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(), "BACKPACK_BASE_URL", exchange.url());
  }

  private String runOnPaper(Consumer<ExampleSession> example) {
    return run(example, Map.of());
  }

  private String run(Consumer<ExampleSession> example, Map<String, String> env, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ExampleSession session = ExampleSession.open(args, env, dir.resolve("no.env"), out)) {
      example.accept(session);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** {@return the printed block that starts with the line containing {@code title}, up to the next blank line} */
  private static String section(String out, String title) {
    int start = out.indexOf(title);
    assertThat(start).as("a section titled '%s' in:%n%s", title, out).isNotNegative();
    int end = out.indexOf("\n\n", start);
    return end < 0 ? out.substring(start) : out.substring(start, end);
  }
}
