package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * The futures premium band ({@code meanPremiumBand}), e.g. {@code {"tolerancePct":"0.05"}}: how far
 * the premium may deviate from its mean. Spec name {@code PriceBandMeanPremium}; see {@code
 * backpack-api.md} section 5.
 *
 * <p>Only {@code tolerancePct} is in the official spec; the other three appear in the official Rust
 * client and are {@code null} when absent. Thread-safe.
 *
 * @param tolerancePct maximum deviation from the mean premium, a fraction ({@code 0.05} = 5 %)
 * @param indexPrice index price (Rust client only), or null
 * @param maxPremiumPct maximum premium (Rust client only), or null
 * @param minPremiumPct minimum premium (Rust client only), or null
 */
public record PremiumBand(
    BigDecimal tolerancePct,
    BigDecimal indexPrice,
    BigDecimal maxPremiumPct,
    BigDecimal minPremiumPct) {}
