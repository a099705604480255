package dev.bpx.paper.matching;

import java.math.BigDecimal;
import java.util.function.LongSupplier;

/**
 * An order as the exchange keeps it. Its fields change only through the state transitions below
 * (fill, stop, close, arm and fire a trigger, lock and release funds, rest on the book), each
 * named for what happens to the order, so the invariants live here: executed amounts only grow,
 * a fill sets the status from the executed quantity, released funds return to zero. New orders
 * and orders read back from a snapshot are made with {@link #builder()}.
 *
 * <p>Mutable and owned by the engine thread; views for the wire are rendered from a replica that no
 * one changes while it is read. Not thread-safe.
 */
public final class Order {
  private long id;
  private Long clientId;
  private String account;
  private String symbol;
  private Side side;
  private OrderType type;
  private BigDecimal price;
  private BigDecimal quantity;
  private BigDecimal quoteQuantity;
  private BigDecimal executedQuantity = BigDecimal.ZERO;
  private BigDecimal executedQuoteQuantity = BigDecimal.ZERO;
  private TimeInForce timeInForce = TimeInForce.GTC;
  private boolean postOnly;
  private Boolean reduceOnly;
  private SelfTradePrevention selfTradePrevention = SelfTradePrevention.RejectTaker;
  private OrderStatus status = OrderStatus.New;
  private String expiryReason;
  private String systemOrderType;
  private long createdAt;
  private Long triggeredAt;
  private BigDecimal triggerPrice;
  private String triggerQuantity;
  private TriggerBy triggerBy;
  private boolean triggerWhenAbove;
  private BigDecimal stopLossTriggerPrice;
  private BigDecimal stopLossLimitPrice;
  private TriggerBy stopLossTriggerBy;
  private BigDecimal takeProfitTriggerPrice;
  private BigDecimal takeProfitLimitPrice;
  private TriggerBy takeProfitTriggerBy;
  private Long relatedOrderId;
  private BigDecimal locked = BigDecimal.ZERO;
  private long sequence;
  private BigDecimal protectedQuantity = BigDecimal.ZERO;

  /** A new order's defaults; {@link Builder} sets the rest. */
  private Order() {}

  public static Builder builder() {
    return new Builder();
  }

  // --- state transitions ------------------------------------------------------------------

  /** Gives a new order its id the first time it is recorded; later calls change nothing. */
  public void assignIdIfNew(LongSupplier ids) {
    if (id == 0) {
      id = ids.getAsLong();
    }
  }

  /** One trade: adds to the executed amounts, then the order is filled or partially filled. */
  public void fill(BigDecimal quantity, BigDecimal quote) {
    executedQuantity = executedQuantity.add(quantity);
    executedQuoteQuantity = executedQuoteQuantity.add(quote);
    status = this.quantity != null && executedQuantity.compareTo(this.quantity) >= 0
        ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
  }

  /** Matching stopped this taker (self-trade prevention); order entry then expires it. */
  public void stop(String reason) {
    expiryReason = reason;
  }

  /** {@return whether matching stopped this taker before it was done} */
  public boolean stopped() {
    return expiryReason != null;
  }

  /** Ends the order: cancelled, expired or refused, with the reason (null for a plain cancel). */
  public void close(OrderStatus finalStatus, String reason) {
    status = finalStatus;
    expiryReason = reason;
  }

  /** The order traded all it asked for. */
  public void markFilled() {
    status = OrderStatus.Filled;
  }

  /** The remainder expires; a reason matching gave (self-trade prevention) is kept. */
  public void expireRemainder(String reason) {
    status = OrderStatus.Expired;
    if (expiryReason == null) {
      expiryReason = reason;
    }
  }

  /**
   * The quantity matching may trade this time: a reduce-only order is capped at the position, then
   * given back its requested quantity (the wire shows what was asked).
   */
  public void workingQuantity(BigDecimal q) {
    quantity = q;
  }

  /** Holds funds for the order (spot limit orders). */
  public void lock(BigDecimal amount) {
    locked = amount;
  }

  /** {@return the funds held, which are no longer held once this returns} */
  public BigDecimal releaseLocked() {
    BigDecimal out = locked;
    locked = BigDecimal.ZERO;
    return out;
  }

  /** A trade spent part of the held funds. */
  public void spendLocked(BigDecimal amount) {
    locked = locked.subtract(amount);
  }

  /** Rests on the book with a time priority. */
  public void rest(long priority) {
    sequence = priority;
  }

  /** Waits for its trigger price, approached from below ({@code whenAbove}) or above. */
  public void arm(boolean whenAbove) {
    status = OrderStatus.TriggerPending;
    triggerWhenAbove = whenAbove;
  }

  /** The trigger price was reached at {@code time}. */
  public void triggered(long time) {
    triggeredAt = time;
  }

  /** A fired trigger trades for this quantity as a new order. */
  public void release(BigDecimal resolvedQuantity) {
    quantity = resolvedQuantity;
    status = OrderStatus.New;
  }

  /** The fired trigger could not trade: no quantity to trade (the position is gone). */
  public void triggerFailed() {
    status = OrderStatus.TriggerFailed;
  }

  /** The fired trigger was refused by order entry; it keeps no quantity. */
  public void triggerRefused() {
    status = OrderStatus.TriggerFailed;
    quantity = null;
  }

  /** Resizes an attached exit to the parent's executed quantity. */
  public void resizeTrigger(String newQuantity) {
    triggerQuantity = newQuantity;
  }

  /** The attached exits now cover everything executed so far. */
  public void protectExecuted() {
    protectedQuantity = executedQuantity;
  }

  // --- reads ------------------------------------------------------------------------------

  public BigDecimal remaining() {
    return quantity == null ? null : quantity.subtract(executedQuantity);
  }

  public boolean isTrigger() {
    return triggerPrice != null;
  }

  public boolean hasAttachedExits() {
    return stopLossTriggerPrice != null || takeProfitTriggerPrice != null;
  }

  public long id() { return id; }
  public Long clientId() { return clientId; }
  public String account() { return account; }
  public String symbol() { return symbol; }
  public Side side() { return side; }
  public OrderType type() { return type; }
  public BigDecimal price() { return price; }
  public BigDecimal quantity() { return quantity; }
  public BigDecimal quoteQuantity() { return quoteQuantity; }
  public BigDecimal executedQuantity() { return executedQuantity; }
  public BigDecimal executedQuoteQuantity() { return executedQuoteQuantity; }
  public TimeInForce timeInForce() { return timeInForce; }
  public boolean postOnly() { return postOnly; }
  public Boolean reduceOnly() { return reduceOnly; }
  public SelfTradePrevention selfTradePrevention() { return selfTradePrevention; }
  public OrderStatus status() { return status; }
  public String expiryReason() { return expiryReason; }
  public String systemOrderType() { return systemOrderType; }
  public long createdAt() { return createdAt; }
  public Long triggeredAt() { return triggeredAt; }
  public BigDecimal triggerPrice() { return triggerPrice; }
  /** {@return as given: a quantity, or a percentage of the position such as {@code "50%"}} */
  public String triggerQuantity() { return triggerQuantity; }
  public TriggerBy triggerBy() { return triggerBy; }
  /** {@return true when the trigger fires as the reference price rises to {@link #triggerPrice}} */
  public boolean triggerWhenAbove() { return triggerWhenAbove; }
  public BigDecimal stopLossTriggerPrice() { return stopLossTriggerPrice; }
  public BigDecimal stopLossLimitPrice() { return stopLossLimitPrice; }
  public TriggerBy stopLossTriggerBy() { return stopLossTriggerBy; }
  public BigDecimal takeProfitTriggerPrice() { return takeProfitTriggerPrice; }
  public BigDecimal takeProfitLimitPrice() { return takeProfitLimitPrice; }
  public TriggerBy takeProfitTriggerBy() { return takeProfitTriggerBy; }
  /** {@return the parent of an attached take-profit / stop-loss} */
  public Long relatedOrderId() { return relatedOrderId; }
  /** {@return funds held for this order (quote for spot bids, base for spot asks); zero on perps} */
  public BigDecimal locked() { return locked; }
  /** {@return time priority within a price level} */
  public long sequence() { return sequence; }
  /** {@return quantity already covered by attached take-profit / stop-loss children} */
  public BigDecimal protectedQuantity() { return protectedQuantity; }
  /** Builds a new order, or one read back from a snapshot; unset fields keep a new order's defaults. */
  public static final class Builder {
    /** The order being built: a builder fills one order, so the field list is the order's only. */
    private Order order = new Order();

    private Builder() {}

    public Builder id(long value) { order.id = value; return this; }
    public Builder clientId(Long value) { order.clientId = value; return this; }
    public Builder account(String value) { order.account = value; return this; }
    public Builder symbol(String value) { order.symbol = value; return this; }
    public Builder side(Side value) { order.side = value; return this; }
    public Builder type(OrderType value) { order.type = value; return this; }
    public Builder price(BigDecimal value) { order.price = value; return this; }
    public Builder quantity(BigDecimal value) { order.quantity = value; return this; }
    public Builder quoteQuantity(BigDecimal value) { order.quoteQuantity = value; return this; }
    public Builder executedQuantity(BigDecimal value) { order.executedQuantity = value; return this; }
    public Builder executedQuoteQuantity(BigDecimal value) { order.executedQuoteQuantity = value; return this; }
    public Builder timeInForce(TimeInForce value) { order.timeInForce = value; return this; }
    public Builder postOnly(boolean value) { order.postOnly = value; return this; }
    public Builder reduceOnly(Boolean value) { order.reduceOnly = value; return this; }
    public Builder selfTradePrevention(SelfTradePrevention value) { order.selfTradePrevention = value; return this; }
    public Builder status(OrderStatus value) { order.status = value; return this; }
    public Builder expiryReason(String value) { order.expiryReason = value; return this; }
    public Builder systemOrderType(String value) { order.systemOrderType = value; return this; }
    public Builder createdAt(long value) { order.createdAt = value; return this; }
    public Builder triggeredAt(Long value) { order.triggeredAt = value; return this; }
    public Builder triggerPrice(BigDecimal value) { order.triggerPrice = value; return this; }
    public Builder triggerQuantity(String value) { order.triggerQuantity = value; return this; }
    public Builder triggerBy(TriggerBy value) { order.triggerBy = value; return this; }
    public Builder triggerWhenAbove(boolean value) { order.triggerWhenAbove = value; return this; }
    public Builder stopLossTriggerPrice(BigDecimal value) { order.stopLossTriggerPrice = value; return this; }
    public Builder stopLossLimitPrice(BigDecimal value) { order.stopLossLimitPrice = value; return this; }
    public Builder stopLossTriggerBy(TriggerBy value) { order.stopLossTriggerBy = value; return this; }
    public Builder takeProfitTriggerPrice(BigDecimal value) { order.takeProfitTriggerPrice = value; return this; }
    public Builder takeProfitLimitPrice(BigDecimal value) { order.takeProfitLimitPrice = value; return this; }
    public Builder takeProfitTriggerBy(TriggerBy value) { order.takeProfitTriggerBy = value; return this; }
    public Builder relatedOrderId(Long value) { order.relatedOrderId = value; return this; }
    public Builder locked(BigDecimal value) { order.locked = value; return this; }
    public Builder sequence(long value) { order.sequence = value; return this; }
    public Builder protectedQuantity(BigDecimal value) { order.protectedQuantity = value; return this; }

    /** {@return the order; the builder is spent} */
    public Order build() {
      if (order == null) {
        throw new IllegalStateException("this builder already built its order");
      }
      Order built = order;
      order = null;
      return built;
    }
  }
}
