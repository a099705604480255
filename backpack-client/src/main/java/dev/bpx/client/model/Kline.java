package dev.bpx.client.model;

import dev.bpx.client.internal.json.KlineTime;
import dev.bpx.client.internal.json.LongAsString;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One candle from {@code GET /api/v1/klines}. See {@code backpack-api.md} section 2.1.
 *
 * <p>{@code start}/{@code end} arrive as {@code "YYYY-MM-DD HH:MM:SS"} (space separator, UTC; a {@code T}
 * separator or a zone is read too, a zone honoured);
 * {@code trades} as a string holding an integer. The prices are {@code null} for an interval
 * without trades. Thread-safe.
 *
 * @param start start of the interval
 * @param end end of the interval
 * @param open open price, or null
 * @param high high price, or null
 * @param low low price, or null
 * @param close close price, or null
 * @param volume volume in the base asset
 * @param quoteVolume volume in the quote asset
 * @param trades number of trades
 */
public record Kline(
    @KlineTime Instant start,
    @KlineTime Instant end,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    BigDecimal volume,
    BigDecimal quoteVolume,
    @LongAsString Long trades) {}
