package dev.bpx.client;

import java.math.BigDecimal;

/**
 * One circuit breaker as it stands now, from {@link OrderService#breakerStatus()}.
 *
 * <p>Thread-safe (immutable).
 *
 * @param rule the rule's name in {@link SafetyLimits}, e.g. {@code maxDailyLoss}
 * @param limit its limit (quote currency, a leverage, or a count of orders)
 * @param used its current figure in the same unit: the largest perp position notional at the mark, the
 *     account's leverage, the open orders, the notional sent in the last 24 hours, the loss since the
 *     start of the UTC day; null when it could not be read (then {@code note} says why)
 * @param tripped whether the next order that adds to the figure is refused (for {@code maxDailyLoss}:
 *     whether the client is reduce-only); null when unknown
 * @param note why the figure is unknown, or when a loss breaker tripped; null when there is nothing to add
 */
public record BreakerStatus(String rule, BigDecimal limit, BigDecimal used, Boolean tripped, String note) {}
