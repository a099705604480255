package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * A market's price rules ({@code filters.price}): tick size, limits and bands. Prices must be
 * multiples of {@code tickSize}; its scale is the number of decimals allowed. See {@code
 * backpack-api.md} section 5.
 *
 * <p>Only {@code minPrice} and {@code tickSize} are required by the spec; every other field is
 * {@code null} when absent. Thread-safe.
 *
 * @param minPrice lowest price the book accepts
 * @param maxPrice highest price the book accepts, or null
 * @param tickSize price increment
 * @param maxMultiplier highest price as a multiple of the last active price, or null
 * @param minMultiplier lowest price as a multiple of the last active price, or null
 * @param maxImpactMultiplier how far above the best ask a market buy may sweep, or null
 * @param minImpactMultiplier how far below the best bid a market sell may sweep, or null
 * @param meanMarkPriceBand futures band around the mean mark price, or null
 * @param meanPremiumBand futures band around the mean premium, or null
 * @param borrowEntryFeeMaxMultiplier spot-margin band without entry fee (upper), or null
 * @param borrowEntryFeeMinMultiplier spot-margin band without entry fee (lower), or null
 * @param maxPriceUpdateMultiplier cap on each mark/index price update, or null
 * @param minPriceUpdateMultiplier floor on each mark/index price update, or null
 * @param discoveryBoundBand RWA discovery band (not in the spec; Rust client and live wire), or
 *     null
 */
public record PriceFilter(
    BigDecimal minPrice,
    BigDecimal maxPrice,
    BigDecimal tickSize,
    BigDecimal maxMultiplier,
    BigDecimal minMultiplier,
    BigDecimal maxImpactMultiplier,
    BigDecimal minImpactMultiplier,
    PriceBand meanMarkPriceBand,
    PremiumBand meanPremiumBand,
    BigDecimal borrowEntryFeeMaxMultiplier,
    BigDecimal borrowEntryFeeMinMultiplier,
    BigDecimal maxPriceUpdateMultiplier,
    BigDecimal minPriceUpdateMultiplier,
    PriceBand discoveryBoundBand) {}
