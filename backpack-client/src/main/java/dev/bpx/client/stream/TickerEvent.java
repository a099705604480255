package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 24-hour rolling statistics from {@code ticker.<symbol>}, pushed once per second. Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param open first price of the window ({@code o})
 * @param last last price ({@code c})
 * @param high high ({@code h})
 * @param low low ({@code l})
 * @param baseVolume base-asset volume ({@code v})
 * @param quoteVolume quote-asset volume ({@code V})
 * @param trades number of trades ({@code n}), or null
 * @param eventTime event time ({@code E}, microseconds)
 */
public record TickerEvent(String symbol, BigDecimal open, BigDecimal last, BigDecimal high, BigDecimal low,
    BigDecimal baseVolume, BigDecimal quoteVolume, Long trades, Instant eventTime) {}
