package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated other participants' trades as a client sees them over HTTP: {@code /trades},
 * {@code /trades/history}, 1m klines, the 24 h ticker and perps' open interest agree with each
 * other, before birth and after, and are a function of the seed and the clock.
 */
class LivingMarketTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");
  private static final long MINUTE = 60_000;
  private final List<PaperExchange> opened = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void closeAll() {
    opened.forEach(PaperExchange::close);
  }

  private PaperHttp open(long seed, PaperClock clock, Path state) {
    PaperExchange.Builder b = PaperExchange.builder().seed(seed).clock(clock).fsync(false);
    if (state != null) {
      b.stateFile(state).compactAfter(2);
    }
    PaperExchange paper = b.start();
    opened.add(paper);
    return new PaperHttp(paper.url(), SigningKey.generate(), clock);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(PaperHttp http, String path) {
    PaperHttp.Reply r = http.get(path);
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    return (List<Map<String, Object>>) (List<?>) r.array();
  }

  private static BigDecimal dec(Map<String, Object> row, String field) {
    return new BigDecimal((String) row.get(field));
  }

  private static long time(Map<String, Object> trade) {
    return ((Number) trade.get("timestamp")).longValue();
  }

  /** {@return the 1m klines from {@code fromMillis} (a minute start) up to now, oldest first} */
  private static List<Map<String, Object>> minuteKlines(PaperHttp http, String symbol, long fromMillis, long nowMillis) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long t = fromMillis; t < nowMillis; t += 1000 * MINUTE) {
      out.addAll(rows(http, "/api/v1/klines?symbol=" + symbol + "&interval=1m&startTime=" + t / 1000
          + "&endTime=" + Math.min(nowMillis, t + 1000 * MINUTE) / 1000));
    }
    return out;
  }

  private static long klineStart(Map<String, Object> k) {
    return java.time.LocalDateTime.parse(((String) k.get("start")).replace(' ', 'T'))
        .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
  }

  /** For every minute whose trades all lie in {@code newestFirst}: count, volume, quote volume and range agree. */
  private static int checkAgainstKlines(List<Map<String, Object>> newestFirst, List<Map<String, Object>> klines) {
    long oldestMinute = Math.floorDiv(time(newestFirst.get(newestFirst.size() - 1)), MINUTE) * MINUTE;
    int checked = 0;
    for (Map<String, Object> k : klines) {
      long start = klineStart(k);
      if (start <= oldestMinute) {
        continue;
      }
      List<Map<String, Object>> in = newestFirst.stream()
          .filter(t -> time(t) >= start && time(t) < start + MINUTE).toList();
      assertThat(Long.parseLong((String) k.get("trades"))).as("trades of " + k).isEqualTo(in.size());
      assertThat(in.stream().map(t -> dec(t, "quantity")).reduce(BigDecimal.ZERO, BigDecimal::add))
          .as("volume of " + k).isEqualByComparingTo(dec(k, "volume"));
      assertThat(in.stream().map(t -> dec(t, "quoteQuantity")).reduce(BigDecimal.ZERO, BigDecimal::add))
          .as("quote volume of " + k).isEqualByComparingTo(dec(k, "quoteVolume"));
      assertThat(in).allSatisfy(t -> assertThat(dec(t, "price")).isBetween(dec(k, "low"), dec(k, "high")));
      checked++;
    }
    return checked;
  }

  @Test
  void aFreshExchangeHasADayOfTradesConsistentWithItsKlines() {
    PaperHttp http = open(7, PaperClock.fixed(T0), null);
    List<Map<String, Object>> recent = rows(http, "/api/v1/trades?symbol=SOL_USDC");
    assertThat(recent).hasSize(100);
    List<Map<String, Object>> history = rows(http, "/api/v1/trades/history?symbol=SOL_USDC&limit=1000");
    assertThat(history).hasSize(1000);
    assertThat(history.subList(0, 100)).isEqualTo(recent);
    assertThat(rows(http, "/api/v1/trades/history?symbol=SOL_USDC&limit=10&offset=990")).isEqualTo(history.subList(990, 1000));
    for (int i = 1; i < history.size(); i++) {
      assertThat(((Number) history.get(i).get("id")).longValue()).isLessThan(((Number) history.get(i - 1).get("id")).longValue());
      assertThat(time(history.get(i))).isLessThanOrEqualTo(time(history.get(i - 1)));
    }
    assertThat(time(history.get(0))).isLessThan(T0.toEpochMilli());
    long now = T0.toEpochMilli();
    List<Map<String, Object>> klines = minuteKlines(http, "SOL_USDC", now - 30 * MINUTE, now);
    assertThat(klines).hasSize(30);
    assertThat(checkAgainstKlines(history, klines)).isBetween(15, 25);
    // The day before birth has volume now, so the 24 h ticker has some.
    Map<String, Object> ticker = http.get("/api/v1/ticker?symbol=SOL_USDC").object();
    assertThat(dec(ticker, "volume")).isPositive();
    assertThat(Long.parseLong((String) ticker.get("trades"))).isGreaterThan(24 * 60 * 40);
    assertThat(dec(ticker, "lastPrice")).isEqualByComparingTo(dec(history.get(0), "price"));
  }

  @Test
  void liveTradesAgreeWithTheKlinesAndTheTickerSumsTheLastDayOfKlines() {
    PaperClock clock = PaperClock.fixed(T0);
    PaperHttp http = open(7, clock, null);
    clock.advance(Duration.ofMinutes(12).plusSeconds(30));
    long now = T0.toEpochMilli() + 12 * MINUTE + 30_000;
    for (String symbol : List.of("BTC_USDC", "SOL_USDC_PERP")) {
      List<Map<String, Object>> history = rows(http, "/api/v1/trades/history?symbol=" + symbol + "&limit=1000");
      assertThat(history).hasSize(1000);
      List<Map<String, Object>> live = history.stream().filter(t -> time(t) > T0.toEpochMilli()).toList();
      assertThat(live.size()).as("about one a second for 750 s").isBetween(650, 850);
      assertThat(time(live.get(0))).isEqualTo(now);
      List<Map<String, Object>> klines = minuteKlines(http, symbol, T0.toEpochMilli() - 20 * MINUTE, now);
      // The minutes since birth, the newest one in progress included, and some before it.
      assertThat(checkAgainstKlines(history, klines)).isGreaterThanOrEqualTo(13);

      Map<String, Object> ticker = http.get("/api/v1/ticker?symbol=" + symbol).object();
      long from = Math.floorDiv(now - 24 * 60 * MINUTE, MINUTE) * MINUTE + MINUTE; // the first bucket in the window
      List<Map<String, Object>> day = minuteKlines(http, symbol, from, now);
      assertThat(day).hasSize(24 * 60);
      assertThat(day.stream().map(k -> dec(k, "volume")).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(dec(ticker, "volume"));
      assertThat(day.stream().map(k -> dec(k, "quoteVolume")).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(dec(ticker, "quoteVolume"));
      assertThat(day.stream().mapToLong(k -> Long.parseLong((String) k.get("trades"))).sum())
          .isEqualTo(Long.parseLong((String) ticker.get("trades")));
      assertThat(dec(ticker, "lastPrice")).isEqualByComparingTo(dec(history.get(0), "price"));
    }
  }

  @Test
  void perpOpenInterestIsThereAtBirthAndMovesWithTheFlow() {
    PaperClock clock = PaperClock.fixed(T0);
    PaperHttp http = open(7, clock, null);
    List<Map<String, Object>> atBirth = rows(http, "/api/v1/openInterest");
    assertThat(atBirth).hasSize(3).allSatisfy(r -> assertThat(dec(r, "openInterest")).isPositive());
    clock.advance(Duration.ofMinutes(5));
    List<Map<String, Object>> later = rows(http, "/api/v1/openInterest");
    for (int i = 0; i < 3; i++) {
      assertThat(dec(later.get(i), "openInterest")).isNotEqualByComparingTo(dec(atBirth.get(i), "openInterest"));
    }
  }

  @Test
  void theTradesAreAFunctionOfTheSeedAndTheClock() {
    PaperClock a = PaperClock.fixed(T0);
    PaperClock b = PaperClock.fixed(T0);
    PaperClock c = PaperClock.fixed(T0);
    PaperHttp first = open(7, a, null);
    PaperHttp second = open(7, b, null);
    PaperHttp other = open(8, c, null);
    // The second exchange gets there in many small reads, the first in one jump.
    for (int i = 0; i < 30; i++) {
      b.advance(Duration.ofSeconds(10));
      second.get("/api/v1/ticker?symbol=ETH_USDC");
    }
    a.advance(Duration.ofMinutes(5));
    c.advance(Duration.ofMinutes(5));
    for (String path : List.of("/api/v1/trades/history?symbol=ETH_USDC&limit=1000", "/api/v1/tickers",
        "/api/v1/openInterest")) {
      assertThat(second.get(path).body()).isEqualTo(first.get(path).body());
      assertThat(other.get(path).body()).isNotEqualTo(first.get(path).body());
    }
  }

  @Test
  void aRestartedExchangeReplaysAndRestoresTheSameTrades() {
    PaperClock clock = PaperClock.fixed(T0);
    Path state = dir.resolve("living.journal");
    PaperExchange paper = PaperExchange.builder().seed(3).clock(clock).fsync(false).stateFile(state).compactAfter(2).controlApi(true).start();
    opened.add(paper);
    PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
    List<String> paths = List.of("/api/v1/trades/history?symbol=BTC_USDC_PERP&limit=1000", "/api/v1/tickers",
        "/api/v1/openInterest", "/api/v1/klines?symbol=SOL_USDC&interval=1m&startTime=" + (T0.getEpochSecond() - 600));
    // Journaled commands at several times (the snapshot after the second), reads in between.
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(95));
      assertThat(http.post("/_paper/price", "{\"symbol\":\"SOL_USDC\",\"price\":\"" + (180 + i) + ".00\"}").status()).isEqualTo(200);
    }
    clock.advance(Duration.ofSeconds(40));
    List<String> before = paths.stream().map(p -> http.get(p).body()).toList();
    String hash = paper.stateHash();
    paper.close();
    opened.remove(paper);

    PaperExchange again = PaperExchange.builder().seed(3).clock(PaperClock.fixed(clock.instant())).fsync(false)
        .stateFile(state).compactAfter(2).start();
    opened.add(again);
    PaperHttp http2 = new PaperHttp(again.url(), SigningKey.generate(), clock);
    assertThat(paths.stream().map(p -> http2.get(p).body()).toList()).isEqualTo(before);
    assertThat(again.stateHash()).isEqualTo(hash);
    again.close();
    opened.remove(again);
    // The restart above compacted the journal (4 commands >= compactAfter): this one restores the snapshot.
    assertThat(state).content().contains("\"snapshot\"");
    PaperExchange restored = PaperExchange.builder().seed(3).clock(PaperClock.fixed(clock.instant())).fsync(false)
        .stateFile(state).compactAfter(2).start();
    opened.add(restored);
    PaperHttp http3 = new PaperHttp(restored.url(), SigningKey.generate(), clock);
    assertThat(paths.stream().map(p -> http3.get(p).body()).toList()).isEqualTo(before);
    assertThat(restored.stateHash()).isEqualTo(hash);
  }
}
