package dev.bpx.client.model;

import dev.bpx.client.internal.json.EpochMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One element of {@code GET /api/v1/openInterest} (always an array). See {@code backpack-api.md}
 * section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param symbol market symbol
 * @param openInterest open interest in the base asset, or null (optional in the spec)
 * @param timestamp time of the figure (wire: epoch milliseconds)
 */
public record OpenInterest(
    String symbol, BigDecimal openInterest, @EpochMillis Instant timestamp) {}
