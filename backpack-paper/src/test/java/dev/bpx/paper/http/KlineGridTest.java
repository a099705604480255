package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REST {@code /api/v1/klines} over ranges longer than the 1000 klines one answer holds, starting more than three
 * days back (before the prehistory and the kept live minutes): every kline is labelled with its own window on the
 * interval's grid, {@code end = start + interval}, the newest is the window now in progress, and each is the very
 * kline a short query for that one window returns. The clock sits off the minute (12:07:37.250), where an
 * unaligned cap would show as labels carrying the current second.
 */
class KlineGridTest {
  private static final String SYMBOL = "SOL_USDC";
  private static final Instant BIRTH = Instant.parse("2026-01-05T12:00:00Z");
  private static final Duration LIVED = Duration.ofMinutes(7).plusSeconds(37).plusMillis(250);
  private static final long DAY_SECONDS = 86_400;

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> klines(PaperHttp http, String query) {
    PaperHttp.Reply r = http.get("/api/v1/klines?symbol=" + SYMBOL + "&" + query);
    assertThat(r.status()).as(query + " " + r.body()).isEqualTo(200);
    return (List<Map<String, Object>>) (List<?>) r.array();
  }

  /** The kline wire time {@code "YYYY-MM-DD HH:MM:SS"}, UTC. */
  private static long millis(Object wire) {
    return LocalDateTime.parse(((String) wire).replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @ParameterizedTest(name = "{0} from {1} days back")
  @CsvSource({"1m, 4, 60000", "3m, 4, 180000", "5m, 4, 300000", "15m, 11, 900000", "1h, 42, 3600000"})
  void aLongRangeIsLabelledOnTheIntervalsGridAndEachKlineIsTheShortQuerysKline(String interval, long daysBack,
      long step) {
    PaperClock clock = PaperClock.fixed(BIRTH);
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(11).fsync(false).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      paper.advance(LIVED);
      long now = clock.millis();
      long startTime = now / 1000 - daysBack * DAY_SECONDS;
      assertThat((now / 1000 - startTime) * 1000 / step).as("windows asked").isGreaterThan(1000);

      List<Map<String, Object>> rows = klines(http, "interval=" + interval + "&startTime=" + startTime);

      assertThat(rows).as(interval).hasSizeBetween(2, 1000);
      long previous = Long.MIN_VALUE;
      for (Map<String, Object> k : rows) {
        long start = millis(k.get("start"));
        assertThat(Math.floorMod(start, step)).as(interval + " start " + k.get("start")).isZero();
        assertThat(millis(k.get("end"))).as(interval + " end of " + k.get("start")).isEqualTo(start + step);
        assertThat(start).as("oldest first, one kline a window").isGreaterThan(previous);
        previous = start;
      }
      long newest = millis(rows.get(rows.size() - 1).get("start"));
      assertThat(newest).as("the window in progress").isEqualTo(now - Math.floorMod(now, step));
      long oldest = millis(rows.get(0).get("start"));
      assertThat(oldest).as("no more than the newest 1000 windows").isGreaterThanOrEqualTo(newest - 999 * step);

      for (int i = 0; i < rows.size(); i++) {
        if (i % 47 != 0 && i < rows.size() - 3) {
          continue; // a sample: the short queries are one request each
        }
        long s = millis(rows.get(i).get("start")) / 1000;
        List<Map<String, Object>> one = klines(http, "interval=" + interval + "&startTime=" + s + "&endTime=" + (s + 1));
        assertThat(one).as(interval + " short query at " + rows.get(i).get("start")).containsExactly(rows.get(i));
      }
    }
  }

  @Test
  void oneMinuteFromFourDaysBackIsTheNewestThousandMinutes() {
    PaperClock clock = PaperClock.fixed(BIRTH);
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(11).fsync(false).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      paper.advance(LIVED);
      long now = clock.millis();
      List<Map<String, Object>> rows = klines(http, "interval=1m&startTime=" + (now / 1000 - 4 * DAY_SECONDS));
      // The prehistory's 1440 minutes and the live ones cover every one of them.
      assertThat(rows).hasSize(1000);
      long current = now - Math.floorMod(now, 60_000L);
      assertThat(millis(rows.get(0).get("start"))).isEqualTo(current - 999 * 60_000L);
      assertThat(millis(rows.get(999).get("start"))).isEqualTo(current);
    }
  }
}
