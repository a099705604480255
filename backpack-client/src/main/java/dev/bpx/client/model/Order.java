package dev.bpx.client.model;

import dev.bpx.client.internal.json.EpochMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as returned by the {@code /api/v1} order endpoints (GET/POST/DELETE {@code /order},
 * GET/DELETE {@code /orders}, and each success item of the batch POST): the union of the spec's
 * {@code LimitOrder} and {@code MarketOrder}, told apart by {@link #orderType()}. See {@code
 * backpack-api.md} section 4.2.
 *
 * <p>{@code createdAt}/{@code triggeredAt} are epoch <b>milliseconds</b> on the wire (unlike
 * {@link HistoricalOrder}). Limit-only fields ({@code price}, {@code postOnly}) are {@code null} on
 * market orders and market-only fields ({@code quoteQuantity}, slippage) on limit orders; every
 * absent field is {@code null}. {@code triggerQuantity} stays a {@code String} because it may be a
 * percentage such as {@code "50%"}. Thread-safe.
 *
 * @param orderType {@code Limit} or {@code Market}
 * @param id order id (numeric text)
 * @param clientId caller's uint32 id, or null
 * @param symbol market symbol
 * @param side order side
 * @param status order status
 * @param timeInForce time in force (market orders report {@code GTC})
 * @param selfTradePrevention self-trade prevention mode
 * @param createdAt creation time (wire: epoch milliseconds)
 * @param quantity base quantity ({@code 0} on a pending trigger order), or null
 * @param quoteQuantity quote quantity (market orders), or null
 * @param executedQuantity filled base quantity
 * @param executedQuoteQuantity filled quote quantity
 * @param price limit price (limit orders), or null
 * @param postOnly post-only flag (limit orders), or null
 * @param reduceOnly reduce-only flag, or null
 * @param triggerPrice trigger price, or null
 * @param triggerQuantity trigger quantity, a decimal or a percentage like {@code "50%"}, or null
 * @param triggerBy reference price for the trigger, or null
 * @param triggeredAt when the trigger fired (wire: epoch milliseconds), or null
 * @param stopLossTriggerPrice attached stop-loss trigger price, or null
 * @param stopLossLimitPrice attached stop-loss limit price (absent: market), or null
 * @param stopLossTriggerBy attached stop-loss reference price, or null
 * @param takeProfitTriggerPrice attached take-profit trigger price, or null
 * @param takeProfitLimitPrice attached take-profit limit price (absent: market), or null
 * @param takeProfitTriggerBy attached take-profit reference price, or null
 * @param relatedOrderId parent order, or the order a trigger belongs to, or null
 * @param strategyId strategy that placed the order, or null
 * @param slippageTolerance market-order slippage bound, or null
 * @param slippageToleranceType unit of {@code slippageTolerance}, or null
 */
public record Order(
    OrderType orderType,
    String id,
    Long clientId,
    String symbol,
    Side side,
    OrderStatus status,
    TimeInForce timeInForce,
    SelfTradePrevention selfTradePrevention,
    @EpochMillis Instant createdAt,
    BigDecimal quantity,
    BigDecimal quoteQuantity,
    BigDecimal executedQuantity,
    BigDecimal executedQuoteQuantity,
    BigDecimal price,
    Boolean postOnly,
    Boolean reduceOnly,
    BigDecimal triggerPrice,
    String triggerQuantity,
    TriggerBy triggerBy,
    @EpochMillis Instant triggeredAt,
    BigDecimal stopLossTriggerPrice,
    BigDecimal stopLossLimitPrice,
    TriggerBy stopLossTriggerBy,
    BigDecimal takeProfitTriggerPrice,
    BigDecimal takeProfitLimitPrice,
    TriggerBy takeProfitTriggerBy,
    String relatedOrderId,
    String strategyId,
    BigDecimal slippageTolerance,
    SlippageToleranceType slippageToleranceType) {}
