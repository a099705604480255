package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * The largest order the account may place, from {@code GET /api/v1/account/limits/order}; the
 * optional fields echo the query. See {@code backpack-api.md} section 2.2.
 *
 * <p>Thread-safe.
 *
 * @param symbol market symbol
 * @param side order side
 * @param maxOrderQuantity maximum quantity, in the base asset
 * @param price limit price queried, or null (market order)
 * @param reduceOnly echoed flag, or null
 * @param autoBorrow echoed flag, or null
 * @param autoBorrowRepay echoed flag, or null
 * @param autoLendRedeem echoed flag, or null
 */
public record MaxOrderQuantity(
    String symbol,
    Side side,
    BigDecimal maxOrderQuantity,
    BigDecimal price,
    Boolean reduceOnly,
    Boolean autoBorrow,
    Boolean autoBorrowRepay,
    Boolean autoLendRedeem) {}
