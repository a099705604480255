package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * An asset's full balance: the {@code /capital} figures plus the quantities lent out and borrowed
 * through borrow-lend, which {@code /capital} omits. Built by the client, not decoded directly. See
 * {@code backpack-api.md} sections 6.3 and 6.4.
 *
 * <p>{@code lent} is the sum of positive {@code netQuantity} over the asset's borrow-lend positions,
 * {@code borrowed} the sum of the negative ones, made positive: a debt, which is how a liquidation's
 * shortfall (or an auto-borrow settlement) shows. Neither nets the other. Any component may be
 * {@code null} when its source did not report it. Thread-safe.
 *
 * @param asset asset symbol, e.g. {@code USDC}
 * @param available free to use
 * @param locked held by open orders
 * @param staked staked
 * @param lent lent out through borrow-lend
 * @param borrowed owed through borrow-lend (positive), or null when not reported
 */
public record Balance(
    String asset, BigDecimal available, BigDecimal locked, BigDecimal staked, BigDecimal lent, BigDecimal borrowed) {

  /** A balance without borrow information ({@code borrowed} null); the shape before borrows were shown. */
  public Balance(String asset, BigDecimal available, BigDecimal locked, BigDecimal staked, BigDecimal lent) {
    this(asset, available, locked, staked, lent, null);
  }

  /**
   * Combines a {@code /capital} entry with the lent quantity.
   *
   * @param asset asset symbol
   * @param capital the asset's {@code /capital} entry, or null when the asset is only lent
   * @param lent lent quantity, or null
   * @return the balance; a missing {@code capital} gives null available, locked and staked
   */
  public static Balance of(String asset, CapitalBalance capital, BigDecimal lent) {
    return of(asset, capital, lent, null);
  }

  /**
   * Combines a {@code /capital} entry with the lent and borrowed quantities.
   *
   * @param asset asset symbol
   * @param capital the asset's {@code /capital} entry, or null when the asset is only lent or borrowed
   * @param lent lent quantity, or null
   * @param borrowed borrowed quantity (positive), or null
   * @return the balance; a missing {@code capital} gives null available, locked and staked
   */
  public static Balance of(String asset, CapitalBalance capital, BigDecimal lent, BigDecimal borrowed) {
    return capital == null
        ? new Balance(asset, null, null, null, lent, borrowed)
        : new Balance(asset, capital.available(), capital.locked(), capital.staked(), lent, borrowed);
  }

  /**
   * Returns {@code available + locked + staked + lent}, counting a {@code null} component as zero
   * (this is the only place a missing amount is treated as zero). Borrows are not subtracted: see
   * {@link #borrowed()}.
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

  /** {@return whether anything is owed: {@code borrowed} is present and above zero} */
  public boolean hasDebt() {
    return borrowed != null && borrowed.signum() > 0;
  }
}
