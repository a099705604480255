package dev.bpx.paper.upstream;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarginFunction;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the paper exchange's {@link AssetSpec}s for an upstream's markets from its public
 * {@code /api/v1/assets} (names, decimals), {@code /api/v1/collateral} (haircut weight, borrow margin
 * functions) and {@code /api/v1/borrowLend/markets} (interest rates). An asset a market trades but a
 * list leaves out gets 8 decimals, no collateral weight and no interest: it is held, not lent.
 */
final class AssetListReader {
  /** Balances keep at most this many decimals, whatever the chain's native decimals. */
  static final int MAX_SCALE = 8;

  private AssetListReader() {}

  static List<AssetSpec> read(UpstreamRest rest, List<MarketSpec> markets) {
    Set<String> symbols = new LinkedHashSet<>();
    for (MarketSpec m : markets) {
      symbols.add(m.quoteSymbol());
      symbols.add(m.baseSymbol());
    }
    Map<String, UpstreamJson> assets = bySymbol(rest.get("/api/v1/assets", null), "/api/v1/assets");
    Map<String, UpstreamJson> collateral = bySymbol(rest.get("/api/v1/collateral", null), "/api/v1/collateral");
    Map<String, UpstreamJson> lending = bySymbol(rest.get("/api/v1/borrowLend/markets", null),
        "/api/v1/borrowLend/markets");
    List<AssetSpec> out = new ArrayList<>();
    for (String symbol : symbols) {
      UpstreamJson a = assets.get(symbol);
      UpstreamJson c = collateral.get(symbol);
      UpstreamJson l = lending.get(symbol);
      String name = a == null ? symbol : orElse(a.optionalString("displayName"), symbol);
      String coingecko = a == null ? null : a.optionalString("coingeckoId");
      String chain = null;
      int scale = MAX_SCALE;
      List<?> tokens = a == null ? List.of() : a.optionalArray("tokens");
      if (!tokens.isEmpty()) {
        UpstreamJson t = UpstreamJson.object(tokens.get(0), "/api/v1/assets[].tokens[]");
        chain = t.optionalString("blockchain");
        Long decimals = t.optionalLong("nativeDecimals");
        scale = decimals == null ? MAX_SCALE : (int) Math.min(MAX_SCALE, Math.max(0, decimals));
      }
      out.add(new AssetSpec(symbol, name, coingecko, chain, scale,
          c == null ? BigDecimal.ZERO : weight(c),
          l == null ? BigDecimal.ZERO : orElse(l.optionalDecimal("lendInterestRate"), BigDecimal.ZERO),
          l == null ? BigDecimal.ZERO : orElse(l.optionalDecimal("borrowInterestRate"), BigDecimal.ZERO),
          c == null ? MarginFunction.ZERO : function(c.optionalChild("imfFunction")),
          c == null ? MarginFunction.ZERO : function(c.optionalChild("mmfFunction"))));
    }
    return out;
  }

  private static BigDecimal weight(UpstreamJson c) {
    UpstreamJson h = c.optionalChild("haircutFunction");
    return h == null ? BigDecimal.ZERO : orElse(h.optionalDecimal("weight"), BigDecimal.ZERO);
  }

  private static MarginFunction function(UpstreamJson f) {
    return f == null || !"sqrt".equals(f.optionalString("type")) ? MarginFunction.ZERO
        : new MarginFunction(f.decimal("base"), f.decimal("factor"));
  }

  private static Map<String, UpstreamJson> bySymbol(Object json, String source) {
    Map<String, UpstreamJson> out = new HashMap<>();
    for (Object row : UpstreamJson.array(json, source)) {
      UpstreamJson o = UpstreamJson.object(row, source + "[]");
      out.put(o.string("symbol"), o);
    }
    return out;
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
