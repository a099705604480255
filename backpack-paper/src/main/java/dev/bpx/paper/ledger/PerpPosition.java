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
  public BigDecimal netQuantity = BigDecimal.ZERO;
  public BigDecimal netCost = BigDecimal.ZERO;
  public BigDecimal pnlRealized = BigDecimal.ZERO;
  public BigDecimal cumulativeFunding = BigDecimal.ZERO;
  public BigDecimal fees = BigDecimal.ZERO;
  public BigDecimal closedVolume = BigDecimal.ZERO;
  public BigDecimal liquidationFees = BigDecimal.ZERO;
  public boolean liquidated;
  public long openedAt;
  public Long closedAt;
  public BigDecimal closingPrice;

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
}
