package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * How an asset's collateral value is haircut ({@code haircutFunction}, spec {@code
 * CollateralFunction}). See {@code backpack-api.md} section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param weight collateral weight, a fraction
 * @param kind curve shape
 */
public record HaircutFunction(BigDecimal weight, HaircutKind kind) {}
