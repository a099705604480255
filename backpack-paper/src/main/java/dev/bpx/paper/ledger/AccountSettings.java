package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/**
 * The flags and limits of {@code GET /api/v1/account}. Fees are in basis points as on the wire.
 * Engine-owned, not thread-safe.
 */
public final class AccountSettings {
  public boolean autoBorrowSettlements = true;
  public boolean autoLend = false;
  public boolean autoRealizePnl = true;
  public boolean autoRepayBorrows = true;
  public BigDecimal leverageLimit = new BigDecimal("10");
  public BigDecimal borrowLimit = new BigDecimal("2500000");
  public BigDecimal positionLimit = new BigDecimal("1000000");
  public BigDecimal spotMakerFeeBps = new BigDecimal("8");
  public BigDecimal spotTakerFeeBps = new BigDecimal("10");
  public BigDecimal futuresMakerFeeBps = new BigDecimal("2");
  public BigDecimal futuresTakerFeeBps = new BigDecimal("5");
}
