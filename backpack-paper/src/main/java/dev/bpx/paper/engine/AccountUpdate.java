package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import java.math.BigDecimal;

/** {@code PATCH /api/v1/account}: stores the settings; only {@code autoRepayBorrows} changes behaviour. */
final class AccountUpdate {
  private AccountUpdate() {}

  static void apply(Account a, Fields f) {
    Boolean autoBorrowSettlements = f.bool("autoBorrowSettlements");
    Boolean autoLend = f.bool("autoLend");
    Boolean autoRepayBorrows = f.bool("autoRepayBorrows");
    BigDecimal leverage = f.decimal("leverageLimit");
    if (leverage != null && (leverage.signum() <= 0 || leverage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw ApiError.badRequest("Invalid leverage limit");
    }
    if (autoBorrowSettlements != null) {
      a.settings.autoBorrowSettlements = autoBorrowSettlements;
    }
    if (autoLend != null) {
      a.settings.autoLend = autoLend;
    }
    if (autoRepayBorrows != null) {
      a.settings.autoRepayBorrows = autoRepayBorrows;
    }
    if (leverage != null) {
      a.settings.leverageLimit = leverage;
    }
  }
}
