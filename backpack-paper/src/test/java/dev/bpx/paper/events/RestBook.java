package dev.bpx.paper.events;

import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: a book as a stream client keeps it, from REST {@code /api/v1/depth} (its {@code lastUpdateId}) and
 * the spec's level updates ({@code [price, quantity]}, absolute, zero removes). Prices compare by value.
 */
record RestBook(long updateId, TreeMap<BigDecimal, BigDecimal> bids, TreeMap<BigDecimal, BigDecimal> asks) {

  /** {@return the REST book of {@code symbol} now, every level} */
  static RestBook of(PaperHttp http, String symbol) {
    Map<String, Object> d = http.get("/api/v1/depth?symbol=" + symbol + "&limit=1000").object();
    TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
    TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    apply(bids, d.get("bids"));
    apply(asks, d.get("asks"));
    return new RestBook(Long.parseLong((String) d.get("lastUpdateId")), bids, asks);
  }

  /** Sets each level to its absolute quantity; zero removes it. */
  static void apply(TreeMap<BigDecimal, BigDecimal> side, Object levels) {
    for (Object level : (List<?>) levels) {
      List<?> pq = (List<?>) level;
      BigDecimal price = new BigDecimal((String) pq.get(0)).stripTrailingZeros();
      BigDecimal qty = new BigDecimal((String) pq.get(1)).stripTrailingZeros();
      if (qty.signum() == 0) {
        side.remove(price);
      } else {
        side.put(price, qty);
      }
    }
  }
}
