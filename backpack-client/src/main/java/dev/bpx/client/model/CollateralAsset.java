package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * One asset's line in {@link CollateralSummary#collateral()} (spec {@code Collateral}). See {@code
 * backpack-api.md} section 6.2.
 *
 * <p>{@code totalQuantity} includes lent funds; observed (unconfirmed) identity: {@code
 * totalQuantity ≈ availableQuantity + openOrderQuantity + lendQuantity}. Thread-safe.
 *
 * @param symbol asset symbol
 * @param assetMarkPrice mark price of the asset
 * @param totalQuantity pre-haircut quantity, lent funds included
 * @param balanceNotional {@code index price × balance}, in USDC
 * @param collateralWeight haircut weight, a fraction
 * @param collateralValue {@code index price × balance × weight}, in USDC
 * @param openOrderQuantity quantity added from open orders
 * @param lendQuantity quantity lent out
 * @param availableQuantity quantity freely available
 */
public record CollateralAsset(
    String symbol,
    BigDecimal assetMarkPrice,
    BigDecimal totalQuantity,
    BigDecimal balanceNotional,
    BigDecimal collateralWeight,
    BigDecimal collateralValue,
    BigDecimal openOrderQuantity,
    BigDecimal lendQuantity,
    BigDecimal availableQuantity) {}
