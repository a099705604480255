package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.market.Holding;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A state written before trade ids were numbered per market still starts and keeps every id it handed out. The
 * fixtures under {@code journal-v5/} were written by the code of commit 002fc6a (journal version 5) with
 * {@code journal-v5/V5TradeIdFixtureGenerator.java.txt}: two accounts trade on SOL_USDC, SOL_USDC_PERP and
 * BTC_USDC_PERP between the other participants' prints, one is liquidated; {@code compacted} was compacted half way
 * (a snapshot without per-market sequences). Their {@code .reads} hold each account's fills history and each
 * market's newest 20 public trades as that version answered them. After the start, each market's next trade takes
 * the id above the highest that market used (its flow's) and every later one the next.
 */
class JournalV5TradeIdsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");
  private static final List<String> SYMBOLS = List.of("SOL_USDC", "SOL_USDC_PERP", "BTC_USDC_PERP");
  private static final Map<String, Holding> PORTFOLIO = Map.of(
      "USDC", new Holding(new BigDecimal("1200"), BigDecimal.ZERO, BigDecimal.ZERO),
      "SOL", new Holding(new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO));

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"trading", "compacted"})
  void aStateOfTheVersionBeforeStartsWithItsTradeIdsAndEachMarketContinuesAboveThem(String name) throws IOException {
    Path state = Files.writeString(dir.resolve(name + ".journal"), resource(name + ".journal"));
    List<String> recorded = resource(name + ".reads").lines().toList();
    PaperClock clock = PaperClock.fixed(T0);
    List<Object> fillsA;
    String hash;
    try (PaperExchange paper = start(clock, state)) {
      assertThat(clock.offsetMillis()).isEqualTo(Long.parseLong(resource(name + ".offset").trim()));
      PaperHttp a = new PaperHttp(paper.url(), key(7), clock);
      PaperHttp b = new PaperHttp(paper.url(), key(9), clock);
      // The ids that version handed out, in the fills (a liquidation's too) and the public trades, are still there.
      assertThat(Json.parse(fills(a))).isEqualTo(Json.parse(recorded.get(0)));
      assertThat(Json.parse(fills(b))).isEqualTo(Json.parse(recorded.get(1)));
      assertThat(fills(b)).contains("LiquidatePositionOnBackstop");
      List<Long> highest = new ArrayList<>();
      for (int i = 0; i < SYMBOLS.size(); i++) {
        assertThat(Json.parse(trades(a, SYMBOLS.get(i), 20))).isEqualTo(Json.parse(recorded.get(2 + i)));
        highest.add(ids(trades(a, SYMBOLS.get(i), 20)).stream().mapToLong(Long::longValue).max().orElseThrow());
      }

      // New trades: a user's fills, then the flow's prints, each market from the id above its highest.
      ok(a.post("/api/v1/order", order("SOL_USDC", "Ask", "1")));
      ok(a.post("/api/v1/order", order("BTC_USDC_PERP", "Bid", "0.001")));
      paper.advance(Duration.ofSeconds(4));
      ok(a.post("/api/v1/order", order("SOL_USDC_PERP", "Bid", "1")));
      for (int i = 0; i < SYMBOLS.size(); i++) {
        String symbol = SYMBOLS.get(i);
        long before = highest.get(i);
        List<Long> fresh = ids(trades(a, symbol, 1000)).stream().filter(id -> id > before).toList();
        assertThat(fresh).as("%s: its own trades and the flow's since the start", symbol).hasSizeGreaterThan(1);
        assertThat(fresh.get(fresh.size() - 1)).as(symbol).isEqualTo(before + 1);
        for (int k = 1; k < fresh.size(); k++) {
          assertThat(fresh.get(k)).as("%s newest first: %s", symbol, fresh).isEqualTo(fresh.get(k - 1) - 1);
        }
      }
      List<Object> all = new ArrayList<>((List<?>) Json.parse(fills(a)));
      assertThat(all).hasSizeGreaterThan(((List<?>) Json.parse(recorded.get(0))).size());
      for (Object row : all.subList(0, all.size() - ((List<?>) Json.parse(recorded.get(0))).size())) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fill = (Map<String, Object>) row;
        long tradeId = ((Number) fill.get("tradeId")).longValue();
        assertThat(tradeId).isGreaterThan(highest.get(SYMBOLS.indexOf((String) fill.get("symbol"))));
        assertThat(ids(trades(a, (String) fill.get("symbol"), 1000))).contains(tradeId);
      }
      fillsA = all;
      hash = paper.stateHash();
    }

    // The switch is journaled: a restart replays the old ids up to it and the new ones after.
    PaperClock later = PaperClock.fixed(T0);
    try (PaperExchange paper = start(later, state)) {
      assertThat(paper.stateHash()).isEqualTo(hash);
      assertThat(Json.parse(fills(new PaperHttp(paper.url(), key(7), later)))).isEqualTo(fillsA);
    }
    assertThat(Files.readAllLines(state)).filteredOn(l -> l.contains("\"c\":\"tradeIds\"")).hasSize(1);
  }

  private static PaperExchange start(PaperClock clock, Path state) {
    return PaperExchange.builder().clock(clock).seed(9).startingPortfolio(PORTFOLIO).stateFile(state).fsync(false)
        .start();
  }

  private static String fills(PaperHttp c) {
    return c.get("/wapi/v1/history/fills?limit=1000").body();
  }

  private static String trades(PaperHttp c, String symbol, int limit) {
    return c.get("/api/v1/trades?symbol=" + symbol + "&limit=" + limit).body();
  }

  private static List<Long> ids(String trades) {
    List<Long> out = new ArrayList<>();
    for (Object row : (List<?>) Json.parse(trades)) {
      out.add(((Number) ((Map<?, ?>) row).get("id")).longValue());
    }
    return out;
  }

  private static String order(String symbol, String side, String quantity) {
    return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"orderType\":\"Market\",\"quantity\":\""
        + quantity + "\"}";
  }

  private static void ok(PaperHttp.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = JournalV5TradeIdsTest.class.getResourceAsStream("/journal-v5/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SigningKey key(int fill) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) fill);
    return SigningKey.fromBase64(Base64.getEncoder().encodeToString(seed));
  }
}
