package dev.bpx.paper.market;

import java.math.BigDecimal;

/**
 * One asset: how many decimals balances keep, its collateral weight (haircut), and the yearly
 * lend / borrow interest rates as fractions ({@code 0.05} = 5 % a year), and the margin functions
 * applied to a borrow of it.
 */
public record AssetSpec(String symbol, String displayName, String coingeckoId, String blockchain,
                        int scale, BigDecimal collateralWeight, BigDecimal lendRate,
                        BigDecimal borrowRate, MarginFunction imf, MarginFunction mmf) {

  /** {@return the smallest balance increment, e.g. 0.000001 for scale 6} */
  public BigDecimal stepSize() {
    return BigDecimal.ONE.movePointLeft(scale);
  }
}
