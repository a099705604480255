package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/** {@code PATCH /api/v1/account}: stores the settings; only {@code autoRepayBorrows} changes behaviour. */
public final class AccountUpdate {
  private AccountUpdate() {}

  /** Sets each setting that is given (non-null) and leaves the others. */
  public static void apply(Account a, Boolean autoBorrowSettlements, Boolean autoLend, Boolean autoRepayBorrows,
                           BigDecimal leverageLimit) {
    if (autoBorrowSettlements != null) {
      a.settings.autoBorrowSettlements = autoBorrowSettlements;
    }
    if (autoLend != null) {
      a.settings.autoLend = autoLend;
    }
    if (autoRepayBorrows != null) {
      a.settings.autoRepayBorrows = autoRepayBorrows;
    }
    if (leverageLimit != null) {
      a.settings.leverageLimit = leverageLimit;
    }
  }
}
