package dev.bpx.paper.upstream;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the upstream's REST answers and stream payloads into the mirror's values: each value has a
 * REST form (long names, millisecond times) and a stream form (the AsyncAPI spec's one-letter keys,
 * microsecond engine times).
 */
final class PayloadReader {
  private PayloadReader() {}

  /** A depth stream delta: absolute quantities for the update ids {@code first..last}. */
  record Delta(long first, long last, List<Level> asks, List<Level> bids) {}

  static Ticker ticker(UpstreamJson t) {
    return new Ticker(t.string("symbol"), t.decimal("firstPrice"), t.decimal("lastPrice"), t.decimal("high"),
        t.decimal("low"), t.decimal("volume"), t.decimal("quoteVolume"), t.longValue("trades"));
  }

  static Ticker tickerEvent(UpstreamJson t) {
    return new Ticker(t.string("s"), t.decimal("o"), t.decimal("c"), t.decimal("h"), t.decimal("l"),
        t.decimal("v"), t.decimal("V"), t.longValue("n"));
  }

  static MarkPrice markPrice(UpstreamJson m) {
    return new MarkPrice(m.string("symbol"), m.decimal("markPrice"), m.optionalDecimal("indexPrice"),
        m.optionalDecimal("fundingRate"), m.optionalLong("nextFundingTimestamp"));
  }

  static MarkPrice markPriceEvent(UpstreamJson m) {
    return new MarkPrice(m.string("s"), m.decimal("p"), m.optionalDecimal("i"), m.optionalDecimal("f"),
        m.optionalLong("n"));
  }

  static Trade trade(UpstreamJson t) {
    return new Trade(t.longValue("id"), t.decimal("price"), t.decimal("quantity"), t.longValue("timestamp"),
        t.bool("isBuyerMaker"));
  }

  static Trade tradeEvent(UpstreamJson t) {
    return new Trade(t.longValue("t"), t.decimal("p"), t.decimal("q"), t.longValue("T") / 1000, t.bool("m"));
  }

  static Delta delta(UpstreamJson d) {
    return new Delta(d.longValue("U"), d.longValue("u"), d.levels("a"), d.levels("b"));
  }

  /** {@return the open interest of a REST row or a stream event} */
  static BigDecimal openInterest(UpstreamJson o, boolean event) {
    return event ? o.decimal("o") : o.decimal("openInterest");
  }
}
