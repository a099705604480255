package dev.bpx.client.model;

import dev.bpx.client.internal.json.EpochMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One public trade from {@code GET /api/v1/trades} or {@code /trades/history}. See {@code
 * backpack-api.md} section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param id trade id, or null (optional in the spec)
 * @param price trade price
 * @param quantity quantity in the base asset
 * @param quoteQuantity quantity in the quote asset
 * @param timestamp trade time (wire: epoch milliseconds)
 * @param isBuyerMaker whether the buyer was the maker
 */
public record Trade(
    Long id,
    BigDecimal price,
    BigDecimal quantity,
    BigDecimal quoteQuantity,
    @EpochMillis Instant timestamp,
    Boolean isBuyerMaker) {}
