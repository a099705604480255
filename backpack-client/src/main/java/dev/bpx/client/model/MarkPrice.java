package dev.bpx.client.model;

import dev.bpx.client.internal.json.EpochMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One element of {@code GET /api/v1/markPrices} (always an array, even for one symbol). See {@code
 * backpack-api.md} section 2.1.
 *
 * <p>The funding fields are {@code null} except on perpetuals. Thread-safe.
 *
 * @param symbol market symbol
 * @param markPrice mark price
 * @param indexPrice index price (perps), or null
 * @param fundingRate funding rate for the current interval as a <b>fraction</b> (perps), or null
 * @param nextFundingTimestamp end of the current funding interval (wire: epoch milliseconds), or
 *     null
 */
public record MarkPrice(
    String symbol,
    BigDecimal markPrice,
    BigDecimal indexPrice,
    BigDecimal fundingRate,
    @EpochMillis Instant nextFundingTimestamp) {}
