package dev.bpx.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
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
 * A paper exchange on an upstream's real market, end to end over HTTP and WebSocket. The upstream is
 * a second paper exchange in simulated mode with a clock that stands still, so its book moves only
 * when the test moves it (control API), and what the downstream trades on can be compared with it.
 */
@SuppressWarnings("unchecked")
class UpstreamModeTest {
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

  private PaperExchange upstream() {
    PaperExchange p = PaperExchange.builder().clock(PaperClock.fixed(T0)).controlApi(true).webSocketPort(0).start();
    open.add(p);
    return p;
  }

  private PaperExchange.Builder downstream(PaperExchange up) {
    return PaperExchange.builder().controlApi(true).upstream(UpstreamSettings.of(URI.create(up.url()),
            URI.create(up.wsUrl())).withPollInterval(Duration.ofMillis(200)).withPingInterval(Duration.ofMillis(500))
            .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)))
        .pumpInterval(Duration.ofMillis(100)).staleAfter(Duration.ofSeconds(3));
  }

  private PaperExchange start(PaperExchange.Builder b) {
    PaperExchange p = b.start();
    open.add(p);
    return p;
  }

  private static PaperHttp user(PaperExchange p) {
    return new PaperHttp(p.url(), SigningKey.generate(), Clock.systemUTC());
  }

  private static PaperHttp reader(PaperExchange p) {
    return new PaperHttp(p.url(), SigningKey.generate(), p.clock());
  }


  private static BigDecimal d(Object s) {
    return new BigDecimal((String) s);
  }

  /** The asks of a depth answer, best first, as [price, quantity]. */
  @SuppressWarnings("unchecked")
  private static List<BigDecimal[]> asks(PaperHttp.Reply depth) {
    List<BigDecimal[]> out = new ArrayList<>();
    for (Object row : (List<Object>) depth.object().get("asks")) {
      List<Object> l = (List<Object>) row;
      out.add(new BigDecimal[] {d(l.get(0)), d(l.get(1))});
    }
    return out;
  }

  /**
   * Waits until the downstream serves the upstream's book (the same upstream update id, in the merged numbering of
   * {@code DepthIds}), and returns the upstream's.
   */
  private static PaperHttp.Reply synced(PaperExchange up, PaperExchange down, String symbol) {
    PaperHttp.Reply upstream = reader(up).get("/api/v1/depth?symbol=" + symbol);
    Object id = upstream.object().get("lastUpdateId");
    Await.until("downstream book at upstream update " + id, 5000,
        () -> Long.parseLong((String) id) == Long.parseLong((String) reader(down).get("/api/v1/depth?symbol=" + symbol)
            .object().get("lastUpdateId")) / dev.bpx.paper.feed.DepthIds.SCALE); // the merged numbering
    return upstream;
  }

  private static String marketBuy(String symbol, String quantity) {
    return "{\"symbol\":\"" + symbol + "\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"" + quantity + "\"}";
  }

  @Test
  void theMarketListAndTheModeComeFromTheUpstream() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up));
    assertThat(down.marketData()).isEqualTo("real market data from " + up.url());
    assertThat(up.marketData()).isEqualTo("simulated prices");
    assertThat(reader(down).get("/api/v1/markets").body()).isEqualTo(reader(up).get("/api/v1/markets").body());
    PaperHttp.Reply refused = reader(down).post("/_paper/price", "{\"symbol\":\"SOL_USDC\",\"price\":\"1\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("upstream");
  }

  @Test
  void anUnreachableUpstreamFailsTheStartNamingIt() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> PaperExchange.builder().upstream(nowhere, null).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the upstream " + nowhere + " cannot be read");
  }

  @Test
  void publicReadsFollowTheUpstream() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up));
    up.setPrice("SOL_USDC", new BigDecimal("201.37"));
    PaperHttp.Reply depth = synced(up, down, "SOL_USDC");
    PaperHttp.Reply mine = reader(down).get("/api/v1/depth?symbol=SOL_USDC");
    assertThat(mine.object().get("asks")).isEqualTo(depth.object().get("asks"));
    assertThat(mine.object().get("bids")).isEqualTo(depth.object().get("bids"));
    String ticker = reader(up).get("/api/v1/ticker?symbol=SOL_USDC").body();
    Await.until("the upstream's ticker", 3000, () -> ticker.equals(reader(down).get("/api/v1/ticker?symbol=SOL_USDC").body()));
    Await.until("perp mark at 201.37", 3000, () -> "201.37".equals(((Map<?, ?>) reader(down)
        .get("/api/v1/markPrices?symbol=SOL_USDC_PERP").array().get(0)).get("markPrice")));
  }

  @Test
  void aMarketOrderWalksTheUpstreamBookAndALevelIsNotBoughtTwice() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up));
    List<BigDecimal[]> book = asks(synced(up, down, "SOL_USDC"));
    PaperHttp trader = user(down);
    String upTradesBefore = reader(up).get("/api/v1/trades?symbol=SOL_USDC").body();

    // Exactly the best level, then 10 more: the second order must start at the second level.
    BigDecimal first = book.get(0)[1];
    PaperHttp.Reply a = trader.post("/api/v1/order", marketBuy("SOL_USDC", first.toPlainString()));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(d(a.object().get("executedQuoteQuantity"))).isEqualByComparingTo(first.multiply(book.get(0)[0]));
    PaperHttp.Reply b = trader.post("/api/v1/order", marketBuy("SOL_USDC", "10"));
    assertThat(b.status()).as(b.body()).isEqualTo(200);
    assertThat(d(b.object().get("executedQuoteQuantity")))
        .isEqualByComparingTo(new BigDecimal("10").multiply(book.get(1)[0]));

    // Nothing reached the upstream: its book and its trades are as they were.
    assertThat(asks(reader(up).get("/api/v1/depth?symbol=SOL_USDC"))).usingRecursiveComparison().isEqualTo(book);
    assertThat(reader(up).get("/api/v1/trades?symbol=SOL_USDC").body()).isEqualTo(upTradesBefore);

    // Once the upstream's book moves on, its new levels are there to take.
    up.setPrice("SOL_USDC", new BigDecimal("180.00"));
    List<BigDecimal[]> moved = asks(synced(up, down, "SOL_USDC"));
    PaperHttp.Reply c = trader.post("/api/v1/order", marketBuy("SOL_USDC", "1"));
    assertThat(d(c.object().get("executedQuoteQuantity"))).isEqualByComparingTo(moved.get(0)[0]);
  }

  @Test
  void aRestingOrderFillsAtItsPriceWhenTheBookCrossesItAndNeverBefore() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up));
    synced(up, down, "SOL_USDC");
    PaperHttp trader = user(down);
    PaperHttp.Reply placed = trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
        + "\"price\":\"184.00\",\"quantity\":\"2\"}");
    assertThat(placed.object().get("status")).as(placed.body()).isEqualTo("New");
    String id = (String) placed.object().get("id");
    // The merged book shows it.
    assertThat(reader(down).get("/api/v1/depth?symbol=SOL_USDC").body()).contains("[\"184.00\",\"2.00\"]");

    up.setPrice("SOL_USDC", new BigDecimal("184.50")); // asks from 184.51: not reached
    synced(up, down, "SOL_USDC");
    long until = System.nanoTime() + 500_000_000L; // five pump intervals
    while (System.nanoTime() < until) {
      assertThat(trader.get("/api/v1/order?symbol=SOL_USDC&orderId=" + id).object().get("status")).isEqualTo("New");
    }

    up.setPrice("SOL_USDC", new BigDecimal("183.00")); // asks from 183.01: through the bid
    // GET /order answers open orders only, as Backpack's does: a filled one is in the history.
    Await.until("filled", 5000, () -> trader.get("/wapi/v1/history/orders?symbol=SOL_USDC").body()
        .contains("\"id\":\"" + id + "\"") && trader.get("/wapi/v1/history/orders?symbol=SOL_USDC").array().stream()
        .anyMatch(o -> id.equals(((Map<?, ?>) o).get("id")) && "Filled".equals(((Map<?, ?>) o).get("status"))));
    List<Object> fills = trader.get("/wapi/v1/history/fills?symbol=SOL_USDC").array();
    assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(((Map<?, ?>) f).get("price")).isEqualTo("184.00"));
    assertThat(fills.stream().map(f -> d(((Map<?, ?>) f).get("quantity"))).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("2");
  }

  @Test
  void aRestingOrderAtTheTouchFillsOnlyAfterTheVolumeAheadOfItHasTraded() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up));
    List<Object> bids = (List<Object>) synced(up, down, "SOL_USDC").object().get("bids");
    List<?> best = (List<?>) bids.get(bids.size() - 1); // ascending: the best bid is last
    String price = (String) best.get(0);
    BigDecimal ahead = d(best.get(1));
    PaperHttp trader = user(down);
    PaperHttp.Reply placed = trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\","
        + "\"orderType\":\"Limit\",\"price\":\"" + price + "\",\"quantity\":\"2\"}");
    assertThat(placed.object().get("status")).as(placed.body()).isEqualTo("New");
    String id = (String) placed.object().get("id");

    // Someone sells on the upstream into its best bid, 5 short of the volume that was ahead of ours.
    BigDecimal first = ahead.subtract(new BigDecimal("5"));
    sellOnUpstream(up, first);
    Await.until("the upstream's trade mirrored", 5000, () -> reader(down).get("/api/v1/trades?symbol=SOL_USDC&limit=1")
        .body().contains("\"quantity\":\"" + first.setScale(2) + "\""));
    long until = System.nanoTime() + 500_000_000L; // five pump intervals: the queue ahead is not used up
    while (System.nanoTime() < until) {
      assertThat(trader.get("/api/v1/order?symbol=SOL_USDC&orderId=" + id).object().get("status")).isEqualTo("New");
    }

    // Another sells 6: 5 use up the queue at our price, 1 trades below it, so the market passed our
    // order: it fills 1 of its 2, at its own price.
    sellOnUpstream(up, new BigDecimal("6"));
    Await.until("a fill", 5000, () -> !trader.get("/wapi/v1/history/fills?symbol=SOL_USDC").array().isEmpty());
    List<Object> fills = trader.get("/wapi/v1/history/fills?symbol=SOL_USDC").array();
    assertThat(fills).allSatisfy(f -> assertThat(((Map<?, ?>) f).get("price")).isEqualTo(price));
    assertThat(fills.stream().map(f -> d(((Map<?, ?>) f).get("quantity"))).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("1");
  }

  @Test
  void theStreamsAreTheUpstreamsWithTheUsersRestingOrdersMerged() throws Exception {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up).webSocketPort(0));
    List<Object> bids = (List<Object>) synced(up, down, "SOL_USDC").object().get("bids");
    List<?> best = (List<?>) bids.get(bids.size() - 1);
    String price = (String) best.get(0);
    BigDecimal ahead = d(best.get(1));
    PaperHttp trader = user(down);
    assertThat(trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
        + "\"price\":\"" + price + "\",\"quantity\":\"2\"}").object().get("status")).isEqualTo("New");

    List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(down.wsUrl()), new java.net.http.WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              frames.add(text.toString());
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(5, java.util.concurrent.TimeUnit.SECONDS);
    open.add(() -> socket.abort());
    socket.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"depth.SOL_USDC\",\"bookTicker.SOL_USDC\"],\"id\":1}", true)
        .get(5, java.util.concurrent.TimeUnit.SECONDS);
    Await.until("subscribed", 5000, () -> frames.stream().anyMatch(f -> f.contains("\"id\":1")));

    // Someone sells 3 into the upstream's best bid: its level shrinks, and ours (2) is shown in it.
    sellOnUpstream(up, new BigDecimal("3"));
    String merged = ahead.subtract(new BigDecimal("3")).add(new BigDecimal("2")).toPlainString();
    Await.until("a merged depth delta", 5000, () -> frames.stream().anyMatch(f -> f.contains("\"stream\":\"depth.SOL_USDC\"")
        && f.contains("[\"" + price + "\",\"" + merged + "\"]")));
    Await.until("a merged book ticker", 5000, () -> frames.stream().anyMatch(f -> f.contains("\"stream\":\"bookTicker.SOL_USDC\"")
        && f.contains("\"b\":\"" + price + "\"") && f.contains("\"B\":\"" + merged + "\"")));
    // And REST shows the same level.
    assertThat(reader(down).get("/api/v1/depth?symbol=SOL_USDC").body()).contains("[\"" + price + "\",\"" + merged + "\"]");
  }

  /** A market sell of an upstream account (a fresh key: the starting portfolio holds 20 SOL). */
  private static void sellOnUpstream(PaperExchange up, BigDecimal quantity) {
    PaperHttp seller = new PaperHttp(up.url(), SigningKey.generate(), up.clock());
    PaperHttp.Reply sold = seller.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\","
        + "\"orderType\":\"Market\",\"quantity\":\"" + quantity.toPlainString() + "\"}");
    assertThat(sold.object().get("status")).as(sold.body()).isEqualTo("Filled");
  }

  @Test
  void liquidationFollowsTheUpstreamMarkAndFundingIsPaidAtItsRate() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up).startingPortfolio(
        Map.of("USDC", new dev.bpx.paper.market.Holding(new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO))));
    synced(up, down, "SOL_USDC_PERP");
    PaperHttp trader = new PaperHttp(down.url(), SigningKey.generate(), down.clock());
    PaperHttp.Reply shortSol = trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\","
        + "\"orderType\":\"Market\",\"quantity\":\"10\"}");
    assertThat(shortSol.object().get("status")).as(shortSol.body()).isEqualTo("Filled");

    // Funding at the upstream's rate, on the interval boundary the exchange's time crosses.
    String rate = (String) ((Map<?, ?>) reader(up).get("/api/v1/markPrices?symbol=SOL_USDC_PERP").array().get(0))
        .get("fundingRate");
    down.advance(Duration.ofHours(1));
    List<Object> funding = trader.get("/wapi/v1/history/funding?symbol=SOL_USDC_PERP").array();
    assertThat(funding).isNotEmpty();
    assertThat(d(((Map<?, ?>) funding.get(0)).get("fundingRate"))).isEqualByComparingTo(rate);

    // The upstream's mark walks up: 10 SOL short loses more than the 1000 USDC behind it.
    up.setPrice("SOL_USDC_PERP", new BigDecimal("300.00"));
    Await.until("liquidated at the upstream's mark", 5000, () -> down.inspect(e ->
        e.account(trader.apiKey()).closedPositions().stream().anyMatch(p -> p.liquidated())));
    assertThat(trader.get("/api/v1/position").array()).isEmpty();
  }

  @Test
  void staleDataRefusesMarketOrdersSayingHowOldItIs() {
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up));
    synced(up, down, "SOL_USDC");
    PaperHttp trader = user(down);
    up.close();
    open.remove(up);
    Await.until("data older than the bound", 8000,
        () -> down.marketDataAge("SOL_USDC").map(a -> a.toMillis() > 3000).orElse(true));
    PaperHttp.Reply refused = trader.post("/api/v1/order", marketBuy("SOL_USDC", "1"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.object().get("code")).isEqualTo("PRECONDITION_FAILED");
    assertThat((String) refused.object().get("message")).contains("SOL_USDC").contains(" s old").contains("the limit is 3 s");
    // A limit order that would have crossed the last book rests instead of taking stale liquidity.
    PaperHttp.Reply limit = trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
        + "\"price\":\"190.00\",\"quantity\":\"1\"}");
    assertThat(limit.object().get("status")).as(limit.body()).isEqualTo("New");
  }

  @Test
  void aMarketOrderOnAStaleBookReadsItOnceMoreAndFillsOnWhatItReads() {
    PaperExchange up = upstream();
    // No socket, and polls an hour apart: the book is only read at open, and is stale a second later.
    PaperExchange down = start(PaperExchange.builder().controlApi(true).upstream(UpstreamSettings.of(URI.create(up.url()),
        null).withPollInterval(Duration.ofHours(1))).pumpInterval(Duration.ofHours(1)).staleAfter(Duration.ofSeconds(1)));
    Await.until("data older than the bound", 5000,
        () -> down.marketDataAge("SOL_USDC").map(a -> a.toMillis() > 1000).orElse(false));
    up.setPrice("SOL_USDC", new BigDecimal("175.00"));
    BigDecimal best = asks(reader(up).get("/api/v1/depth?symbol=SOL_USDC")).get(0)[0];
    PaperHttp.Reply filled = user(down).post("/api/v1/order", marketBuy("SOL_USDC", "0.01"));
    assertThat(filled.status()).as(filled.body()).isEqualTo(200);
    assertThat(d(filled.object().get("executedQuoteQuantity")))
        .as("at the upstream's book as it is now, not as it was at open").isEqualByComparingTo(best.multiply(d("0.01")));
  }

  @Test
  void aStateBelongsToTheMarketItWasMadeOn() {
    PaperExchange up = upstream();
    Path state = dir.resolve("one.journal");
    PaperExchange simulated = PaperExchange.builder().stateFile(state).fsync(false).start();
    simulated.close();
    assertThatThrownBy(() -> start(downstream(up).stateFile(state).fsync(false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds a state on simulated prices")
        .hasMessageContaining("real market data from " + up.url());

    // A data directory keeps one state per market source, side by side.
    Path data = dir.resolve("data");
    PaperExchange real = start(downstream(up).dataDirectory(data).fsync(false));
    int port = URI.create(up.url()).getPort();
    assertThat(real.stateFile()).contains(data.resolve("upstream-127.0.0.1-" + port + ".journal"));
    PaperExchange sim = start(PaperExchange.builder().dataDirectory(data).fsync(false));
    assertThat(sim.stateFile()).contains(data.resolve("simulated.journal"));
    assertThat(sim.marketData()).isEqualTo("simulated prices");
  }

  @Test
  void anUpstreamTradeBeforeThePumpsFirstRunStillReachesARestingOrder() {
    // The pump runs only when the test says: its first run comes after the order rests and the upstream traded.
    PaperExchange up = upstream();
    PaperExchange down = start(downstream(up).pumpInterval(Duration.ofHours(1)));
    synced(up, down, "SOL_USDC");
    List<Object> bids = (List<Object>) reader(up).get("/api/v1/depth?symbol=SOL_USDC").object().get("bids");
    List<?> best = (List<?>) bids.get(bids.size() - 1);
    BigDecimal ahead = d(best.get(1));
    PaperHttp trader = user(down);
    assertThat(trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
        + "\"price\":\"" + best.get(0) + "\",\"quantity\":\"1\"}").object().get("status")).isEqualTo("New");
    sellOnUpstream(up, new BigDecimal("3"));
    Await.until("the upstream's sell mirrored", 20_000, () -> reader(down).get("/api/v1/trades?symbol=SOL_USDC&limit=1").body()
        .contains("\"quantity\":\"3.00\""));
    down.pumpNow();
    List<BigDecimal> queue = down.inspect(e -> List.copyOf(e.markets().get("SOL_USDC").queueAhead.values()));
    assertThat(queue).as("the sell used up 3 of the volume ahead").usingElementComparator(BigDecimal::compareTo)
        .containsExactly(ahead.subtract(new BigDecimal("3")));
  }

  @Test
  void aRestartReplaysTheJournaledMarketDataNotTheNetwork() throws Exception {
    PaperExchange up = upstream();
    Path state = dir.resolve("paper.journal");
    PaperExchange down = start(downstream(up).stateFile(state).fsync(false));
    synced(up, down, "SOL_USDC");
    PaperHttp trader = user(down);
    assertThat(trader.post("/api/v1/order", marketBuy("SOL_USDC", "3")).status()).isEqualTo(200);
    assertThat(trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\","
        + "\"quantity\":\"5\"}").status()).isEqualTo(200);
    // A resting order with the volume ahead of it, part of it used up by an upstream trade.
    List<Object> bids = (List<Object>) reader(up).get("/api/v1/depth?symbol=SOL_USDC").object().get("bids");
    List<?> best = (List<?>) bids.get(bids.size() - 1);
    BigDecimal ahead = d(best.get(1));
    assertThat(trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
        + "\"price\":\"" + best.get(0) + "\",\"quantity\":\"1\"}").object().get("status")).isEqualTo("New");
    sellOnUpstream(up, new BigDecimal("3"));
    // The pump journals the print; the upstream then stands still, so nothing more is journaled.
    Await.until("the print used up 3 of the queue", 5000, () -> down.inspect(e -> e.markets().get("SOL_USDC").queueAhead
        .values().stream().anyMatch(q -> q.compareTo(ahead.subtract(new BigDecimal("3"))) == 0)));
    String hash = down.stateHash();
    down.close();
    open.remove(down);
    List<String> lines = Files.readAllLines(state);
    System.out.println("upstream-mode journal: " + Files.size(state) + " bytes, " + (lines.size() - 1)
        + " commands, upstream lines " + lines.stream().filter(l -> l.contains("\"c\":\"upstream\"")).count()
        + " of " + lines.stream().filter(l -> l.contains("\"c\":\"upstream\"")).mapToInt(String::length).sum()
        + " bytes");

    // The upstream has moved since: a replay that read the network would come out differently.
    up.setPrice("SOL_USDC", new BigDecimal("150.00"));
    PaperExchange again = start(downstream(up).stateFile(state).fsync(false).pumpInterval(Duration.ofHours(1)));
    assertThat(again.stateHash()).isEqualTo(hash);
    again.close();
    open.remove(again);
    // And through a snapshot: compaction at start writes the state (the queue ahead included) and reads it back.
    PaperExchange compacted = start(downstream(up).stateFile(state).fsync(false).compactAfter(0)
        .pumpInterval(Duration.ofHours(1)));
    assertThat(compacted.stateHash()).isEqualTo(hash);
    assertThat(Files.readString(state)).contains("\"queueAhead\"");
  }
}
