package dev.bpx.paper.engine;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Holding;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.PriceOrigin;
import java.util.List;
import java.util.Map;

/**
 * What an engine is built from. Everything a replay needs to rebuild the same state.
 *
 * @param startMillis the exchange's birth time; the walk starts there, and the day of candles
 *     before it is generated when first read, so tickers and klines have a history
 * @param portfolio what a new account receives, per asset
 * @param makerLevels the synthetic market maker's levels per side
 * @param prices where prices and liquidity come from: the simulation, or an upstream through journaled
 *     commands
 */
public record EngineConfig(long seed, long startMillis, List<AssetSpec> assets,
                           List<MarketSpec> markets, Map<String, Holding> portfolio,
                           int makerLevels, PriceOrigin prices) {
  public EngineConfig {
    prices = prices == null ? PriceOrigin.SIMULATED : prices;
    assets = List.copyOf(assets);
    markets = List.copyOf(markets);
    portfolio = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(portfolio));
  }

  /** An engine on simulated prices (the configuration before upstream prices existed). */
  public EngineConfig(long seed, long startMillis, List<AssetSpec> assets, List<MarketSpec> markets,
                      Map<String, Holding> portfolio, int makerLevels) {
    this(seed, startMillis, assets, markets, portfolio, makerLevels, PriceOrigin.SIMULATED);
  }

  public boolean upstream() {
    return prices == PriceOrigin.UPSTREAM;
  }
}
