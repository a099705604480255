package dev.bpx.paper.market;

import java.util.List;

/**
 * The markets and assets an engine trades, as it trades them: what an upstream listed when a state was made on
 * it, journaled with that state so that a replay uses the list the commands were accepted under. Immutable.
 */
public record MarketList(List<MarketSpec> markets, List<AssetSpec> assets) {
  public MarketList {
    markets = List.copyOf(markets);
    assets = List.copyOf(assets);
  }

  /**
   * {@return whether both lists hold the same markets and assets with the same specs, in any order} Specs compare
   * as records (a filter of another scale, {@code 0.10} against {@code 0.1}, counts as a change), except for
   * {@code initialPrice}: an upstream's list carries its last price there, which only a simulated walk would
   * start from; on held prices it means nothing, and a price move is not a change of the list.
   */
  public boolean sameAs(MarketList other) {
    return bySymbol(markets.stream().map(MarketList::withoutStart).toList(), MarketSpec::symbol)
        .equals(bySymbol(other.markets.stream().map(MarketList::withoutStart).toList(), MarketSpec::symbol))
        && bySymbol(assets, AssetSpec::symbol).equals(bySymbol(other.assets, AssetSpec::symbol));
  }

  private static MarketSpec withoutStart(MarketSpec m) {
    return new MarketSpec(m.symbol(), m.baseSymbol(), m.quoteSymbol(), m.type(), m.tickSize(), m.minPrice(),
        m.maxPrice(), m.stepSize(), m.minQuantity(), m.maxQuantity(), m.imf(), m.mmf(), m.fundingIntervalMillis(),
        m.fundingRateUpperBoundBps(), m.fundingRateLowerBoundBps(), m.openInterestLimit(), null,
        m.volatilityBps(), m.makerSize(), m.createdAt(), m.maxMultiplier(), m.minMultiplier());
  }

  private static <T> java.util.Map<String, T> bySymbol(List<T> items, java.util.function.Function<T, String> key) {
    java.util.Map<String, T> out = new java.util.HashMap<>();
    items.forEach(i -> out.put(key.apply(i), i));
    return out;
  }

  /** {@return the market of a symbol, or null} */
  public MarketSpec market(String symbol) {
    for (MarketSpec m : markets) {
      if (m.symbol().equals(symbol)) {
        return m;
      }
    }
    return null;
  }
}
