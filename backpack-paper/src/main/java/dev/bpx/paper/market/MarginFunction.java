package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Backpack's {@code sqrt} margin function: the fraction grows with the square root of the
 * position's notional. Backpack does not publish the formula (backpack-api.md section 5,
 * UNCONFIRMED); the paper exchange uses {@code max(base, factor * sqrt(|notional in USDC|))}.
 */
public record MarginFunction(BigDecimal base, BigDecimal factor) {
  public static final MarginFunction ZERO = new MarginFunction(BigDecimal.ZERO, BigDecimal.ZERO);

  /** {@return the margin fraction for a position of this notional (sign ignored)} */
  public BigDecimal fractionFor(BigDecimal notional) {
    BigDecimal scaled = factor.multiply(notional.abs().sqrt(MathContext.DECIMAL64))
        .setScale(base.scale() + 4, java.math.RoundingMode.UP);
    return scaled.compareTo(base) > 0 ? scaled.stripTrailingZeros() : base;
  }
}
