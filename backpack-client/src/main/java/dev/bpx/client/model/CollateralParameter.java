package dev.bpx.client.model;

/**
 * Collateral parameters of one asset from {@code GET /api/v1/collateral} (public; the spec calls
 * this schema {@code CollateralSummary}, not to be confused with this SDK's {@link
 * CollateralSummary}, the account's margin summary). See {@code backpack-api.md} section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param symbol asset symbol
 * @param imfFunction initial-margin function
 * @param mmfFunction maintenance-margin function
 * @param haircutFunction haircut applied to the asset's collateral value
 */
public record CollateralParameter(
    String symbol,
    MarginFunction imfFunction,
    MarginFunction mmfFunction,
    HaircutFunction haircutFunction) {}
