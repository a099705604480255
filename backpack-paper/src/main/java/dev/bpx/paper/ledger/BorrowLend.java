package dev.bpx.paper.ledger;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.market.AssetSpec;
import java.math.BigDecimal;
import java.util.function.LongSupplier;

/**
 * {@code POST /api/v1/borrowLend}: {@code Lend} moves available funds into the lend position
 * (repaying a borrow first); {@code Borrow} redeems lent funds first and borrows the rest if the
 * account's margin allows it. Engine-owned, not thread-safe.
 */
public final class BorrowLend {
  private final Ledger ledger;
  private final Margin margin;
  private final PriceSource prices;
  private final LongSupplier clock;

  public BorrowLend(Ledger ledger, Margin margin, PriceSource prices, LongSupplier clock) {
    this.ledger = ledger;
    this.margin = margin;
    this.prices = prices;
    this.clock = clock;
  }

  /** Lends ({@code lend}) or borrows a quantity of an asset; refuses with {@code ApiError} before any change. */
  public void execute(Account a, String asset, BigDecimal quantity, boolean lend) {
    AssetSpec spec = prices.asset(asset);
    if (spec == null) {
      throw ApiError.of("INVALID_ASSET", "Invalid asset");
    }
    if (quantity.signum() <= 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quantity must be positive");
    }
    if (quantity.stripTrailingZeros().scale() > spec.scale()) {
      throw ApiError.badRequest("Quantity decimal too long");
    }
    long now = clock.getAsLong();
    if (lend) {
      if (a.balance(asset).available.compareTo(quantity) < 0) {
        throw ApiError.of("INSUFFICIENT_FUNDS", "Insufficient funds");
      }
      ledger.moveToLend(a, asset, quantity, "Manual", now);
      return;
    }
    BigDecimal lent = a.lent(asset).max(BigDecimal.ZERO);
    BigDecimal redeem = quantity.min(lent);
    BigDecimal borrow = quantity.subtract(redeem);
    if (borrow.signum() > 0) {
      Margin.Summary s = margin.summary(a);
      BigDecimal price = prices.assetPrice(asset);
      BigDecimal notional = borrow.multiply(price);
      BigDecimal after = s.netEquityAvailable()
          .add(notional.multiply(spec.collateralWeight()))
          .subtract(notional)
          .subtract(notional.multiply(spec.imf().fractionFor(notional)));
      if (after.signum() < 0) {
        throw ApiError.of("INSUFFICIENT_MARGIN", "Insufficient margin");
      }
    }
    if (redeem.signum() > 0) {
      ledger.moveToLend(a, asset, redeem.negate(), "Manual", now);
    }
    if (borrow.signum() > 0) {
      ledger.moveToLend(a, asset, borrow.negate(), "Manual", now);
    }
  }
}
