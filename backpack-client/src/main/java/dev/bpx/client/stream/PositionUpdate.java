package dev.bpx.client.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The position fields of an {@code account.positionUpdate} event. The spec declares most amounts as JSON
 * numbers: they are read from the literal number text, never through {@code double}. Absent values are
 * null. Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param positionId position id ({@code i})
 * @param breakEvenPrice break-even price ({@code b})
 * @param entryPrice entry price ({@code B})
 * @param initialMarginFraction initial margin fraction ({@code f})
 * @param markPrice mark price ({@code M})
 * @param maintenanceMarginFraction maintenance margin fraction ({@code m})
 * @param netQuantity net quantity, positive long and negative short ({@code q})
 * @param netExposureQuantity net exposure quantity including open orders ({@code Q})
 * @param netExposureNotional net exposure notional ({@code n})
 * @param realizedPnl realized PnL ({@code p})
 * @param unrealizedPnl unrealized PnL ({@code P})
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record PositionUpdate(String symbol, String positionId, BigDecimal breakEvenPrice, BigDecimal entryPrice,
    BigDecimal initialMarginFraction, BigDecimal markPrice, BigDecimal maintenanceMarginFraction,
    BigDecimal netQuantity, BigDecimal netExposureQuantity, BigDecimal netExposureNotional, BigDecimal realizedPnl,
    BigDecimal unrealizedPnl, Instant eventTime, Instant engineTime) {}
