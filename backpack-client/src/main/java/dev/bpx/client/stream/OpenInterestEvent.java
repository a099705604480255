package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Open interest from {@code openInterest.<symbol>}, pushed every 60 seconds. Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param openInterest open interest in contracts ({@code o})
 * @param eventTime event time ({@code E}, microseconds)
 */
public record OpenInterestEvent(String symbol, BigDecimal openInterest, Instant eventTime) {}
