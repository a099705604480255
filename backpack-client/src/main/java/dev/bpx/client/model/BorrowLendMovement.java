package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One borrow-lend event from {@code GET /wapi/v1/history/borrowLend}. See {@code backpack-api.md}
 * section 2.6.
 *
 * <p>Thread-safe.
 *
 * @param eventType kind of event
 * @param positionId borrow-lend position the event belongs to
 * @param positionQuantity running total of the position, or null
 * @param quantity quantity of the event
 * @param source what caused the event
 * @param symbol asset symbol
 * @param timestamp event time (wire: naive UTC)
 * @param spotMarginOrderId spot-margin order behind the event, or null
 */
public record BorrowLendMovement(
    BorrowLendEventType eventType,
    String positionId,
    BigDecimal positionQuantity,
    BigDecimal quantity,
    BorrowLendSource source,
    String symbol,
    @NaiveUtc Instant timestamp,
    String spotMarginOrderId) {}
