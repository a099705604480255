package dev.bpx.client.model;

import dev.bpx.client.internal.json.LongAsString;
import java.math.BigDecimal;

/**
 * A market's 24-hour (or 1-week) summary from {@code GET /api/v1/ticker} or {@code /tickers}. See
 * {@code backpack-api.md} section 2.1.
 *
 * <p>{@code trades} arrives as a JSON string holding an integer ({@code "3858"}) and is exposed as
 * a {@link Long}. Thread-safe.
 *
 * @param symbol market symbol
 * @param firstPrice first price in the interval
 * @param lastPrice last price in the interval
 * @param priceChange {@code lastPrice - firstPrice}
 * @param priceChangePercent price change as a <b>fraction</b>: {@code -0.031279} means −3.13 %
 * @param high highest price in the interval
 * @param low lowest price in the interval
 * @param volume volume in the base asset
 * @param quoteVolume volume in the quote asset
 * @param trades number of trades in the interval
 */
public record Ticker(
    String symbol,
    BigDecimal firstPrice,
    BigDecimal lastPrice,
    BigDecimal priceChange,
    BigDecimal priceChangePercent,
    BigDecimal high,
    BigDecimal low,
    BigDecimal volume,
    BigDecimal quoteVolume,
    @LongAsString Long trades) {}
