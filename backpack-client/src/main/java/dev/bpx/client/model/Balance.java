package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * An asset's full balance: the {@code /capital} figures plus the quantity lent out through
 * borrow-lend, which {@code /capital} omits. Built by the client, not decoded directly. See {@code
 * backpack-api.md} section 6.4.
 *
 * <p>{@code lent} is the sum of positive {@code netQuantity} over the asset's borrow-lend positions
 * (borrows are not subtracted). Any component may be {@code null} when its source did not report
 * it. Thread-safe.
 *
 * @param asset asset symbol, e.g. {@code USDC}
 * @param available free to use
 * @param locked held by open orders
 * @param staked staked
 * @param lent lent out through borrow-lend
 */
public record Balance(
    String asset, BigDecimal available, BigDecimal locked, BigDecimal staked, BigDecimal lent) {

  /**
   * Combines a {@code /capital} entry with the lent quantity.
   *
   * @param asset asset symbol
   * @param capital the asset's {@code /capital} entry, or null when the asset is only lent
   * @param lent lent quantity, or null
   * @return the balance; a missing {@code capital} gives null available, locked and staked
   */
  public static Balance of(String asset, CapitalBalance capital, BigDecimal lent) {
    return capital == null
        ? new Balance(asset, null, null, null, lent)
        : new Balance(asset, capital.available(), capital.locked(), capital.staked(), lent);
  }

  /**
   * Returns {@code available + locked + staked + lent}, counting a {@code null} component as zero
   * (this is the only place a missing amount is treated as zero).
   *
   * @return the total, never null
   */
  public BigDecimal total() {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal part : new BigDecimal[] {available, locked, staked, lent}) {
      if (part != null) {
        total = total.add(part);
      }
    }
    return total;
  }
}
