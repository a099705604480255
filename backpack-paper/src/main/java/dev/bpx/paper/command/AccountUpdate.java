package dev.bpx.paper.command;

import dev.bpx.paper.ledger.Account;
import java.math.BigDecimal;

/** {@code PATCH /api/v1/account}: stores the settings; only {@code autoRepayBorrows} changes behaviour. */
public final class AccountUpdate {
  private AccountUpdate() {}

  public static void apply(Account a, Command.UpdateAccount u) {
    Boolean autoBorrowSettlements = u.autoBorrowSettlements();
    Boolean autoLend = u.autoLend();
    Boolean autoRepayBorrows = u.autoRepayBorrows();
    BigDecimal leverage = u.leverageLimit();
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
