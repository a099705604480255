package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/**
 * The flags and limits of {@code GET /api/v1/account}. Fees are in basis points as on the wire.
 * Engine-owned, not thread-safe.
 */
public final class AccountSettings {
  boolean autoBorrowSettlements = true;
  boolean autoLend = false;
  boolean autoRealizePnl = true;
  boolean autoRepayBorrows = true;
  BigDecimal leverageLimit = new BigDecimal("10");
  BigDecimal borrowLimit = new BigDecimal("2500000");
  BigDecimal positionLimit = new BigDecimal("1000000");
  BigDecimal spotMakerFeeBps = new BigDecimal("8");
  BigDecimal spotTakerFeeBps = new BigDecimal("10");
  BigDecimal futuresMakerFeeBps = new BigDecimal("2");
  BigDecimal futuresTakerFeeBps = new BigDecimal("5");

  public boolean autoBorrowSettlements() {
    return autoBorrowSettlements;
  }

  public boolean autoLend() {
    return autoLend;
  }

  public boolean autoRealizePnl() {
    return autoRealizePnl;
  }

  public boolean autoRepayBorrows() {
    return autoRepayBorrows;
  }

  public BigDecimal leverageLimit() {
    return leverageLimit;
  }

  public BigDecimal borrowLimit() {
    return borrowLimit;
  }

  public BigDecimal positionLimit() {
    return positionLimit;
  }

  public BigDecimal spotMakerFeeBps() {
    return spotMakerFeeBps;
  }

  public BigDecimal spotTakerFeeBps() {
    return spotTakerFeeBps;
  }

  public BigDecimal futuresMakerFeeBps() {
    return futuresMakerFeeBps;
  }

  public BigDecimal futuresTakerFeeBps() {
    return futuresTakerFeeBps;
  }

  /** Sets every setting from a snapshot. */
  public void restore(boolean autoBorrowSettlements, boolean autoLend, boolean autoRealizePnl, boolean autoRepayBorrows, BigDecimal leverageLimit, BigDecimal borrowLimit, BigDecimal positionLimit, BigDecimal spotMakerFeeBps, BigDecimal spotTakerFeeBps, BigDecimal futuresMakerFeeBps, BigDecimal futuresTakerFeeBps) {
    this.autoBorrowSettlements = autoBorrowSettlements;
    this.autoLend = autoLend;
    this.autoRealizePnl = autoRealizePnl;
    this.autoRepayBorrows = autoRepayBorrows;
    this.leverageLimit = leverageLimit;
    this.borrowLimit = borrowLimit;
    this.positionLimit = positionLimit;
    this.spotMakerFeeBps = spotMakerFeeBps;
    this.spotTakerFeeBps = spotTakerFeeBps;
    this.futuresMakerFeeBps = futuresMakerFeeBps;
    this.futuresTakerFeeBps = futuresTakerFeeBps;
  }
}
