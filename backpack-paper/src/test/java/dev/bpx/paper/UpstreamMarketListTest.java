package dev.bpx.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.upstream.UpstreamSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state made on an upstream keeps the market list it was made with: restarted against an upstream whose list
 * changed (a filter changed, a market added, one delisted), it opens, replays under the old list, journals the
 * change, and trades on the new list from then on. The upstreams are paper exchanges in simulated mode on the same
 * ports, one after the other, with a clock that stands still.
 */
@SuppressWarnings("unchecked")
class UpstreamMarketListTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private final List<AutoCloseable> open = new ArrayList<>();
  @TempDir
  Path dir;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private PaperExchange upstream(List<MarketSpec> markets, int port, int wsPort) {
    PaperExchange p = PaperExchange.builder().clock(PaperClock.fixed(T0)).controlApi(true)
        .markets(DefaultMarkets.assets(), markets).port(port).webSocketPort(wsPort).start();
    open.add(p);
    return p;
  }

  private PaperExchange downstream(PaperExchange up, Path state) {
    PaperExchange p = PaperExchange.builder().controlApi(true).upstream(UpstreamSettings.of(URI.create(up.url()),
            URI.create(up.wsUrl())).withPollInterval(Duration.ofMillis(200)).withPingInterval(Duration.ofMillis(500))
            .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)))
        .pumpInterval(Duration.ofHours(1)).staleAfter(Duration.ofSeconds(3)).stateFile(state).fsync(false).start();
    open.add(p);
    return p;
  }

  private void close(PaperExchange p) {
    p.close();
    open.remove(p);
  }


  private static void synced(PaperExchange up, PaperExchange down, String symbol) {
    PaperHttp upReader = new PaperHttp(up.url(), SigningKey.generate(), up.clock());
    PaperHttp downReader = new PaperHttp(down.url(), SigningKey.generate(), down.clock());
    Object id = upReader.get("/api/v1/depth?symbol=" + symbol).object().get("lastUpdateId");
    Await.until("downstream " + symbol + " at upstream update " + id, 5000,
        () -> Long.parseLong((String) id) == Long.parseLong((String) downReader.get("/api/v1/depth?symbol=" + symbol)
            .object().get("lastUpdateId")) / dev.bpx.paper.feed.DepthIds.SCALE);
  }

  /** SOL_USDC with another minimum quantity: the one filter the upstream changes. */
  private static MarketSpec withMinQuantity(MarketSpec m, String minQuantity) {
    return new MarketSpec(m.symbol(), m.baseSymbol(), m.quoteSymbol(), m.type(), m.tickSize(), m.minPrice(),
        m.maxPrice(), m.stepSize(), new BigDecimal(minQuantity), m.maxQuantity(), m.imf(), m.mmf(),
        m.fundingIntervalMillis(), m.fundingRateUpperBoundBps(), m.fundingRateLowerBoundBps(),
        m.openInterestLimit(), m.initialPrice(), m.volatilityBps(), m.makerSize(), m.createdAt(), m.maxMultiplier(),
        m.minMultiplier());
  }

  private static List<String> symbols(PaperHttp reader) {
    return reader.get("/api/v1/markets").array().stream().map(m -> (String) ((Map<?, ?>) m).get("symbol")).toList();
  }

  private static String limit(String symbol, String side, String price, String quantity) {
    return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"orderType\":\"Limit\",\"price\":\"" + price
        + "\",\"quantity\":\"" + quantity + "\"}";
  }

  @Test
  void aStateOpensOnAChangedMarketListReplaysIdenticallyAndTradesTheNewList() throws Exception {
    // Before: every default market but BTC_USDC_PERP.
    List<MarketSpec> before = DefaultMarkets.markets().stream()
        .filter(m -> !m.symbol().equals("BTC_USDC_PERP")).toList();
    PaperExchange up = upstream(before, 0, 0);
    int port = up.port();
    int wsPort = URI.create(up.wsUrl()).getPort();
    Path state = dir.resolve("paper.journal");
    PaperExchange down = downstream(up, state);
    synced(up, down, "SOL_USDC");
    synced(up, down, "ETH_USDC_PERP");
    SigningKey key = SigningKey.generate();
    PaperHttp trader = new PaperHttp(down.url(), key, Clock.systemUTC());
    // A position and a resting order on the market that will be delisted, and a resting order of a quantity
    // the changed filter will no longer accept.
    assertThat(trader.post("/api/v1/order", "{\"symbol\":\"ETH_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\","
        + "\"quantity\":\"0.5\"}").status()).isEqualTo(200);
    String ethBid = (String) trader.post("/api/v1/order", limit("ETH_USDC_PERP", "Bid", "3000.00", "0.2"))
        .object().get("id");
    Map<String, Object> solBid = trader.post("/api/v1/order", limit("SOL_USDC", "Bid", "150.00", "0.05")).object();
    assertThat(solBid.get("status")).as(solBid.toString()).isEqualTo("New");
    BigDecimal ethMark = down.inspect(e -> e.markets().get("ETH_USDC_PERP").markPrice());
    close(down);
    close(up);

    // After, on the same ports: SOL_USDC's minimum quantity is 0.1, BTC_USDC_PERP is listed, ETH_USDC_PERP is not.
    List<MarketSpec> after = new ArrayList<>();
    for (MarketSpec m : DefaultMarkets.markets()) {
      if (m.symbol().equals("SOL_USDC")) {
        after.add(withMinQuantity(m, "0.1"));
      } else if (!m.symbol().equals("ETH_USDC_PERP")) {
        after.add(m);
      }
    }
    PaperExchange up2 = upstream(after, port, wsPort);
    PaperExchange again = downstream(up2, state);
    PaperHttp reader = new PaperHttp(again.url(), SigningKey.generate(), again.clock());
    assertThat(symbols(reader)).contains("BTC_USDC_PERP", "SOL_USDC").doesNotContain("ETH_USDC_PERP");
    assertThat(Files.readAllLines(state)).anyMatch(l -> l.contains("\"c\":\"markets\""));
    PaperHttp trader2 = new PaperHttp(again.url(), key, Clock.systemUTC());

    // The delisted market: its resting order cancelled with the reason, the position kept at the last mark.
    List<Object> history = trader2.get("/wapi/v1/history/orders?symbol=ETH_USDC_PERP").array();
    assertThat(history).anySatisfy(o -> {
      assertThat(((Map<?, ?>) o).get("id")).isEqualTo(ethBid);
      assertThat(((Map<?, ?>) o).get("status")).isEqualTo("Cancelled");
    });
    String reason = again.inspect(e -> e.accounts().find(trader.apiKey()).orders().get(Long.parseLong(ethBid))
        .expiryReason());
    assertThat(reason).isEqualTo("MarketDelisted");
    List<Object> positions = trader2.get("/api/v1/position").array();
    assertThat(positions).anySatisfy(p -> {
      assertThat(((Map<?, ?>) p).get("symbol")).isEqualTo("ETH_USDC_PERP");
      assertThat(new BigDecimal((String) ((Map<?, ?>) p).get("markPrice"))).isEqualByComparingTo(ethMark);
    });
    PaperHttp.Reply refused = trader2.post("/api/v1/order", limit("ETH_USDC_PERP", "Bid", "3000.00", "0.2"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("no longer listed");

    // The changed filter: the order accepted under the old one rests on; a new one of that size is refused.
    assertThat(trader2.get("/api/v1/orders?symbol=SOL_USDC").body()).contains((String) solBid.get("id"));
    assertThat(trader2.post("/api/v1/order", limit("SOL_USDC", "Bid", "150.00", "0.05")).status()).isEqualTo(400);
    // The new market trades.
    synced(up2, again, "BTC_USDC_PERP");
    PaperHttp.Reply btc = trader2.post("/api/v1/order", "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Bid\","
        + "\"orderType\":\"Market\",\"quantity\":\"0.001\"}");
    assertThat(btc.status()).as(btc.body()).isEqualTo(200);
    String hash = again.stateHash();
    close(again);

    // Replays identically: the list as it was, the journaled change, the orders after it; plain and compacted.
    PaperExchange third = downstream(up2, state);
    assertThat(third.stateHash()).isEqualTo(hash);
    close(third);
    PaperExchange compacted = PaperExchange.builder().upstream(UpstreamSettings.of(URI.create(up2.url()),
            URI.create(up2.wsUrl()))).pumpInterval(Duration.ofHours(1)).stateFile(state).fsync(false)
        .compactAfter(0).start();
    open.add(compacted);
    assertThat(compacted.stateHash()).isEqualTo(hash);
    assertThat(Files.readAllLines(state).get(0)).contains("\"marketList\"").contains("BTC_USDC_PERP");
    close(compacted);
    PaperExchange fromSnapshot = downstream(up2, state);
    assertThat(fromSnapshot.stateHash()).isEqualTo(hash);
    List<String> delisted = fromSnapshot.inspect(e -> List.copyOf(e.delistedMarkets()));
    assertThat(delisted).containsExactly("ETH_USDC_PERP");
  }
}
