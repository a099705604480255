package dev.bpx.paper.ledger;

import java.math.BigDecimal;
import java.math.MathContext;

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
