package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order from {@code GET /wapi/v1/history/orders} (spec {@code Order}), a <em>different</em>
 * shape from {@link Order}: {@code createdAt} is a naive UTC string, and it adds {@code
 * expiryReason} and {@code systemOrderType} but has no {@code reduceOnly}, {@code relatedOrderId}
 * or {@code triggeredAt}. See {@code backpack-api.md} section 4.3.
 *
 * <p>Every optional field is {@code null} when absent; {@code triggerQuantity} stays a {@code
 * String} (it may be a percentage). Thread-safe.
 *
 * @param id order id
 * @param createdAt creation time (wire: naive UTC, e.g. {@code "2025-09-11T20:10:40.699"})
 * @param orderType {@code Limit} or {@code Market}
 * @param symbol market symbol
 * @param side order side
 * @param status final or current status
 * @param timeInForce time in force
 * @param selfTradePrevention self-trade prevention mode
 * @param clientId caller's uint32 id, or null
 * @param executedQuantity filled base quantity, or null
 * @param executedQuoteQuantity filled quote quantity, or null
 * @param quantity base quantity, or null
 * @param quoteQuantity quote quantity, or null
 * @param price limit price, or null
 * @param postOnly post-only flag, or null
 * @param expiryReason why the order expired, or null
 * @param systemOrderType kind of system order, or null for the user's own
 * @param triggerPrice trigger price, or null
 * @param triggerQuantity trigger quantity (decimal or percentage), or null
 * @param triggerBy reference price for the trigger, or null
 * @param stopLossTriggerPrice attached stop-loss trigger price, or null
 * @param stopLossLimitPrice attached stop-loss limit price, or null
 * @param stopLossTriggerBy attached stop-loss reference price, or null
 * @param takeProfitTriggerPrice attached take-profit trigger price, or null
 * @param takeProfitLimitPrice attached take-profit limit price, or null
 * @param takeProfitTriggerBy attached take-profit reference price, or null
 * @param strategyId strategy that placed the order, or null
 * @param slippageTolerance market-order slippage bound, or null
 * @param slippageToleranceType unit of {@code slippageTolerance}, or null
 */
public record HistoricalOrder(
    String id,
    @NaiveUtc Instant createdAt,
    OrderType orderType,
    String symbol,
    Side side,
    OrderStatus status,
    TimeInForce timeInForce,
    SelfTradePrevention selfTradePrevention,
    Long clientId,
    BigDecimal executedQuantity,
    BigDecimal executedQuoteQuantity,
    BigDecimal quantity,
    BigDecimal quoteQuantity,
    BigDecimal price,
    Boolean postOnly,
    OrderExpiryReason expiryReason,
    SystemOrderType systemOrderType,
    BigDecimal triggerPrice,
    String triggerQuantity,
    TriggerBy triggerBy,
    BigDecimal stopLossTriggerPrice,
    BigDecimal stopLossLimitPrice,
    TriggerBy stopLossTriggerBy,
    BigDecimal takeProfitTriggerPrice,
    BigDecimal takeProfitLimitPrice,
    TriggerBy takeProfitTriggerBy,
    String strategyId,
    BigDecimal slippageTolerance,
    SlippageToleranceType slippageToleranceType) {}
