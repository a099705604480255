package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/**
 * A borrow-lend position in one asset: positive {@code netQuantity} is lent, negative is
 * borrowed. Interest is added to the quantity as it accrues. Engine-owned, not thread-safe.
 */
public final class LendPosition {
  public final long id;
  public final String symbol;
  BigDecimal netQuantity = BigDecimal.ZERO;
  BigDecimal cumulativeInterest = BigDecimal.ZERO;
  public final long createdAt;
  String source = "Manual";

  public LendPosition(long id, String symbol, long createdAt) {
    this.id = id;
    this.symbol = symbol;
    this.createdAt = createdAt;
  }

  public BigDecimal netQuantity() {
    return netQuantity;
  }

  public BigDecimal cumulativeInterest() {
    return cumulativeInterest;
  }

  public String source() {
    return source;
  }

  /** Sets the state from a snapshot. */
  public void restore(BigDecimal netQuantity, BigDecimal cumulativeInterest, String source) {
    this.netQuantity = netQuantity;
    this.cumulativeInterest = cumulativeInterest;
    this.source = source;
  }
}
