package dev.bpx.client.stream;

import dev.bpx.client.model.OrderUpdateOrigin;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order fields of an {@code account.orderUpdate} event, common to every event kind. Many are
 * conditional on the order type or event (see the spec): absent ones are null. Enums map unknown values
 * to {@code UNKNOWN}; the stream's {@code LIMIT}/{@code MARKET} spelling maps to {@link OrderType}.
 * Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param orderId order id ({@code i})
 * @param clientId client order id ({@code c}), only when set on the order
 * @param side side ({@code S})
 * @param orderType order type ({@code o})
 * @param timeInForce time in force ({@code f})
 * @param quantity quantity ({@code q})
 * @param quoteQuantity quantity in quote, reverse market orders only ({@code Q})
 * @param price limit price ({@code p})
 * @param triggerPrice trigger price ({@code P})
 * @param triggerBy trigger reference ({@code B})
 * @param takeProfitTriggerPrice take-profit trigger price ({@code a})
 * @param stopLossTriggerPrice stop-loss trigger price ({@code b})
 * @param takeProfitLimitPrice take-profit limit price ({@code j})
 * @param stopLossLimitPrice stop-loss limit price ({@code k})
 * @param takeProfitTriggerBy take-profit trigger reference ({@code d})
 * @param stopLossTriggerBy stop-loss trigger reference ({@code g})
 * @param triggerQuantity trigger quantity ({@code Y})
 * @param status order state ({@code X})
 * @param executedQuantity cumulative executed quantity ({@code z})
 * @param executedQuoteQuantity cumulative executed quantity in quote ({@code Z})
 * @param selfTradePrevention self-trade prevention mode ({@code V})
 * @param origin what caused the update ({@code O})
 * @param relatedOrderId related order id ({@code I})
 * @param strategyId strategy id ({@code H})
 * @param postOnly post-only flag ({@code y})
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record OrderUpdate(String symbol, String orderId, Long clientId, Side side, OrderType orderType,
    TimeInForce timeInForce, BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal price, BigDecimal triggerPrice,
    TriggerBy triggerBy, BigDecimal takeProfitTriggerPrice, BigDecimal stopLossTriggerPrice,
    BigDecimal takeProfitLimitPrice, BigDecimal stopLossLimitPrice, TriggerBy takeProfitTriggerBy,
    TriggerBy stopLossTriggerBy, BigDecimal triggerQuantity, OrderStatus status, BigDecimal executedQuantity,
    BigDecimal executedQuoteQuantity, SelfTradePrevention selfTradePrevention, OrderUpdateOrigin origin,
    String relatedOrderId, Long strategyId, Boolean postOnly, Instant eventTime, Instant engineTime) {}
