package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding interval from {@code GET /api/v1/fundingRates} (spec {@code FundingIntervalRate}),
 * newest first. See {@code backpack-api.md} section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param symbol perp market symbol
 * @param intervalEndTimestamp end of the funding interval (wire: naive UTC)
 * @param fundingRate funding rate for the interval as a <b>fraction</b>
 */
public record FundingRate(
    String symbol, @NaiveUtc Instant intervalEndTimestamp, BigDecimal fundingRate) {}
