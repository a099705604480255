package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Test helper: a {@code kline} stream payload against REST {@code /api/v1/klines}' kline of the same window. */
final class RestKlines {
  private RestKlines() {}

  /**
   * {@return a stream kline's {@code t} or {@code T} in epoch ms} Read strictly as the live stream writes it (ccxt's
   * capture in {@code ts/src/pro/backpack.ts}: {@code "2025-08-06T22:00:00"}, ISO 8601 without zone, UTC), so a
   * zone or a space separator fails here.
   */
  static long streamTime(Object wire) {
    return LocalDateTime.parse((String) wire).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** {@return a REST kline's {@code start} or {@code end} ({@code "2025-07-19 13:09:00"}, UTC) in epoch ms} */
  static long restTime(Object wire) {
    return LocalDateTime.parse(((String) wire).replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Asserts REST has exactly one kline starting at the payload's {@code t}, field for field equal to it. */
  @SuppressWarnings("unchecked")
  static void assertSameAsRest(PaperHttp trader, String symbol, String interval, Map<String, Object> k) {
    long start = streamTime(k.get("t"));
    List<Object> rest = trader.get("/api/v1/klines?symbol=" + symbol + "&interval=" + interval + "&startTime="
        + start / 1000 + "&endTime=" + (start / 1000 + 1)).array();
    assertThat(rest).as("REST %s kline at %s", interval, k.get("t")).hasSize(1);
    Map<String, Object> r = (Map<String, Object>) rest.get(0);
    String what = interval + " " + k.get("t");
    assertThat(restTime(r.get("start"))).as(what + " start").isEqualTo(start);
    assertThat(streamTime(k.get("T"))).as(what + " end").isEqualTo(restTime(r.get("end")));
    assertThat(new BigDecimal((String) k.get("o"))).as(what + " open").isEqualByComparingTo((String) r.get("open"));
    assertThat(new BigDecimal((String) k.get("h"))).as(what + " high").isEqualByComparingTo((String) r.get("high"));
    assertThat(new BigDecimal((String) k.get("l"))).as(what + " low").isEqualByComparingTo((String) r.get("low"));
    assertThat(new BigDecimal((String) k.get("c"))).as(what + " close").isEqualByComparingTo((String) r.get("close"));
    assertThat(new BigDecimal((String) k.get("v"))).as(what + " volume").isEqualByComparingTo((String) r.get("volume"));
    assertThat(((Number) k.get("n")).longValue()).as(what + " trades").isEqualTo(Long.parseLong((String) r.get("trades")));
  }
}
