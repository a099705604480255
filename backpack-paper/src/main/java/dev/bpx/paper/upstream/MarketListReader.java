package dev.bpx.paper.upstream;

import dev.bpx.paper.market.MarginFunction;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.MarketType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the upstream's {@code GET /api/v1/markets} into the paper exchange's {@link MarketSpec}s,
 * filters as the upstream states them. Only spot and perpetual markets are taken (the paper engine
 * trades no other type); the rest are counted in {@link Result#skipped}.
 */
final class MarketListReader {
  private MarketListReader() {}

  /**
   * The markets taken and how many were not.
   *
   * @param skipped symbols of markets of a type the paper engine does not trade
   */
  record Result(List<MarketSpec> markets, List<String> skipped) {
    Result {
      markets = List.copyOf(markets);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * {@return the markets of a {@code /api/v1/markets} answer}
   *
   * @param lastPrices the last traded price per symbol, the spec's starting price where known (the
   *     market list has no price; a market that never traded starts at one tick)
   */
  static Result read(Object json, Map<String, BigDecimal> lastPrices) {
    List<MarketSpec> markets = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Object row : UpstreamJson.array(json, "/api/v1/markets")) {
      UpstreamJson m = UpstreamJson.object(row, "/api/v1/markets[]");
      String symbol = m.string("symbol");
      MarketType type;
      switch (m.string("marketType")) {
        case "SPOT" -> type = MarketType.SPOT;
        case "PERP" -> type = MarketType.PERP;
        default -> {
          skipped.add(symbol);
          continue;
        }
      }
      markets.add(spec(m, symbol, type, lastPrices.get(symbol)));
    }
    return new Result(markets, skipped);
  }

  private static MarketSpec spec(UpstreamJson m, String symbol, MarketType type, BigDecimal lastPrice) {
    UpstreamJson filters = m.child("filters");
    UpstreamJson price = filters.child("price");
    UpstreamJson quantity = filters.child("quantity");
    BigDecimal tick = price.decimal("tickSize");
    BigDecimal step = quantity.decimal("stepSize");
    BigDecimal minPrice = price.has("minPrice") ? price.decimal("minPrice") : tick;
    BigDecimal minQuantity = quantity.has("minQuantity") ? quantity.decimal("minQuantity") : step;
    BigDecimal start = lastPrice != null && lastPrice.remainder(tick).signum() == 0 ? lastPrice : tick;
    Long funding = m.optionalLong("fundingInterval");
    return new MarketSpec(symbol, m.string("baseSymbol"), m.string("quoteSymbol"), type, tick, minPrice,
        price.optionalDecimal("maxPrice"), step, minQuantity, quantity.optionalDecimal("maxQuantity"),
        function(m.optionalChild("imfFunction")), function(m.optionalChild("mmfFunction")),
        funding == null ? 0 : funding, m.optionalDecimal("fundingRateUpperBound"),
        m.optionalDecimal("fundingRateLowerBound"), m.optionalDecimal("openInterestLimit"),
        start, 0, minQuantity, m.optionalString("createdAt"), price.optionalDecimal("maxMultiplier"),
        price.optionalDecimal("minMultiplier"));
  }

  private static MarginFunction function(UpstreamJson f) {
    if (f == null) {
      return null;
    }
    // Backpack publishes only "sqrt" functions (backpack-api.md section 5); another type would need its
    // own formula, so it is refused rather than misread.
    String type = f.string("type");
    if (!"sqrt".equals(type)) {
      throw new UpstreamException("/api/v1/markets: margin function of unknown type " + type);
    }
    return new MarginFunction(f.decimal("base"), f.decimal("factor"));
  }
}
