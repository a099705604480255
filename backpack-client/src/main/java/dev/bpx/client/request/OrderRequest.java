package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SlippageToleranceType;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An order to place with {@code POST /api/v1/order} (or as one item of a batch), spot or perp, limit
 * or market ({@code backpack-api.md} section 4.1). Built by one of the three factories, which take the
 * required parts, and the builder's setters for the optional ones:
 *
 * <pre>{@code
 * OrderRequest limit = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.5"), new BigDecimal("142.10"))
 *     .timeInForce(TimeInForce.GTC).postOnly(true).build();
 * OrderRequest perp = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, new BigDecimal("2"))
 *     .reduceOnly(true).build();
 * OrderRequest spend = OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, new BigDecimal("100")).build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the request's shape and reports every problem at once (required
 * fields per type, exclusive fields, positive amounts, {@code UNKNOWN} enums, post-only only on limit
 * orders, trigger / take-profit / stop-loss pairs, {@code clientId} range). The market's filters (tick
 * size, step size, minimum quantity) are checked by the client just before sending, see
 * {@link MarketRules}.
 *
 * <p>Every order carries a {@code clientId}: the one given, or a random uint32 (never 0) generated when
 * the request is created. The client uses it to find the order on the exchange after a timeout, so an
 * order is never placed twice. Placing the same {@code OrderRequest} object twice therefore reuses its
 * {@code clientId}: build a new request for a new order.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe. A class with a private constructor, not a
 * record: requests are made only by the builder, so a new exchange parameter is one more builder method
 * and accessor, never a change to a constructor callers use.
 */
public final class OrderRequest {
  private final String symbol;
  private final Side side;
  private final OrderType orderType;
  private final BigDecimal quantity;
  private final BigDecimal quoteQuantity;
  private final BigDecimal price;
  private final TimeInForce timeInForce;
  private final Boolean postOnly;
  private final Boolean reduceOnly;
  private final Long clientId;
  private final SelfTradePrevention selfTradePrevention;
  private final BigDecimal triggerPrice;
  private final BigDecimal triggerQuantity;
  private final TriggerBy triggerBy;
  private final BigDecimal stopLossTriggerPrice;
  private final BigDecimal stopLossLimitPrice;
  private final TriggerBy stopLossTriggerBy;
  private final BigDecimal takeProfitTriggerPrice;
  private final BigDecimal takeProfitLimitPrice;
  private final TriggerBy takeProfitTriggerBy;
  private final BigDecimal slippageTolerance;
  private final SlippageToleranceType slippageToleranceType;
  private final Boolean autoLend;
  private final Boolean autoLendRedeem;
  private final Boolean autoBorrow;
  private final Boolean autoBorrowRepay;


  /** The names of the values, in declaration order. */
  private static final String[] NAMES = {"symbol", "side", "orderType", "quantity", "quoteQuantity", "price", "timeInForce", "postOnly", "reduceOnly", "clientId", "selfTradePrevention", "triggerPrice", "triggerQuantity", "triggerBy", "stopLossTriggerPrice", "stopLossLimitPrice", "stopLossTriggerBy", "takeProfitTriggerPrice", "takeProfitLimitPrice", "takeProfitTriggerBy", "slippageTolerance", "slippageToleranceType", "autoLend", "autoLendRedeem", "autoBorrow", "autoBorrowRepay"};

  /** The largest {@code clientId} Backpack accepts (uint32). */
  public static final long MAX_CLIENT_ID = 0xFFFF_FFFFL;

  /** Copies the builder's values; fills in a random {@code clientId} when none is given. */
  private OrderRequest(Builder b) {
    this.symbol = b.symbol;
    this.side = b.side;
    this.orderType = b.orderType;
    this.quantity = b.quantity;
    this.quoteQuantity = b.quoteQuantity;
    this.price = b.price;
    this.timeInForce = b.timeInForce;
    this.postOnly = b.postOnly;
    this.reduceOnly = b.reduceOnly;
    this.clientId = b.clientId == null ? randomClientId() : b.clientId;
    this.selfTradePrevention = b.selfTradePrevention;
    this.triggerPrice = b.triggerPrice;
    this.triggerQuantity = b.triggerQuantity;
    this.triggerBy = b.triggerBy;
    this.stopLossTriggerPrice = b.stopLossTriggerPrice;
    this.stopLossLimitPrice = b.stopLossLimitPrice;
    this.stopLossTriggerBy = b.stopLossTriggerBy;
    this.takeProfitTriggerPrice = b.takeProfitTriggerPrice;
    this.takeProfitLimitPrice = b.takeProfitLimitPrice;
    this.takeProfitTriggerBy = b.takeProfitTriggerBy;
    this.slippageTolerance = b.slippageTolerance;
    this.slippageToleranceType = b.slippageToleranceType;
    this.autoLend = b.autoLend;
    this.autoLendRedeem = b.autoLendRedeem;
    this.autoBorrow = b.autoBorrow;
    this.autoBorrowRepay = b.autoBorrowRepay;
  }

  /** {@return market, e.g. {@code SOL_USDC}} */
  public String symbol() {
    return symbol;
  }

  /** {@return {@code BID} or {@code ASK}} */
  public Side side() {
    return side;
  }

  /** {@return {@code LIMIT} or {@code MARKET}} */
  public OrderType orderType() {
    return orderType;
  }

  /** {@return base quantity, positive, a multiple of the market's step size} */
  public BigDecimal quantity() {
    return quantity;
  }

  /** {@return quote amount, positive (e.g. USDC)} */
  public BigDecimal quoteQuantity() {
    return quoteQuantity;
  }

  /** {@return limit price, positive, a multiple of the market's tick size} */
  public BigDecimal price() {
    return price;
  }

  /** {@return GTC (default on the exchange), IOC or FOK; null to leave it to the exchange} */
  public TimeInForce timeInForce() {
    return timeInForce;
  }

  /** {@return limit orders only: reject instead of taking liquidity} */
  public Boolean postOnly() {
    return postOnly;
  }

  /** {@return futures only: may only reduce the position} */
  public Boolean reduceOnly() {
    return reduceOnly;
  }

  /** {@return uint32 custom id (0..4294967295); generated when null} */
  public Long clientId() {
    return clientId;
  }

  /** {@return what to do when the order would trade with the account's own order} */
  public SelfTradePrevention selfTradePrevention() {
    return selfTradePrevention;
  }

  /** {@return makes it a conditional order that triggers at this price} */
  public BigDecimal triggerPrice() {
    return triggerPrice;
  }

  /** {@return the quantity of a conditional order} */
  public BigDecimal triggerQuantity() {
    return triggerQuantity;
  }

  /** {@return the reference price for {@code triggerPrice}} */
  public TriggerBy triggerBy() {
    return triggerBy;
  }

  /** {@return attached stop loss: trigger price} */
  public BigDecimal stopLossTriggerPrice() {
    return stopLossTriggerPrice;
  }

  /** {@return attached stop loss: limit price (else a market order)} */
  public BigDecimal stopLossLimitPrice() {
    return stopLossLimitPrice;
  }

  /** {@return attached stop loss: reference price} */
  public TriggerBy stopLossTriggerBy() {
    return stopLossTriggerBy;
  }

  /** {@return attached take profit: trigger price} */
  public BigDecimal takeProfitTriggerPrice() {
    return takeProfitTriggerPrice;
  }

  /** {@return attached take profit: limit price (else a market order)} */
  public BigDecimal takeProfitLimitPrice() {
    return takeProfitLimitPrice;
  }

  /** {@return attached take profit: reference price} */
  public TriggerBy takeProfitTriggerBy() {
    return takeProfitTriggerBy;
  }

  /** {@return market orders: the largest slippage accepted} */
  public BigDecimal slippageTolerance() {
    return slippageTolerance;
  }

  /** {@return whether {@code slippageTolerance} is in ticks or percent} */
  public SlippageToleranceType slippageToleranceType() {
    return slippageToleranceType;
  }

  /** {@return spot margin: the order may lend} */
  public Boolean autoLend() {
    return autoLend;
  }

  /** {@return spot margin: the order may redeem a lend} */
  public Boolean autoLendRedeem() {
    return autoLendRedeem;
  }

  /** {@return spot margin: the order may borrow} */
  public Boolean autoBorrow() {
    return autoBorrow;
  }

  /** {@return spot margin: the order may repay a borrow} */
  public Boolean autoBorrowRepay() {
    return autoBorrowRepay;
  }

  /** The values in {@link #NAMES} order, for equality, hashing and {@link #toString()}. */
  private Object[] values() {
    return new Object[] {symbol, side, orderType, quantity, quoteQuantity, price, timeInForce, postOnly, reduceOnly, clientId, selfTradePrevention, triggerPrice, triggerQuantity, triggerBy, stopLossTriggerPrice, stopLossLimitPrice, stopLossTriggerBy, takeProfitTriggerPrice, takeProfitLimitPrice, takeProfitTriggerBy, slippageTolerance, slippageToleranceType, autoLend, autoLendRedeem, autoBorrow, autoBorrowRepay};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderRequest other && Arrays.equals(values(), other.values());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("OrderRequest[");
    Object[] values = values();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append(values[i]);
    }
    return s.append(']').toString();
  }

  /**
   * Starts a limit order.
   *
   * @param symbol market, e.g. {@code SOL_USDC}
   * @param side {@code BID} or {@code ASK}
   * @param quantity base quantity, positive, a multiple of the market's step size
   * @param price limit price, positive, a multiple of the market's tick size
   * @return a builder; call {@link Builder#build()}
   */
  public static Builder limit(String symbol, Side side, BigDecimal quantity, BigDecimal price) {
    Builder b = new Builder(symbol, side, OrderType.LIMIT);
    b.quantity = quantity;
    b.price = price;
    return b;
  }

  /**
   * Starts a market order for a base quantity.
   *
   * @param symbol market, e.g. {@code SOL_USDC_PERP}
   * @param side {@code BID} or {@code ASK}
   * @param quantity base quantity, positive, a multiple of the market's step size
   * @return a builder; call {@link Builder#build()}
   */
  public static Builder marketByQuantity(String symbol, Side side, BigDecimal quantity) {
    Builder b = new Builder(symbol, side, OrderType.MARKET);
    b.quantity = quantity;
    return b;
  }

  /**
   * Starts a market order for a quote amount: spend (bid) or receive (ask) as close to
   * {@code quoteQuantity} as the book allows.
   *
   * @param symbol market, e.g. {@code SOL_USDC}
   * @param side {@code BID} or {@code ASK}
   * @param quoteQuantity quote amount, positive (e.g. USDC)
   * @return a builder; call {@link Builder#build()}
   */
  public static Builder marketByQuoteQuantity(String symbol, Side side, BigDecimal quoteQuantity) {
    Builder b = new Builder(symbol, side, OrderType.MARKET);
    b.quoteQuantity = quoteQuantity;
    return b;
  }

  /**
   * Starts an order whose type is data (from a form, a config file or a tool call): set the amounts
   * with {@link Builder#quantity}, {@link Builder#quoteQuantity} and {@link Builder#price}, and
   * {@link Builder#build()} reports every combination that does not fit the type. Prefer the typed
   * factories ({@link #limit}, {@link #marketByQuantity}, {@link #marketByQuoteQuantity}) in code.
   *
   * @param symbol market, e.g. {@code SOL_USDC}
   * @param side {@code BID} or {@code ASK}
   * @param orderType {@code LIMIT} or {@code MARKET}
   * @return a builder; call {@link Builder#build()}
   */
  public static Builder builder(String symbol, Side side, OrderType orderType) {
    return new Builder(symbol, side, orderType);
  }

  /** {@return a builder holding this request's values, to derive a variant} */
  public Builder toBuilder() {
    Builder b = new Builder(symbol, side, orderType);
    b.quantity = quantity;
    b.quoteQuantity = quoteQuantity;
    b.price = price;
    b.timeInForce = timeInForce;
    b.postOnly = postOnly;
    b.reduceOnly = reduceOnly;
    b.clientId = clientId;
    b.selfTradePrevention = selfTradePrevention;
    b.triggerPrice = triggerPrice;
    b.triggerQuantity = triggerQuantity;
    b.triggerBy = triggerBy;
    b.stopLossTriggerPrice = stopLossTriggerPrice;
    b.stopLossLimitPrice = stopLossLimitPrice;
    b.stopLossTriggerBy = stopLossTriggerBy;
    b.takeProfitTriggerPrice = takeProfitTriggerPrice;
    b.takeProfitLimitPrice = takeProfitLimitPrice;
    b.takeProfitTriggerBy = takeProfitTriggerBy;
    b.slippageTolerance = slippageTolerance;
    b.slippageToleranceType = slippageToleranceType;
    b.autoLend = autoLend;
    b.autoLendRedeem = autoLendRedeem;
    b.autoBorrow = autoBorrow;
    b.autoBorrowRepay = autoBorrowRepay;
    return b;
  }

  /**
   * Checks the request's shape (everything {@link Builder#build()} checks, which is the only way to
   * make a request; the client checks again before sending).
   *
   * @throws ValidationException listing every problem
   */
  public void validate() {
    Problems p = new Problems();
    OrderShape.check(this, p);
    p.throwIfAny();
  }

  // Random, never 0 (a zero id is accepted by the spec but indistinguishable from "unset" in some
  // tools). 32 random bits make a collision with the account's other recent orders negligible.
  static long randomClientId() {
    return 1 + ThreadLocalRandom.current().nextLong(MAX_CLIENT_ID);
  }

  /**
   * Builds an {@link OrderRequest}. Setters only record values; {@link #build()} checks them all. Not
   * thread-safe.
   */
  public static final class Builder {
    private final String symbol;
    private final Side side;
    private final OrderType orderType;
    private BigDecimal quantity;
    private BigDecimal quoteQuantity;
    private BigDecimal price;
    private TimeInForce timeInForce;
    private Boolean postOnly;
    private Boolean reduceOnly;
    private Long clientId;
    private SelfTradePrevention selfTradePrevention;
    private BigDecimal triggerPrice;
    private BigDecimal triggerQuantity;
    private TriggerBy triggerBy;
    private BigDecimal stopLossTriggerPrice;
    private BigDecimal stopLossLimitPrice;
    private TriggerBy stopLossTriggerBy;
    private BigDecimal takeProfitTriggerPrice;
    private BigDecimal takeProfitLimitPrice;
    private TriggerBy takeProfitTriggerBy;
    private BigDecimal slippageTolerance;
    private SlippageToleranceType slippageToleranceType;
    private Boolean autoLend;
    private Boolean autoLendRedeem;
    private Boolean autoBorrow;
    private Boolean autoBorrowRepay;

    private Builder(String symbol, Side side, OrderType orderType) {
      this.symbol = symbol;
      this.side = side;
      this.orderType = orderType;
    }

    /** Sets the base quantity (limit orders; market orders by quantity). @return this */
    public Builder quantity(BigDecimal quantity) {
      this.quantity = quantity;
      return this;
    }

    /** Sets the quote amount to spend or receive (market orders only). @return this */
    public Builder quoteQuantity(BigDecimal quoteQuantity) {
      this.quoteQuantity = quoteQuantity;
      return this;
    }

    /** Sets the limit price (limit orders only). @return this */
    public Builder price(BigDecimal price) {
      this.price = price;
      return this;
    }

    /** Sets how long the order stays: {@code GTC}, {@code IOC} or {@code FOK}. @return this */
    public Builder timeInForce(TimeInForce timeInForce) {
      this.timeInForce = timeInForce;
      return this;
    }

    /** Limit orders only: reject rather than take liquidity. @return this */
    public Builder postOnly(boolean postOnly) {
      this.postOnly = postOnly;
      return this;
    }

    /** Futures only: the order may only reduce the position. @return this */
    public Builder reduceOnly(boolean reduceOnly) {
      this.reduceOnly = reduceOnly;
      return this;
    }

    /** Sets the uint32 custom id (0..4294967295) instead of a random one. @return this */
    public Builder clientId(long clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Sets what happens when the order would trade with the account's own order. @return this */
    public Builder selfTradePrevention(SelfTradePrevention selfTradePrevention) {
      this.selfTradePrevention = selfTradePrevention;
      return this;
    }

    /** Makes this a conditional order that triggers at {@code triggerPrice}; needs {@link #triggerQuantity}. @return this */
    public Builder triggerPrice(BigDecimal triggerPrice) {
      this.triggerPrice = triggerPrice;
      return this;
    }

    /** The quantity of a conditional order; needs {@link #triggerPrice}. @return this */
    public Builder triggerQuantity(BigDecimal triggerQuantity) {
      this.triggerQuantity = triggerQuantity;
      return this;
    }

    /** The reference price for {@code triggerPrice}. @return this */
    public Builder triggerBy(TriggerBy triggerBy) {
      this.triggerBy = triggerBy;
      return this;
    }

    /** Attaches a stop loss that triggers at {@code triggerPrice}. @return this */
    public Builder stopLossTriggerPrice(BigDecimal triggerPrice) {
      this.stopLossTriggerPrice = triggerPrice;
      return this;
    }

    /** Makes the attached stop loss a limit order at {@code limitPrice}. @return this */
    public Builder stopLossLimitPrice(BigDecimal limitPrice) {
      this.stopLossLimitPrice = limitPrice;
      return this;
    }

    /** The reference price of the stop loss trigger. @return this */
    public Builder stopLossTriggerBy(TriggerBy triggerBy) {
      this.stopLossTriggerBy = triggerBy;
      return this;
    }

    /** Attaches a take profit that triggers at {@code triggerPrice}. @return this */
    public Builder takeProfitTriggerPrice(BigDecimal triggerPrice) {
      this.takeProfitTriggerPrice = triggerPrice;
      return this;
    }

    /** Makes the attached take profit a limit order at {@code limitPrice}. @return this */
    public Builder takeProfitLimitPrice(BigDecimal limitPrice) {
      this.takeProfitLimitPrice = limitPrice;
      return this;
    }

    /** The reference price of the take profit trigger. @return this */
    public Builder takeProfitTriggerBy(TriggerBy triggerBy) {
      this.takeProfitTriggerBy = triggerBy;
      return this;
    }

    /** Market orders: the largest slippage accepted, in ticks or percent. @return this */
    public Builder slippageTolerance(BigDecimal tolerance, SlippageToleranceType type) {
      this.slippageTolerance = tolerance;
      this.slippageToleranceType = type;
      return this;
    }

    /** Spot margin: allow the order to lend. @return this */
    public Builder autoLend(boolean autoLend) {
      this.autoLend = autoLend;
      return this;
    }

    /** Spot margin: allow the order to redeem a lend. @return this */
    public Builder autoLendRedeem(boolean autoLendRedeem) {
      this.autoLendRedeem = autoLendRedeem;
      return this;
    }

    /** Spot margin: allow the order to borrow. @return this */
    public Builder autoBorrow(boolean autoBorrow) {
      this.autoBorrow = autoBorrow;
      return this;
    }

    /** Spot margin: allow the order to repay a borrow. @return this */
    public Builder autoBorrowRepay(boolean autoBorrowRepay) {
      this.autoBorrowRepay = autoBorrowRepay;
      return this;
    }

    /**
     * {@return the checked request; a random {@code clientId} is assigned when none was set}
     *
     * @throws ValidationException listing every problem found
     */
    public OrderRequest build() {
      OrderRequest request = new OrderRequest(this);
      request.validate();
      return request;
    }
  }
}
