package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paper mode on real market data, under each official MCP client: the server follows an upstream (a
 * paper exchange on simulated prices standing in for Backpack, which our machines cannot reach, moved
 * far from the seeded walk), over real HTTP and WebSocket. Every result, the errors included, passes the
 * client's own validation against the tools' output schemas.
 */
abstract class PaperMarketDataSuite extends ServerSuite {
  private PaperExchange upstream;

  @Override
  ServerUnderTest startServer(TestExchange exchange) {
    upstream = PaperExchange.builder().webSocketPort(0).start();
    upstream.setPrice("SOL_USDC", new BigDecimal("321.00"));
    return ServerUnderTest.start(client(), Map.of("BACKPACK_PAPER_MARKET_DATA", "live",
        "BACKPACK_PAPER_UPSTREAM_URL", upstream.url(), "BACKPACK_PAPER_UPSTREAM_WS_URL", upstream.wsUrl()));
  }

  @Override
  @org.junit.jupiter.api.AfterAll
  void stopServerAndExchange() {
    super.stopServerAndExchange();
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void ordersAndStatusNameTheRealMarketDataTheyFollow() {
    String where = "real market data from " + upstream.url();
    assertThat(server.initializeResult().instructions()).contains("follows " + where);
    Map<String, Object> placed = server.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
        "quantity", "0.1"));
    assertThat(placed).containsEntry("mode", "paper").containsEntry("marketData", where);
    @SuppressWarnings("unchecked")
    Map<String, Object> order = (Map<String, Object>) placed.get("order");
    assertThat(new BigDecimal((String) order.get("executedQuoteQuantity"))).as("0.1 SOL near the upstream's 321")
        .isBetween(new BigDecimal("31"), new BigDecimal("33"));
    assertThat(server.ok("get_server_status", Map.of())).containsEntry("marketData", where).containsEntry("connected", true);
  }

  @Test
  void anUnreachableUpstreamInLiveMarketDataIsAToolErrorThatSaysWhatToDo() {
    try (ServerUnderTest unreachable = ServerUnderTest.start(client(), Map.of("BACKPACK_PAPER_MARKET_DATA", "live",
        "BACKPACK_PAPER_UPSTREAM_URL", "http://127.0.0.1:1", "BACKPACK_PAPER_UPSTREAM_WS_URL", "ws://127.0.0.1:1"))) {
      assertThat(unreachable.error("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
          "quantity", "0.1")))
          .contains("BACKPACK_PAPER_MARKET_DATA is live but the upstream http://127.0.0.1:1 cannot be read",
              "set BACKPACK_PAPER_MARKET_DATA to auto or simulated");
      unreachable.assertStillAnswering();
    }
  }
}
