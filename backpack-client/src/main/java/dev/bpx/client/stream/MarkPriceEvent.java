package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A mark-price update from {@code markPrice.<symbol>} (futures). Funding rate, index price and next
 * funding time are absent (null) on prediction markets. Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param markPrice mark price ({@code p})
 * @param fundingRate estimated funding rate, a fraction per interval ({@code f}), or null
 * @param indexPrice index price ({@code i}), or null
 * @param nextFundingTime next funding time ({@code n}, <b>milliseconds</b> on the wire), or null
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record MarkPriceEvent(String symbol, BigDecimal markPrice, BigDecimal fundingRate, BigDecimal indexPrice,
    Instant nextFundingTime, Instant eventTime, Instant engineTime) {}
