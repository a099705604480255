package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.Await;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.market.MarketSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mirror against a real upstream over HTTP and WebSocket: a paper exchange in simulated mode
 * whose control API moves the prices (the same wire format the real exchange speaks: the contract
 * tests check it against the official specs). The upstream's clock stands still, so its books move
 * only when a test moves them.
 */
class UpstreamMirrorTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private PaperExchange upstream(int port, int wsPort) {
    PaperExchange p = PaperExchange.builder().clock(PaperClock.fixed(T0)).controlApi(true)
        .port(port).webSocketPort(wsPort).start();
    open.add(p);
    return p;
  }

  private UpstreamMirror mirror(UpstreamSettings settings) {
    UpstreamMirror m = UpstreamMirror.open(settings);
    open.add(m);
    return m;
  }

  private static UpstreamSettings fast(PaperExchange up, boolean socket) {
    return UpstreamSettings.of(URI.create(up.url()), socket ? URI.create(up.wsUrl()) : null)
        .withPollInterval(Duration.ofMillis(200)).withPingInterval(Duration.ofMillis(200))
        .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400)).withRequestTimeout(Duration.ofSeconds(5));
  }

  private Map<?, ?> depth(PaperExchange up, String symbol) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create(up.url() + "/api/v1/depth?symbol=" + symbol + "&limit=1000")).build(),
        HttpResponse.BodyHandlers.ofString());
    return (Map<?, ?>) Json.parse(r.body());
  }

  /** The upstream's REST book as levels, best first on both sides. */
  private static List<Level> side(Map<?, ?> depth, String name, boolean reverse) {
    List<Level> out = new ArrayList<>();
    for (Object row : (List<?>) depth.get(name)) {
      List<?> pair = (List<?>) row;
      out.add(new Level(new BigDecimal((String) pair.get(0)), new BigDecimal((String) pair.get(1))));
    }
    if (reverse) {
      java.util.Collections.reverse(out);
    }
    return out;
  }

  private static BigDecimal mid(BookSnapshot b) {
    return b.bestBid().price().add(b.bestAsk().price()).divide(BigDecimal.valueOf(2));
  }

  @Test
  void theMarketListAndItsFiltersAreTakenOver() {
    PaperExchange up = upstream(0, 0);
    UpstreamMirror m = mirror(fast(up, true));
    List<MarketSpec> expected = DefaultMarkets.markets();
    assertThat(m.markets()).extracting(MarketSpec::symbol)
        .containsExactlyElementsOf(expected.stream().map(MarketSpec::symbol).toList());
    for (int i = 0; i < expected.size(); i++) {
      MarketSpec want = expected.get(i);
      MarketSpec got = m.markets().get(i);
      assertThat(got.type()).isEqualTo(want.type());
      assertThat(got.baseSymbol()).isEqualTo(want.baseSymbol());
      assertThat(got.quoteSymbol()).isEqualTo(want.quoteSymbol());
      assertThat(got.tickSize()).isEqualByComparingTo(want.tickSize());
      assertThat(got.minPrice()).isEqualByComparingTo(want.minPrice());
      assertThat(got.stepSize()).isEqualByComparingTo(want.stepSize());
      assertThat(got.minQuantity()).isEqualByComparingTo(want.minQuantity());
      assertThat(got.fundingIntervalMillis()).isEqualTo(want.isPerp() ? want.fundingIntervalMillis() : 0);
      assertThat(got.createdAt()).isEqualTo(want.createdAt());
      if (want.isPerp()) {
        assertThat(got.imf().base()).isEqualByComparingTo(want.imf().base());
        assertThat(got.imf().factor()).isEqualByComparingTo(want.imf().factor());
        assertThat(got.mmf().base()).isEqualByComparingTo(want.mmf().base());
        assertThat(got.mmf().factor()).isEqualByComparingTo(want.mmf().factor());
        assertThat(got.fundingRateUpperBoundBps()).isEqualByComparingTo(want.fundingRateUpperBoundBps());
        assertThat(got.fundingRateLowerBoundBps()).isEqualByComparingTo(want.fundingRateLowerBoundBps());
        assertThat(got.openInterestLimit()).isEqualByComparingTo(want.openInterestLimit());
      }
      // The spec's starting price is the upstream's last price, on the tick.
      assertThat(got.initialPrice()).isEqualByComparingTo(m.ticker(want.symbol()).orElseThrow().lastPrice());
    }
    assertThat(m.skippedMarkets()).isEmpty();
  }

  @Test
  void theBookEqualsTheUpstreamsAfterItsDeltas() throws Exception {
    PaperExchange up = upstream(0, 0);
    UpstreamMirror m = mirror(fast(up, true));
    Await.until("stream open", 5000, m::streaming);
    String[] prices = {"190.00", "187.55", "192.31", "185.00"};
    for (String p : prices) {
      up.setPrice("SOL_USDC", new BigDecimal(p));
    }
    Map<?, ?> rest = depth(up, "SOL_USDC");
    long id = Long.parseLong((String) rest.get("lastUpdateId"));
    Await.until("mirror at update " + id, 5000,
        () -> m.book("SOL_USDC").map(b -> b.lastUpdateId() == id).orElse(false));
    BookSnapshot b = m.book("SOL_USDC").orElseThrow();
    assertThat(b.asks()).usingElementComparator(UpstreamMirrorTest::compareLevels)
        .containsExactlyElementsOf(side(rest, "asks", false));
    assertThat(b.bids()).usingElementComparator(UpstreamMirrorTest::compareLevels)
        .containsExactlyElementsOf(side(rest, "bids", true));
  }

  private static int compareLevels(Level a, Level b) {
    int c = a.price().compareTo(b.price());
    return c != 0 ? c : a.quantity().compareTo(b.quantity());
  }

  @Test
  void pricesFollowAnUpstreamMoveWithinABound() {
    PaperExchange up = upstream(0, 0);
    UpstreamMirror m = mirror(fast(up, true));
    Await.until("stream open", 5000, m::streaming);
    Await.until("books live", 5000, () -> m.dataAgeMillis("SOL_USDC_PERP") < 1000);
    up.setPrice("SOL_USDC_PERP", new BigDecimal("201.37"));
    long millis = Await.until("perp mark and book at 201.37", 2000, () ->
        m.markPrice("SOL_USDC_PERP").map(p -> p.markPrice().compareTo(new BigDecimal("201.37")) == 0).orElse(false)
            && m.book("SOL_USDC_PERP").map(b -> mid(b).compareTo(new BigDecimal("201.37")) == 0).orElse(false));
    System.out.println("upstream move seen by the mirror after " + millis + " ms");
    assertThat(m.dataAgeMillis("SOL_USDC_PERP")).isLessThan(1000);
  }

  @Test
  void withoutASocketRestPollingFollowsTheUpstream() {
    PaperExchange up = upstream(0, 0);
    UpstreamMirror m = mirror(fast(up, false));
    assertThat(m.streaming()).isFalse();
    up.setPrice("BTC_USDC", new BigDecimal("91234.5"));
    // One market's book per poll (each read once in 30 s, polls every 200 ms): the paper's few markets in ~2 s.
    Await.until("polled book at 91234.5", 6000,
        () -> m.book("BTC_USDC").map(b -> mid(b).compareTo(new BigDecimal("91234.5")) == 0).orElse(false));
    assertThat(m.dataAgeMillis("BTC_USDC")).isLessThan(2000);
  }

  @Test
  void withoutASocketEachPollReadsItsShareOfTheBooksNotAll() throws Exception {
    PaperExchange up = upstream(0, 0);
    try (UpstreamProxy proxy = new UpstreamProxy(up.url())) {
      UpstreamMirror m = mirror(UpstreamSettings.of(proxy.url(), null).withPollInterval(Duration.ofMillis(200)));
      int markets = m.markets().size();
      int atOpen = proxy.answered("/api/v1/depth");
      assertThat(atOpen).as("every book once at open").isEqualTo(markets);
      long start = System.nanoTime();
      Thread.sleep(2000);
      long polls = (System.nanoTime() - start) / 200_000_000L + 1;
      int read = proxy.answered("/api/v1/depth") - atOpen;
      // 30 s / 200 ms = 150 polls a cycle: one book a poll. Reading every book on every poll (as before) would be
      // `markets` a poll, some 250 requests every 2 s on Backpack's 100-odd markets.
      assertThat(read).as("books read in %d polls of %d markets", polls, markets).isBetween(1, (int) polls);
      assertThat(markets).isGreaterThan(1);
    }
  }

  @Test
  void atOpenTheMarketsAreReadSideBySide() throws Exception {
    PaperExchange up = upstream(0, 0);
    try (UpstreamProxy proxy = new UpstreamProxy(up.url())) {
      proxy.delay("/api/v1/depth", 300); // a distant upstream: one after the other, the books would take 300 ms each
      UpstreamMirror m = mirror(UpstreamSettings.of(proxy.url(), null));
      assertThat(proxy.answered("/api/v1/depth")).isEqualTo(m.markets().size());
      assertThat(proxy.mostInFlight("/api/v1/depth")).as("books read at once").isGreaterThan(1);
    }
  }

  @Test
  void anUpstreamRestartIsSurvivedAndTheAgeOfTheDataMeasured() throws Exception {
    int port = freePort();
    int wsPort = freePort();
    PaperExchange up = upstream(port, wsPort);
    UpstreamMirror m = mirror(fast(up, true));
    Await.until("stream open", 5000, m::streaming);
    Await.until("books live", 5000, () -> m.dataAgeMillis("ETH_USDC") < 1000);

    up.close();
    open.remove(up);
    Await.until("socket seen down", 5000, () -> !m.streaming());
    long down = System.nanoTime();
    Await.until("data older than 1 s", 5000, () -> m.dataAgeMillis("ETH_USDC") >= 1000);
    long elapsed = (System.nanoTime() - down) / 1_000_000L;
    // The age counts from the last confirmation, which came at most one ping before the socket fell.
    assertThat(m.dataAgeMillis("ETH_USDC")).isGreaterThanOrEqualTo(elapsed - 250);

    PaperExchange again = upstream(port, wsPort);
    again.setPrice("ETH_USDC", new BigDecimal("3000.00"));
    long millis = Await.until("mirror back on the new upstream", 10_000, () -> m.streaming()
        && m.book("ETH_USDC").map(b -> mid(b).compareTo(new BigDecimal("3000.00")) == 0).orElse(false)
        && m.dataAgeMillis("ETH_USDC") < 1000);
    System.out.println("mirror recovered " + millis + " ms after the upstream came back");
    assertThat(m.streamConnects()).isGreaterThanOrEqualTo(2);
    // And it follows the new upstream's deltas, not only its snapshot.
    again.setPrice("ETH_USDC", new BigDecimal("3010.00"));
    Await.until("delta after restart", 3000,
        () -> m.book("ETH_USDC").map(b -> mid(b).compareTo(new BigDecimal("3010.00")) == 0).orElse(false));
  }

  @Test
  void anUnreachableUpstreamFailsAtOpenNamingThePath() throws Exception {
    int port = freePort();
    assertThatThrownBy(() -> UpstreamMirror.open(UpstreamSettings.of(URI.create("http://127.0.0.1:" + port), null)
        .withRequestTimeout(Duration.ofSeconds(2))))
        .isInstanceOf(UpstreamException.class).hasMessageContaining("/api/v1/tickers").hasMessageContaining("unreachable");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
