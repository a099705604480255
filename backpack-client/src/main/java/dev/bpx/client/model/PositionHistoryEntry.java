package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One futures position, open or closed, from {@code GET /wapi/v1/history/position} (spec {@code
 * PositionHistoryRow}). Use {@code cumulativePnlRealized} now that {@code /history/pnl} is gone.
 * See {@code backpack-api.md} section 2.6.
 *
 * <p>Thread-safe.
 *
 * @param id position id
 * @param symbol perp market symbol
 * @param state open or closed
 * @param netQuantity signed size
 * @param netExposureQuantity size including worst-case open orders
 * @param netExposureNotional notional of {@code netExposureQuantity}
 * @param netCost signed cost to enter
 * @param markPrice mark price
 * @param entryPrice average entry price
 * @param cumulativePnlRealized PnL realized over the position's life
 * @param unrealizedPnl unrealized PnL
 * @param fundingQuantity funding paid or received
 * @param interest interest paid
 * @param liquidated quantity liquidated
 * @param imf initial margin fraction
 * @param fees trading fees paid
 * @param liquidationFees liquidation fees paid
 * @param closedVolume volume closed
 * @param closingPrice closing price, or null
 * @param accountLeverage account leverage, or null
 * @param openedAt when opened (wire: naive UTC), or null
 * @param closedAt when closed (wire: naive UTC), or null while open
 */
public record PositionHistoryEntry(
    String id,
    String symbol,
    PositionState state,
    BigDecimal netQuantity,
    BigDecimal netExposureQuantity,
    BigDecimal netExposureNotional,
    BigDecimal netCost,
    BigDecimal markPrice,
    BigDecimal entryPrice,
    BigDecimal cumulativePnlRealized,
    BigDecimal unrealizedPnl,
    BigDecimal fundingQuantity,
    BigDecimal interest,
    BigDecimal liquidated,
    BigDecimal imf,
    BigDecimal fees,
    BigDecimal liquidationFees,
    BigDecimal closedVolume,
    BigDecimal closingPrice,
    BigDecimal accountLeverage,
    @NaiveUtc Instant openedAt,
    @NaiveUtc Instant closedAt) {}
