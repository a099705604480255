package dev.bpx.paper.upstream;

import java.math.BigDecimal;

/**
 * The upstream's mark and index price of one market, with the estimated funding rate and the next
 * funding time on perps ({@code /api/v1/markPrices} or the {@code markPrice.<symbol>} stream).
 *
 * @param fundingRate null on spot
 * @param nextFundingMillis null on spot
 */
public record MarkPrice(String symbol, BigDecimal markPrice, BigDecimal indexPrice, BigDecimal fundingRate,
                        Long nextFundingMillis) {}
