package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.market.AssetSpec;
import java.math.BigDecimal;

/**
 * {@code POST /api/v1/borrowLend}: {@code Lend} moves available funds into the lend position
 * (repaying a borrow first); {@code Borrow} redeems lent funds first and borrows the rest if the
 * account's margin allows it. Engine-owned, not thread-safe.
 */
final class BorrowLend {
  private final Engine engine;

  BorrowLend(Engine engine) {
    this.engine = engine;
  }

  void execute(Account a, Command.BorrowLend command) {
    String asset = command.asset();
    BigDecimal quantity = command.quantity();
    AssetSpec spec = engine.assets().get(asset);
    if (spec == null) {
      throw ApiError.of("INVALID_ASSET", "Invalid asset");
    }
    if (quantity.signum() <= 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quantity must be positive");
    }
    if (quantity.stripTrailingZeros().scale() > spec.scale()) {
      throw ApiError.badRequest("Quantity decimal too long");
    }
    long now = engine.now();
    if (command.side() == Command.BorrowLendSide.Lend) {
      if (a.balance(asset).available.compareTo(quantity) < 0) {
        throw ApiError.of("INSUFFICIENT_FUNDS", "Insufficient funds");
      }
      engine.ledger().moveToLend(a, asset, quantity, "Manual", now);
      return;
    }
    BigDecimal lent = a.lent(asset).max(BigDecimal.ZERO);
    BigDecimal redeem = quantity.min(lent);
    BigDecimal borrow = quantity.subtract(redeem);
    if (borrow.signum() > 0) {
      Margin.Summary s = engine.marginSummary(a);
      BigDecimal price = engine.assetPrice(asset);
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
      engine.ledger().moveToLend(a, asset, redeem.negate(), "Manual", now);
    }
    if (borrow.signum() > 0) {
      engine.ledger().moveToLend(a, asset, borrow.negate(), "Manual", now);
    }
  }
}
