package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/** One asset's spot balance columns as {@code /capital} shows them. Engine-owned, not thread-safe. */
public final class Balance {
  public BigDecimal available = BigDecimal.ZERO;
  public BigDecimal locked = BigDecimal.ZERO;
  public BigDecimal staked = BigDecimal.ZERO;

  public BigDecimal total() {
    return available.add(locked).add(staked);
  }
}
