package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/**
 * A borrow-lend position in one asset: positive {@code netQuantity} is lent, negative is
 * borrowed. Interest is added to the quantity as it accrues. Engine-owned, not thread-safe.
 */
public final class LendPosition {
  public final long id;
  public final String symbol;
  public BigDecimal netQuantity = BigDecimal.ZERO;
  public BigDecimal cumulativeInterest = BigDecimal.ZERO;
  public final long createdAt;
  public String source = "Manual";

  public LendPosition(long id, String symbol, long createdAt) {
    this.id = id;
    this.symbol = symbol;
    this.createdAt = createdAt;
  }
}
