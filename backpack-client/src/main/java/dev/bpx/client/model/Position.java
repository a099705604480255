package dev.bpx.client.model;

import java.math.BigDecimal;

/**
 * One open futures position from {@code GET /api/v1/position} (spec {@code
 * FuturePositionWithMargin}). See {@code backpack-api.md} section 6.1.
 *
 * <p>Quantities are signed: positive long, negative short. {@code estLiquidationPrice} is only
 * accurate when the position was queried by {@code symbol}; the list returns {@code "0"}. Thread-safe.
 *
 * @param symbol perp market symbol
 * @param positionId position id
 * @param userId user id
 * @param subaccountId subaccount id, or null
 * @param netQuantity signed size
 * @param netCost signed cost to enter (price × quantity summed)
 * @param entryPrice average entry price
 * @param breakEvenPrice break-even price
 * @param markPrice mark price
 * @param estLiquidationPrice estimated liquidation price ({@code 0} in the list)
 * @param pnlUnrealized unrealized PnL
 * @param pnlRealized PnL realized since opening
 * @param netExposureQuantity size including worst-case open orders
 * @param netExposureNotional notional of {@code netExposureQuantity}
 * @param imf initial margin fraction
 * @param imfFunction initial-margin function
 * @param mmf maintenance margin fraction
 * @param mmfFunction maintenance-margin function
 * @param cumulativeFundingPayment cumulative funding paid or received
 * @param cumulativeInterest cumulative interest on unrealized PnL, or null (being removed per the
 *     2025-09-01 changelog)
 */
public record Position(
    String symbol,
    String positionId,
    Long userId,
    Integer subaccountId,
    BigDecimal netQuantity,
    BigDecimal netCost,
    BigDecimal entryPrice,
    BigDecimal breakEvenPrice,
    BigDecimal markPrice,
    BigDecimal estLiquidationPrice,
    BigDecimal pnlUnrealized,
    BigDecimal pnlRealized,
    BigDecimal netExposureQuantity,
    BigDecimal netExposureNotional,
    BigDecimal imf,
    MarginFunction imfFunction,
    BigDecimal mmf,
    MarginFunction mmfFunction,
    BigDecimal cumulativeFundingPayment,
    BigDecimal cumulativeInterest) {}
