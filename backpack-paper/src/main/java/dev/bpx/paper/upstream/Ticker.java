package dev.bpx.paper.upstream;

import java.math.BigDecimal;

/**
 * The upstream's rolling 24-hour ticker of one market ({@code /api/v1/ticker} or the
 * {@code ticker.<symbol>} stream). Immutable.
 */
public record Ticker(String symbol, BigDecimal firstPrice, BigDecimal lastPrice, BigDecimal high,
                     BigDecimal low, BigDecimal volume, BigDecimal quoteVolume, long trades) {}
