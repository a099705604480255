package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code GET /wapi/v1/history/borrowLend/positions} (spec {@code BorrowLendPositionRow}).
 * See {@code backpack-api.md} section 2.6.
 *
 * <p>Thread-safe.
 *
 * @param positionId position id
 * @param symbol asset symbol
 * @param side borrow or lend
 * @param quantity position quantity
 * @param source what opened the position
 * @param cumulativeInterest cumulative interest quantity
 * @param avgInterestRate average interest rate while open
 * @param createdAt when the position was opened (wire: naive UTC)
 */
public record BorrowLendPositionHistoryEntry(
    String positionId,
    String symbol,
    BorrowLendSide side,
    BigDecimal quantity,
    BorrowLendSource source,
    BigDecimal cumulativeInterest,
    BigDecimal avgInterestRate,
    @NaiveUtc Instant createdAt) {}
