package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Balance;
import dev.bpx.paper.ledger.LendPosition;
import java.math.BigDecimal;

/**
 * Control API reset: closes the account's positions against the backstop at mark, cancels its
 * orders, returns every balance to the house, forgets its history and funds the starting
 * portfolio again. Totals stay conserved. Engine-owned, not thread-safe.
 */
final class AccountReset {
  private final Engine engine;

  AccountReset(Engine engine) {
    this.engine = engine;
  }

  void reset(Account a) {
    engine.liquidator.liquidate(a, engine.now());
    Account house = engine.accounts().house();
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
    engine.accounts().fundStartingPortfolio(a);
  }
}
