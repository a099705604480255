package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * A multiplier band around a reference price ({@code meanMarkPriceBand}, {@code
 * discoveryBoundBand}), e.g. {@code {"maxMultiplier":"1.1","minMultiplier":"0.9"}}. Spec name
 * {@code PriceBandMarkPrice}; see {@code backpack-api.md} section 5.
 *
 * <p>Thread-safe.
 *
 * @param maxMultiplier highest allowed price as a multiple of the reference
 * @param minMultiplier lowest allowed price as a multiple of the reference
 */
public record PriceBand(BigDecimal maxMultiplier, BigDecimal minMultiplier) {}
