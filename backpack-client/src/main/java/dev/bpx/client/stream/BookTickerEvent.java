package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A top-of-book change from {@code bookTicker.<symbol>}. Amounts are parsed from the wire's decimal
 * text; absent values stay null. Thread-safe (immutable).
 *
 * @param symbol market, e.g. {@code SOL_USDC} (wire {@code s})
 * @param askPrice inside ask price ({@code a})
 * @param askQuantity inside ask quantity ({@code A})
 * @param bidPrice inside bid price ({@code b})
 * @param bidQuantity inside bid quantity ({@code B})
 * @param updateId update id of the event ({@code u}, a string on the wire)
 * @param eventTime event time ({@code E}, microseconds on the wire)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record BookTickerEvent(String symbol, BigDecimal askPrice, BigDecimal askQuantity, BigDecimal bidPrice,
    BigDecimal bidQuantity, String updateId, Instant eventTime, Instant engineTime) {}
