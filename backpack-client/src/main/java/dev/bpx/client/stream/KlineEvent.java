package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A candle update from {@code kline.<interval>.<symbol>}: pushed while the candle is open, and once more
 * with {@code closed == true} when it closes. Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param start candle start ({@code t}, ISO 8601 text on the wire, read as UTC when it has no zone)
 * @param end candle close time ({@code T}, same format)
 * @param open open price ({@code o})
 * @param close close (last) price ({@code c})
 * @param high high ({@code h})
 * @param low low ({@code l})
 * @param volume base-asset volume ({@code v})
 * @param trades number of trades ({@code n}), or null
 * @param closed whether the candle is closed ({@code X})
 * @param eventTime event time ({@code E}, microseconds)
 */
public record KlineEvent(String symbol, Instant start, Instant end, BigDecimal open, BigDecimal close,
    BigDecimal high, BigDecimal low, BigDecimal volume, Long trades, boolean closed, Instant eventTime) {}
