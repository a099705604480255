package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * One open borrow-lend position from {@code GET /api/v1/borrowLend/positions} (spec {@code
 * BorrowLendPositionWithMargin}). See {@code backpack-api.md} section 6.3.
 *
 * <p>{@code netQuantity} is <b>positive for a lend and negative for a borrow</b>. Thread-safe.
 *
 * @param id position id
 * @param symbol asset symbol, e.g. {@code USDC}
 * @param netQuantity signed quantity: + lent, − borrowed
 * @param markPrice mark price of the asset
 * @param netExposureQuantity exposure quantity (lends have none)
 * @param netExposureNotional exposure notional
 * @param cumulativeInterest cumulative interest quantity
 * @param imf initial margin fraction
 * @param imfFunction initial-margin function
 * @param mmf maintenance margin fraction
 * @param mmfFunction maintenance-margin function
 * @param estLiquidationPrice estimated liquidation price, or null (absent from the Rust client's
 *     type though required by the spec)
 */
public record BorrowLendPosition(
    String id,
    String symbol,
    BigDecimal netQuantity,
    BigDecimal markPrice,
    BigDecimal netExposureQuantity,
    BigDecimal netExposureNotional,
    BigDecimal cumulativeInterest,
    BigDecimal imf,
    MarginFunction imfFunction,
    BigDecimal mmf,
    MarginFunction mmfFunction,
    BigDecimal estLiquidationPrice) {}
