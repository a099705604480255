package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paper mode on real market data ({@code BACKPACK_PAPER_MARKET_DATA}): the upstream here is a paper
 * exchange in simulated mode on a frozen clock, reached over real HTTP and WebSocket, standing in for
 * Backpack (which our machines cannot reach). The server says which market it follows everywhere, keeps
 * that market's state apart, and an unreachable upstream is an error ({@code live}) or simulated prices
 * with the reason ({@code auto}).
 */
class PaperMarketDataProcessTest {
  @TempDir Path dataDir;
  @TempDir Path workDir;

  @Test
  @SuppressWarnings("unchecked")
  void liveMarketDataIsNamedEverywhereAndAMarketOrderWalksTheUpstreamsBook() throws Exception {
    try (PaperExchange upstream = PaperExchange.builder().clock(PaperClock.fixed(Instant.now())).webSocketPort(0).start()) {
      // Far from where the seeded walk starts, so that fills at simulated prices could never pass for these.
      upstream.setPrice("SOL_USDC", new BigDecimal("321.00"));
      String where = "real market data from " + upstream.url();
      Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_PAPER_MARKET_DATA", "live",
          "BACKPACK_PAPER_UPSTREAM_URL", upstream.url(), "BACKPACK_PAPER_UPSTREAM_WS_URL", upstream.wsUrl());
      try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
        assertThat(server.client().getServerInstructions()).contains("PAPER mode", "follows " + where);
        assertThat(server.ok("get_server_status", Map.of())).containsEntry("mode", "paper").containsEntry("marketData", where);

        BigDecimal walked = walkAsks(upstream.url(), "SOL_USDC", new BigDecimal("0.5"));
        var result = server.call("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
            "quantity", "0.5"));
        assertThat(result.isError()).as(McpServerProcess.text(result)).isFalse();
        assertThat(McpServerProcess.text(result)).startsWith("[paper, " + where + "] Placed");
        Map<String, Object> placed = (Map<String, Object>) result.structuredContent();
        assertThat(placed).containsEntry("mode", "paper").containsEntry("marketData", where);
        Map<String, Object> order = (Map<String, Object>) placed.get("order");
        BigDecimal quote = new BigDecimal((String) order.get("executedQuoteQuantity"));
        BigDecimal base = new BigDecimal((String) order.get("executedQuantity"));
        assertThat(base).isEqualByComparingTo("0.5");
        assertThat(quote).as("the fills are a walk of the upstream's book as it stood").isEqualByComparingTo(walked);
        assertThat(quote).as("near the upstream's moved price").isBetween(new BigDecimal("155"), new BigDecimal("165"));

        String status = McpServerProcess.text(server.checked("get_server_status", Map.of()));
        assertThat(status).startsWith("PAPER mode (" + where + ") on http://127.0.0.1:");

        // The upstream goes away: once the data is older than the bound (10 s) the status says so, and a
        // market order is refused with the data's age instead of filling at a price that no longer exists.
        upstream.close();
        long deadline = System.nanoTime() + 40_000_000_000L;
        String marketData = "";
        // Markets go stale one by one: each book's age counts from its own last confirmation.
        while (!marketData.contains("SOL_USDC (") && System.nanoTime() < deadline) {
          Thread.sleep(500);
          marketData = (String) server.ok("get_server_status", Map.of()).get("marketData");
        }
        assertThat(marketData).startsWith(where + "; STALE on ").contains("SOL_USDC (", " s old)",
            "market orders there are refused and limit orders rest until the data is current again");
        String refused = server.error("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
            "quantity", "0.5"));
        assertThat(refused).contains("Market data for SOL_USDC from " + upstream.url() + " is ", " old (the limit is 10",
            "market orders are refused until it is current again");
      }
      String port = String.valueOf(URI.create(upstream.url()).getPort());
      assertThat(dataDir.resolve("upstream-127.0.0.1-" + port + ".journal")).as("that market's own state").exists();
      assertThat(dataDir.resolve("paper-exchange.journal")).as("the simulated state is not touched").doesNotExist();
    }
  }

  @Test
  void liveMarketDataFromAnUnreachableUpstreamIsAClearErrorAndNothingIsPlaced() throws Exception {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_PAPER_MARKET_DATA", "live",
        "BACKPACK_PAPER_UPSTREAM_URL", "http://127.0.0.1:1", "BACKPACK_PAPER_UPSTREAM_WS_URL", "ws://127.0.0.1:1");
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      String error = server.error("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
          "quantity", "0.5"));
      assertThat(error).contains("BACKPACK_PAPER_MARKET_DATA is live but the upstream http://127.0.0.1:1 cannot be read",
          "set BACKPACK_PAPER_MARKET_DATA to auto or simulated");
    }
    assertThat(dataDir.resolve("paper-exchange.journal")).doesNotExist();
  }

  @Test
  void autoFallsBackToSimulatedPricesAndSaysWhy() throws Exception {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_PAPER_MARKET_DATA", "auto",
        "BACKPACK_PAPER_UPSTREAM_URL", "http://127.0.0.1:1");
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      assertThat(server.client().getServerInstructions()).contains("real market data from http://127.0.0.1:1 when it answers");
      var result = server.checked("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
          "quantity", "0.5"));
      assertThat(McpServerProcess.text(result))
          .startsWith("[paper, simulated prices (http://127.0.0.1:1 could not be read when the paper exchange opened)] Placed");
    }
    assertThat(dataDir.resolve("paper-exchange.journal")).as("simulated prices keep the state where they always did").exists();
  }

  /**
   * {@return the quote cost of buying {@code quantity} by walking the upstream's public asks, read as any
   * client reads them: cheapest level first}
   */
  private static BigDecimal walkAsks(String baseUrl, String symbol, BigDecimal quantity) throws Exception {
    HttpResponse<String> depth = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/depth?symbol=" + symbol)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher asks = Pattern.compile("\"asks\":\\[(.*?)\\]\\]").matcher(depth.body());
    assertThat(asks.find()).as(depth.body()).isTrue();
    java.util.TreeMap<BigDecimal, BigDecimal> levels = new java.util.TreeMap<>();
    Matcher level = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"").matcher(asks.group(1) + "]");
    while (level.find()) {
      levels.put(new BigDecimal(level.group(1)), new BigDecimal(level.group(2)));
    }
    BigDecimal left = quantity;
    BigDecimal cost = BigDecimal.ZERO;
    for (Map.Entry<BigDecimal, BigDecimal> l : levels.entrySet()) {
      BigDecimal take = left.min(l.getValue());
      cost = cost.add(take.multiply(l.getKey()));
      left = left.subtract(take);
      if (left.signum() == 0) {
        return cost;
      }
    }
    throw new AssertionError("the upstream's asks hold less than " + quantity + ": " + depth.body());
  }
}
