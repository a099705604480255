package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/** One asset's spot balance columns as {@code /capital} shows them. Engine-owned, not thread-safe. */
public final class Balance {
  BigDecimal available = BigDecimal.ZERO;
  BigDecimal locked = BigDecimal.ZERO;
  BigDecimal staked = BigDecimal.ZERO;

  public BigDecimal total() {
    return available.add(locked).add(staked);
  }

  public BigDecimal available() {
    return available;
  }

  public BigDecimal locked() {
    return locked;
  }

  public BigDecimal staked() {
    return staked;
  }

  /** Sets the columns from a snapshot. */
  public void restore(BigDecimal available, BigDecimal locked, BigDecimal staked) {
    this.available = available;
    this.locked = locked;
    this.staked = staked;
  }
}
