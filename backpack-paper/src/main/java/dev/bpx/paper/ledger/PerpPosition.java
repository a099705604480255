package dev.bpx.paper.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A perpetual position in one-way mode. {@code netCost} is the signed entry notional; realized
 * PnL is defined as the cost released minus the trade's notional, so the sum over all accounts
 * of {@code cash - netCost} is conserved exactly by every trade (see {@link TradeSettlement}).
 * Engine-owned, not thread-safe.
 */
public final class PerpPosition {
  public final long id;
  public final String symbol;
  BigDecimal netQuantity = BigDecimal.ZERO;
  BigDecimal netCost = BigDecimal.ZERO;
  BigDecimal pnlRealized = BigDecimal.ZERO;
  BigDecimal cumulativeFunding = BigDecimal.ZERO;
  BigDecimal fees = BigDecimal.ZERO;
  BigDecimal closedVolume = BigDecimal.ZERO;
  BigDecimal liquidationFees = BigDecimal.ZERO;
  boolean liquidated;
  long openedAt;
  Long closedAt;
  BigDecimal closingPrice;

  public PerpPosition(long id, String symbol, long openedAt) {
    this.id = id;
    this.symbol = symbol;
    this.openedAt = openedAt;
  }

  public boolean isOpen() {
    return netQuantity.signum() != 0;
  }

  /** {@return netCost / netQuantity, or zero when flat} */
  public BigDecimal entryPrice() {
    return netQuantity.signum() == 0 ? BigDecimal.ZERO
        : netCost.divide(netQuantity, MathContext.DECIMAL64);
  }

  /**
   * {@return the mark price at which closing the position leaves its total PnL at zero: the entry price moved by the
   * fees paid and the funding received per unit, {@code (netCost + fees - cumulativeFunding) / netQuantity} (8
   * decimals), or zero when flat}. The same formula serves both sides: a short's fees lower its break-even below
   * entry, as a long's raise it. It reproduces the exchange's own figure for a long in {@code backpack-api.md}
   * (entry 4447.065, fees 0.004448, funding -0.022061, 0.002 long: 4460.3195).
   */
  public BigDecimal breakEvenPrice() {
    return netQuantity.signum() == 0 ? BigDecimal.ZERO
        : netCost.add(fees).subtract(cumulativeFunding).divide(netQuantity, 8, RoundingMode.HALF_EVEN);
  }

  /** {@return q * mark - netCost} */
  public BigDecimal unrealizedPnl(BigDecimal mark) {
    return netQuantity.multiply(mark).subtract(netCost);
  }

  public BigDecimal netQuantity() {
    return netQuantity;
  }

  public BigDecimal netCost() {
    return netCost;
  }

  public BigDecimal pnlRealized() {
    return pnlRealized;
  }

  public BigDecimal cumulativeFunding() {
    return cumulativeFunding;
  }

  public BigDecimal fees() {
    return fees;
  }

  public BigDecimal closedVolume() {
    return closedVolume;
  }

  public BigDecimal liquidationFees() {
    return liquidationFees;
  }

  public boolean liquidated() {
    return liquidated;
  }

  public Long closedAt() {
    return closedAt;
  }

  public BigDecimal closingPrice() {
    return closingPrice;
  }

  public long openedAt() {
    return openedAt;
  }

  /** Sets the state from a snapshot. */
  public void restore(BigDecimal netQuantity, BigDecimal netCost, BigDecimal pnlRealized, BigDecimal cumulativeFunding, BigDecimal fees, BigDecimal closedVolume, BigDecimal liquidationFees, boolean liquidated, Long closedAt, BigDecimal closingPrice) {
    this.netQuantity = netQuantity;
    this.netCost = netCost;
    this.pnlRealized = pnlRealized;
    this.cumulativeFunding = cumulativeFunding;
    this.fees = fees;
    this.closedVolume = closedVolume;
    this.liquidationFees = liquidationFees;
    this.liquidated = liquidated;
    this.closedAt = closedAt;
    this.closingPrice = closingPrice;
  }
}
