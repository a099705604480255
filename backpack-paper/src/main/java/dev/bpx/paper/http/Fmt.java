package dev.bpx.paper.http;

import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Wire formats: decimals at the market's scale, and Backpack's three timestamp styles. */
final class Fmt {
  private static final DateTimeFormatter NAIVE_MS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter NAIVE_S =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter KLINE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Fmt() {}

  static String price(MarketSpec m, BigDecimal p) {
    return p == null ? null : p.setScale(m.priceScale(), RoundingMode.HALF_EVEN).toPlainString();
  }

  static String quantity(MarketSpec m, BigDecimal q) {
    return q == null ? null : q.setScale(Math.max(m.quantityScale(), q.stripTrailingZeros().scale()),
        RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A computed amount (notional, fee, PnL): plain notation, no trailing zeros. */
  static String amount(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  /** A computed amount rounded to a scale first. */
  static String amount(BigDecimal v, int scale) {
    return v == null ? null : amount(v.setScale(scale, RoundingMode.HALF_EVEN));
  }

  /** ISO-8601 without zone, UTC, as history endpoints write it. */
  static String naive(long millis) {
    Instant i = Instant.ofEpochMilli(millis);
    return (millis % 1000 == 0 ? NAIVE_S : NAIVE_MS).format(i);
  }

  static String kline(long millis) {
    return KLINE.format(Instant.ofEpochMilli(millis));
  }

  static String rfc3339(long millis) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis));
  }
}
