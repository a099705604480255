package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * The account's settings, limits and fee tier from {@code GET /api/v1/account} (spec {@code
 * AccountSummary}). See {@code backpack-api.md} section 2.2.
 *
 * <p>All four fees are in <b>basis points</b>: {@code 8} means 0.08 %; a maker fee may be negative
 * (a rebate). Thread-safe.
 *
 * @param autoBorrowSettlements whether to borrow during collateral reconciliation
 * @param autoLend whether idle balances are lent automatically (lent funds then vanish from
 *     {@code /capital}, see {@link Balance})
 * @param autoRealizePnl whether PnL is realised continuously
 * @param autoRepayBorrows whether borrows are repaid automatically from available balance
 * @param borrowLimit borrow limit
 * @param futuresMakerFee futures maker fee, basis points
 * @param futuresTakerFee futures taker fee, basis points
 * @param leverageLimit account leverage limit, e.g. {@code 10}
 * @param limitOrders number of open limit orders
 * @param liquidating whether the account is being liquidated
 * @param positionLimit position limit
 * @param spotMakerFee spot maker fee, basis points
 * @param spotTakerFee spot taker fee, basis points
 * @param triggerOrders number of open trigger orders
 */
public record AccountSettings(
    Boolean autoBorrowSettlements,
    Boolean autoLend,
    Boolean autoRealizePnl,
    Boolean autoRepayBorrows,
    BigDecimal borrowLimit,
    BigDecimal futuresMakerFee,
    BigDecimal futuresTakerFee,
    BigDecimal leverageLimit,
    Long limitOrders,
    Boolean liquidating,
    BigDecimal positionLimit,
    BigDecimal spotMakerFee,
    BigDecimal spotTakerFee,
    Long triggerOrders) {}
