package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import java.math.BigDecimal;

/**
 * A change of account settings for {@code PATCH /api/v1/account} ({@code backpack-api.md} 2.2).
 * Only the settings given are sent; the others stay as they are.
 *
 * <pre>{@code
 * client.account().updateSettings(AccountSettingsUpdate.builder().autoLend(true).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param autoBorrowSettlements borrow during collateral reconciliation; null leaves it unchanged
 * @param autoLend lend idle balances automatically; null leaves it unchanged
 * @param autoRepayBorrows repay borrows from available balance automatically; null leaves it unchanged
 * @param leverageLimit the account's maximum leverage, e.g. 10; null leaves it unchanged
 */
public record AccountSettingsUpdate(
    Boolean autoBorrowSettlements, Boolean autoLend, Boolean autoRepayBorrows, BigDecimal leverageLimit) {

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks the update.
   *
   * @throws ValidationException if nothing is set or the leverage limit is not positive
   */
  public void validate() {
    Problems p = new Problems();
    if (autoBorrowSettlements == null && autoLend == null && autoRepayBorrows == null && leverageLimit == null) {
      p.add("settings", "nothing to update", "set at least one of autoBorrowSettlements, autoLend,"
          + " autoRepayBorrows, leverageLimit");
    }
    p.positive("leverageLimit", leverageLimit);
    p.throwIfAny();
  }

  /** Builds an {@link AccountSettingsUpdate}. Not thread-safe. */
  public static final class Builder {
    private Boolean autoBorrowSettlements;
    private Boolean autoLend;
    private Boolean autoRepayBorrows;
    private BigDecimal leverageLimit;

    private Builder() {}

    /** Borrow during collateral reconciliation. @return this */
    public Builder autoBorrowSettlements(boolean value) {
      this.autoBorrowSettlements = value;
      return this;
    }

    /** Lend idle balances automatically. @return this */
    public Builder autoLend(boolean value) {
      this.autoLend = value;
      return this;
    }

    /** Repay borrows from available balance automatically. @return this */
    public Builder autoRepayBorrows(boolean value) {
      this.autoRepayBorrows = value;
      return this;
    }

    /** The account's maximum leverage, positive. @return this */
    public Builder leverageLimit(BigDecimal value) {
      this.leverageLimit = value;
      return this;
    }

    /**
     * {@return the checked update}
     *
     * @throws ValidationException if nothing is set or the leverage limit is not positive
     */
    public AccountSettingsUpdate build() {
      AccountSettingsUpdate update =
          new AccountSettingsUpdate(autoBorrowSettlements, autoLend, autoRepayBorrows, leverageLimit);
      update.validate();
      return update;
    }
  }
}
