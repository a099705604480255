package dev.bpx.client.model;

import java.util.List;

/**
 * One asset from {@code GET /api/v1/assets} (spec {@code MarketAsset}) with the blockchains it can
 * move on. See {@code backpack-api.md} section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param symbol asset symbol, e.g. {@code USDC}
 * @param displayName display name
 * @param coingeckoId CoinGecko id, or null
 * @param tokens the asset on each blockchain; never null
 */
public record Asset(String symbol, String displayName, String coingeckoId, List<Token> tokens) {

  /** Copies {@code tokens}; a missing list becomes empty. */
  public Asset {
    tokens = ModelLists.copyOf(tokens);
  }
}
