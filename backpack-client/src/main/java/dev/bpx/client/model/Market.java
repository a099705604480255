package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One market from {@code GET /api/v1/markets} or {@code GET /api/v1/market}: symbols, type, state,
 * order filters and, for futures, margin and funding parameters. See {@code backpack-api.md}
 * section 5.
 *
 * <p>Futures-only fields are {@code null} on spot markets. Thread-safe.
 *
 * @param symbol market symbol, e.g. {@code SOL_USDC} or {@code SOL_USDC_PERP}
 * @param baseSymbol base asset, e.g. {@code SOL}
 * @param quoteSymbol quote asset, e.g. {@code USDC}
 * @param marketType market type
 * @param filters price and quantity rules
 * @param imfFunction initial-margin function (futures), or null
 * @param mmfFunction maintenance-margin function (futures), or null
 * @param fundingInterval funding interval in <b>milliseconds</b> (perps), e.g. {@code 3600000}, or
 *     null
 * @param fundingRateUpperBound funding rate cap in <b>basis points</b> (perps), or null
 * @param fundingRateLowerBound funding rate floor in <b>basis points</b> (perps), or null
 * @param openInterestLimit maximum open interest (futures), or null
 * @param orderBookState order book state
 * @param createdAt when the market was created (wire: naive UTC with microseconds)
 * @param visible whether the market is currently visible
 * @param positionLimitWeight position limit weight coefficient, or null
 * @param rwaMarketType {@code STOCK}, {@code INDEX}, {@code COMMODITY} or {@code FX} for tokenized
 *     real-world assets; null for crypto (not in the spec; seen in the Rust client and on the wire)
 */
public record Market(
    String symbol,
    String baseSymbol,
    String quoteSymbol,
    MarketType marketType,
    MarketFilters filters,
    MarginFunction imfFunction,
    MarginFunction mmfFunction,
    Long fundingInterval,
    BigDecimal fundingRateUpperBound,
    BigDecimal fundingRateLowerBound,
    BigDecimal openInterestLimit,
    OrderBookState orderBookState,
    @NaiveUtc Instant createdAt,
    Boolean visible,
    BigDecimal positionLimitWeight,
    String rwaMarketType) {}
