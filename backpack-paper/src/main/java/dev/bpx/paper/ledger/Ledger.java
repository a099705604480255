package dev.bpx.paper.ledger;

import dev.bpx.paper.market.AssetSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.LongSupplier;

/**
 * Balance movements that keep every asset's total conserved: what one account gains another
 * (often the house) loses. Engine-owned, not thread-safe.
 */
public final class Ledger {
  public static final String USDC = "USDC";

  private final Account house;
  private final PriceSource prices;
  private final LongSupplier positionIds;

  public Ledger(Account house, PriceSource prices, LongSupplier positionIds) {
    this.house = house;
    this.prices = prices;
    this.positionIds = positionIds;
  }

  public Account house() {
    return house;
  }

  /** Moves an amount of an asset from one account's available balance to another's. */
  public void transfer(Account from, Account to, String asset, BigDecimal amount) {
    from.balance(asset).available = from.balance(asset).available.subtract(amount);
    to.balance(asset).available = to.balance(asset).available.add(amount);
  }

  /** Credits an account from the house (starting portfolios, control-API funding). */
  public void mint(Account to, String asset, BigDecimal amount) {
    transfer(house, to, asset, amount);
  }

  public void lock(Account a, String asset, BigDecimal amount) {
    Balance b = a.balance(asset);
    b.available = b.available.subtract(amount);
    b.locked = b.locked.add(amount);
  }

  public void unlock(Account a, String asset, BigDecimal amount) {
    Balance b = a.balance(asset);
    b.locked = b.locked.subtract(amount);
    b.available = b.available.add(amount);
  }

  /** {@return the lend position of an asset, opened if there is none} */
  public LendPosition lendPosition(Account a, String asset, long now) {
    return a.lends.computeIfAbsent(asset, s -> new LendPosition(positionIds.getAsLong(), s, now));
  }

  /**
   * Lends (positive) or redeems / borrows (negative) an amount between the account's available
   * balance and its borrow-lend position, recording the movement.
   */
  public void moveToLend(Account a, String asset, BigDecimal amount, String source, long now) {
    if (amount.signum() == 0) {
      return;
    }
    LendPosition p = lendPosition(a, asset, now);
    BigDecimal before = p.netQuantity;
    p.netQuantity = before.add(amount);
    Balance b = a.balance(asset);
    b.available = b.available.subtract(amount);
    if (a.recordsHistory()) {
      String event;
      if (amount.signum() > 0) {
        event = before.signum() < 0 ? "BorrowRepay" : "Lend";
      } else {
        event = before.signum() > 0 ? "LendRedeem" : "Borrow";
      }
      a.borrowLendMovements.add(new Records.BorrowLendMovement(event, Long.toString(p.id),
          p.netQuantity, amount.abs(), source, asset, now));
    }
    if (p.netQuantity.signum() == 0) {
      a.lends.remove(asset);
    }
  }

  /**
   * Settles a negative available balance the way Backpack's auto-borrow settlement does: first
   * redeem lent funds of that asset, then borrow the rest. With {@code autoRepayBorrows}, a
   * positive available balance repays an open borrow.
   */
  public void normalize(Account a, long now) {
    normalize(a, now, null);
  }

  /**
   * {@link #normalize(Account, long)} with the borrow-lend movements recorded under one source, such
   * as {@code Liquidation} for the shortfall a liquidation leaves; null for the usual auto sources.
   */
  public void normalize(Account a, long now, String source) {
    if (a.system) {
      return;
    }
    for (String asset : a.balances.keySet().toArray(new String[0])) {
      Balance b = a.balance(asset);
      BigDecimal lent = a.lent(asset);
      if (b.available.signum() < 0) {
        BigDecimal need = b.available.negate();
        if (lent.signum() > 0) {
          BigDecimal redeem = need.min(lent);
          moveToLend(a, asset, redeem.negate(), source == null ? "AutoLend" : source, now);
          need = need.subtract(redeem);
        }
        if (need.signum() > 0) {
          moveToLend(a, asset, need.negate(), source == null ? "AutoBorrowRepay" : source, now);
        }
      } else if (b.available.signum() > 0 && lent.signum() < 0 && a.settings.autoRepayBorrows) {
        moveToLend(a, asset, b.available.min(lent.negate()), "AutoBorrowRepay", now);
      }
    }
  }

  /** {@return a fee for a notional at a rate in basis points, rounded up to the asset's scale} */
  public BigDecimal fee(BigDecimal amount, BigDecimal bps, String asset) {
    AssetSpec spec = prices.asset(asset);
    int scale = spec == null ? 8 : spec.scale();
    BigDecimal f = amount.multiply(bps).movePointLeft(4);
    return f.signum() <= 0 ? BigDecimal.ZERO.setScale(0) : f.setScale(scale, RoundingMode.UP);
  }
}
