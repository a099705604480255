package dev.bpx.paper.market;

import java.math.BigDecimal;

/**
 * A market definition: filters, margin functions, funding and the random walk's parameters.
 *
 * @param initialPrice the walk's starting price, on the tick
 * @param volatilityBps the walk's typical move per step in basis points of the price
 * @param makerSize the synthetic market maker's size at the best level, on the step
 * @param maxMultiplier the price band's upper bound as a multiple of the last active price
 *     ({@code filters.price.maxMultiplier}); null when the market publishes none, and then no bound
 * @param minMultiplier the price band's lower bound likewise ({@code filters.price.minMultiplier})
 */
public record MarketSpec(String symbol, String baseSymbol, String quoteSymbol, MarketType type,
                         BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                         BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
                         MarginFunction imf, MarginFunction mmf, long fundingIntervalMillis,
                         BigDecimal fundingRateUpperBoundBps, BigDecimal fundingRateLowerBoundBps,
                         BigDecimal openInterestLimit, BigDecimal initialPrice,
                         int volatilityBps, BigDecimal makerSize, String createdAt,
                         BigDecimal maxMultiplier, BigDecimal minMultiplier) {

  public boolean isPerp() {
    return type == MarketType.PERP;
  }

  // The engine asks for these several times per order (on the writer, the serial part of every order), and
  // stripTrailingZeros allocates: strip once per call, not twice.
  public int priceScale() {
    return Math.max(tickSize.stripTrailingZeros().scale(), 0);
  }

  public int quantityScale() {
    return Math.max(stepSize.stripTrailingZeros().scale(), 0);
  }

  /** {@return the price written at the market's scale} */
  public BigDecimal price(BigDecimal p) {
    return p == null ? null : p.setScale(Math.max(priceScale(), 0), java.math.RoundingMode.UNNECESSARY);
  }

  /** {@return the price in ticks; the price must lie on the tick} */
  public long toTicks(BigDecimal p) {
    return p.divide(tickSize).longValueExact();
  }

  public BigDecimal fromTicks(long ticks) {
    return tickSize.multiply(BigDecimal.valueOf(ticks)).setScale(priceScale());
  }
}
