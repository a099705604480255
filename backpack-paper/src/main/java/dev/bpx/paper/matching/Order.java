package dev.bpx.paper.matching;

import java.math.BigDecimal;

/**
 * An order as the engine keeps it. Mutable and owned by the engine thread: executed amounts,
 * status and locked funds change as it fills. Views for the wire are rendered under the engine
 * lock. Not thread-safe.
 */
public final class Order {
  public long id;
  public Long clientId;
  public String account;
  public String symbol;
  public Side side;
  public OrderType type;
  public BigDecimal price;
  public BigDecimal quantity;
  public BigDecimal quoteQuantity;
  public BigDecimal executedQuantity = BigDecimal.ZERO;
  public BigDecimal executedQuoteQuantity = BigDecimal.ZERO;
  public TimeInForce timeInForce = TimeInForce.GTC;
  public boolean postOnly;
  public Boolean reduceOnly;
  public SelfTradePrevention selfTradePrevention = SelfTradePrevention.RejectTaker;
  public OrderStatus status = OrderStatus.New;
  public String expiryReason;
  public String systemOrderType;
  public long createdAt;
  public Long triggeredAt;
  public BigDecimal triggerPrice;
  public String triggerQuantity;
  public TriggerBy triggerBy;
  /** True when the trigger fires as the reference price rises to {@link #triggerPrice}. */
  public boolean triggerWhenAbove;
  public BigDecimal stopLossTriggerPrice;
  public BigDecimal stopLossLimitPrice;
  public TriggerBy stopLossTriggerBy;
  public BigDecimal takeProfitTriggerPrice;
  public BigDecimal takeProfitLimitPrice;
  public TriggerBy takeProfitTriggerBy;
  public Long relatedOrderId;
  /** Funds held for this order (quote for spot bids, base for spot asks); zero on perps. */
  public BigDecimal locked = BigDecimal.ZERO;
  /** Time priority within a price level. */
  public long sequence;
  /** Quantity already covered by attached take-profit / stop-loss children. */
  public BigDecimal protectedQuantity = BigDecimal.ZERO;

  public BigDecimal remaining() {
    return quantity == null ? null : quantity.subtract(executedQuantity);
  }

  public boolean isTrigger() {
    return triggerPrice != null;
  }

  public boolean hasAttachedExits() {
    return stopLossTriggerPrice != null || takeProfitTriggerPrice != null;
  }
}
