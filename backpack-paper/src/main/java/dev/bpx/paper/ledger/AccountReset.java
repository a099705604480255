package dev.bpx.paper.ledger;

import java.math.BigDecimal;
import java.util.function.LongSupplier;

/**
 * Control API reset: closes the account's positions against the backstop at mark, cancels its
 * orders, returns every balance to the house, forgets its history and funds the starting
 * portfolio again. Totals stay conserved. Engine-owned, not thread-safe.
 */
public final class AccountReset {
  private final Accounts accounts;
  private final Liquidator liquidator;
  private final LongSupplier clock;

  public AccountReset(Accounts accounts, Liquidator liquidator, LongSupplier clock) {
    this.accounts = accounts;
    this.liquidator = liquidator;
    this.clock = clock;
  }

  public void reset(Account a) {
    liquidator.liquidate(a, clock.getAsLong());
    Account house = accounts.house();
    for (var e : a.balances.entrySet()) {
      Balance b = e.getValue();
      Balance h = house.balance(e.getKey());
      h.available = h.available.add(b.available).add(b.locked).add(b.staked);
      b.available = BigDecimal.ZERO;
      b.locked = BigDecimal.ZERO;
      b.staked = BigDecimal.ZERO;
    }
    for (LendPosition p : a.lends.values()) {
      Balance h = house.balance(p.symbol);
      h.available = h.available.add(p.netQuantity);
    }
    a.lends.clear();
    a.balances.clear();
    a.orders.clear();
    a.clearClientIds();
    a.fills.clear();
    a.funding.clear();
    a.interest.clear();
    a.borrowLendMovements.clear();
    a.settlements.clear();
    a.closedPositions.clear();
    accounts.fundStartingPortfolio(a);
  }
}
