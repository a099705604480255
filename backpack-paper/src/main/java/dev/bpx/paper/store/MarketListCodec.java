package dev.bpx.paper.store;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarginFunction;
import dev.bpx.paper.market.MarketList;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.MarketType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MarketList} as the journal stores it (in the header and in the {@code markets} command): every field of
 * every spec, decimals as strings in {@link BigDecimal#toString()} form so that their scale, and with it the specs'
 * equality, survives the trip. Stateless.
 */
final class MarketListCodec {
  private MarketListCodec() {}

  static Map<String, Object> encode(MarketList list) {
    List<Object> markets = new ArrayList<>();
    for (MarketSpec m : list.markets()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("symbol", m.symbol());
      o.put("base", m.baseSymbol());
      o.put("quote", m.quoteSymbol());
      o.put("type", m.type().name());
      o.put("tickSize", dec(m.tickSize()));
      o.put("minPrice", dec(m.minPrice()));
      o.put("maxPrice", dec(m.maxPrice()));
      o.put("stepSize", dec(m.stepSize()));
      o.put("minQuantity", dec(m.minQuantity()));
      o.put("maxQuantity", dec(m.maxQuantity()));
      o.put("imf", margin(m.imf()));
      o.put("mmf", margin(m.mmf()));
      o.put("fundingIntervalMillis", m.fundingIntervalMillis());
      o.put("fundingUpperBps", dec(m.fundingRateUpperBoundBps()));
      o.put("fundingLowerBps", dec(m.fundingRateLowerBoundBps()));
      o.put("openInterestLimit", dec(m.openInterestLimit()));
      o.put("initialPrice", dec(m.initialPrice()));
      o.put("volatilityBps", (long) m.volatilityBps());
      o.put("makerSize", dec(m.makerSize()));
      o.put("createdAt", m.createdAt());
      o.put("maxMultiplier", dec(m.maxMultiplier()));
      o.put("minMultiplier", dec(m.minMultiplier()));
      o.values().removeIf(java.util.Objects::isNull);
      markets.add(o);
    }
    List<Object> assets = new ArrayList<>();
    for (AssetSpec a : list.assets()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("symbol", a.symbol());
      o.put("displayName", a.displayName());
      o.put("coingeckoId", a.coingeckoId());
      o.put("blockchain", a.blockchain());
      o.put("scale", (long) a.scale());
      o.put("collateralWeight", dec(a.collateralWeight()));
      o.put("lendRate", dec(a.lendRate()));
      o.put("borrowRate", dec(a.borrowRate()));
      o.put("imf", margin(a.imf()));
      o.put("mmf", margin(a.mmf()));
      o.values().removeIf(java.util.Objects::isNull);
      assets.add(o);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("markets", markets);
    out.put("assets", assets);
    return out;
  }

  /**
   * {@return the list a journal value holds}
   *
   * @throws IllegalArgumentException when a field is missing or has the wrong type
   */
  static MarketList decode(Object value) {
    JournalValues v = new JournalValues(value);
    List<MarketSpec> markets = new ArrayList<>();
    for (Object o : array(v.raw("markets"), "markets")) {
      JournalValues m = new JournalValues(o);
      markets.add(new MarketSpec(m.requiredString("symbol"), m.requiredString("base"), m.requiredString("quote"),
          m.enumValue("type", MarketType.class), m.requiredDecimal("tickSize"), m.decimal("minPrice"),
          m.decimal("maxPrice"), m.requiredDecimal("stepSize"), m.decimal("minQuantity"), m.decimal("maxQuantity"),
          margin(m.raw("imf")), margin(m.raw("mmf")), m.requiredNumber("fundingIntervalMillis"),
          m.decimal("fundingUpperBps"), m.decimal("fundingLowerBps"), m.decimal("openInterestLimit"),
          m.decimal("initialPrice"), (int) m.requiredNumber("volatilityBps"), m.decimal("makerSize"),
          m.string("createdAt"), m.decimal("maxMultiplier"), m.decimal("minMultiplier")));
    }
    List<AssetSpec> assets = new ArrayList<>();
    for (Object o : array(v.raw("assets"), "assets")) {
      JournalValues a = new JournalValues(o);
      assets.add(new AssetSpec(a.requiredString("symbol"), a.string("displayName"), a.string("coingeckoId"),
          a.string("blockchain"), (int) a.requiredNumber("scale"), a.decimal("collateralWeight"),
          a.decimal("lendRate"), a.decimal("borrowRate"), margin(a.raw("imf")), margin(a.raw("mmf"))));
    }
    return new MarketList(markets, assets);
  }

  private static List<?> array(Object value, String name) {
    if (!(value instanceof List<?> items)) {
      throw new IllegalArgumentException(name + ": expected an array");
    }
    return items;
  }

  private static Object dec(BigDecimal d) {
    return d == null ? null : d.toString();
  }

  private static Object margin(MarginFunction f) {
    return f == null ? null : List.of(f.base().toString(), f.factor().toString());
  }

  private static MarginFunction margin(Object value) {
    if (value == null) {
      return null;
    }
    List<?> parts = array(value, "margin function");
    if (parts.size() != 2 || !(parts.get(0) instanceof String base) || !(parts.get(1) instanceof String factor)) {
      throw new IllegalArgumentException("a margin function must be [base, factor] as strings");
    }
    return new MarginFunction(new BigDecimal(base), new BigDecimal(factor));
  }
}
