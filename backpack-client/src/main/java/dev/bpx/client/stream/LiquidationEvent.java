package dev.bpx.client.stream;

import dev.bpx.client.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A liquidation from the public {@code liquidation} channel (all markets). Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param price price ({@code p})
 * @param quantity quantity ({@code q})
 * @param side side ({@code S}); {@link Side#UNKNOWN} for a value this SDK does not know
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record LiquidationEvent(String symbol, BigDecimal price, BigDecimal quantity, Side side, Instant eventTime,
    Instant engineTime) {}
