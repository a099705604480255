package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SlippageToleranceType;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import java.math.BigDecimal;

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
  /** The largest {@code clientId} Backpack accepts (uint32). */
  public static final long MAX_CLIENT_ID = 0xFFFF_FFFFL;

  /** This request's own copy: nothing writes to it after the constructor. */
  private final OrderValues values;

  private OrderRequest(Builder b) {
    this.values = b.values.copyWithClientId();
  }

  /** {@return market, e.g. {@code SOL_USDC}} */
  public String symbol() {
    return values.symbol;
  }

  /** {@return {@code BID} or {@code ASK}} */
  public Side side() {
    return values.side;
  }

  /** {@return {@code LIMIT} or {@code MARKET}} */
  public OrderType orderType() {
    return values.orderType;
  }

  /** {@return base quantity, positive, a multiple of the market's step size} */
  public BigDecimal quantity() {
    return values.quantity;
  }

  /** {@return quote amount, positive (e.g. USDC)} */
  public BigDecimal quoteQuantity() {
    return values.quoteQuantity;
  }

  /** {@return limit price, positive, a multiple of the market's tick size} */
  public BigDecimal price() {
    return values.price;
  }

  /** {@return GTC (default on the exchange), IOC or FOK; null to leave it to the exchange} */
  public TimeInForce timeInForce() {
    return values.timeInForce;
  }

  /** {@return limit orders only: reject instead of taking liquidity} */
  public Boolean postOnly() {
    return values.postOnly;
  }

  /** {@return futures only: may only reduce the position} */
  public Boolean reduceOnly() {
    return values.reduceOnly;
  }

  /** {@return uint32 custom id (0..4294967295); generated when null} */
  public Long clientId() {
    return values.clientId;
  }

  /** {@return what to do when the order would trade with the account's own order} */
  public SelfTradePrevention selfTradePrevention() {
    return values.selfTradePrevention;
  }

  /** {@return makes it a conditional order that triggers at this price} */
  public BigDecimal triggerPrice() {
    return values.triggerPrice;
  }

  /** {@return the quantity of a conditional order} */
  public BigDecimal triggerQuantity() {
    return values.triggerQuantity;
  }

  /** {@return the reference price for {@code triggerPrice}} */
  public TriggerBy triggerBy() {
    return values.triggerBy;
  }

  /** {@return attached stop loss: trigger price} */
  public BigDecimal stopLossTriggerPrice() {
    return values.stopLossTriggerPrice;
  }

  /** {@return attached stop loss: limit price (else a market order)} */
  public BigDecimal stopLossLimitPrice() {
    return values.stopLossLimitPrice;
  }

  /** {@return attached stop loss: reference price} */
  public TriggerBy stopLossTriggerBy() {
    return values.stopLossTriggerBy;
  }

  /** {@return attached take profit: trigger price} */
  public BigDecimal takeProfitTriggerPrice() {
    return values.takeProfitTriggerPrice;
  }

  /** {@return attached take profit: limit price (else a market order)} */
  public BigDecimal takeProfitLimitPrice() {
    return values.takeProfitLimitPrice;
  }

  /** {@return attached take profit: reference price} */
  public TriggerBy takeProfitTriggerBy() {
    return values.takeProfitTriggerBy;
  }

  /** {@return market orders: the largest slippage accepted} */
  public BigDecimal slippageTolerance() {
    return values.slippageTolerance;
  }

  /** {@return whether {@code slippageTolerance} is in ticks or percent} */
  public SlippageToleranceType slippageToleranceType() {
    return values.slippageToleranceType;
  }

  /** {@return spot margin: the order may lend} */
  public Boolean autoLend() {
    return values.autoLend;
  }

  /** {@return spot margin: the order may redeem a lend} */
  public Boolean autoLendRedeem() {
    return values.autoLendRedeem;
  }

  /** {@return spot margin: the order may borrow} */
  public Boolean autoBorrow() {
    return values.autoBorrow;
  }

  /** {@return spot margin: the order may repay a borrow} */
  public Boolean autoBorrowRepay() {
    return values.autoBorrowRepay;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderRequest other && values.sameAs(other.values);
  }

  @Override
  public int hashCode() {
    return values.hash();
  }

  @Override
  public String toString() {
    return values.describe("OrderRequest");
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
    return new Builder(new OrderValues(symbol, side, OrderType.LIMIT)).quantity(quantity).price(price);
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
    return new Builder(new OrderValues(symbol, side, OrderType.MARKET)).quantity(quantity);
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
    return new Builder(new OrderValues(symbol, side, OrderType.MARKET)).quoteQuantity(quoteQuantity);
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
    return new Builder(new OrderValues(symbol, side, orderType));
  }

  /** {@return a builder holding this request's values, to derive a variant} */
  public Builder toBuilder() {
    return new Builder(values.copy());
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

  /**
   * Builds an {@link OrderRequest}. Setters only record values; {@link #build()} checks them all. Not
   * thread-safe.
   */
  public static final class Builder {
    private final OrderValues values;

    private Builder(OrderValues values) {
      this.values = values;
    }

    /** Sets the base quantity (limit orders; market orders by quantity). @return this */
    public Builder quantity(BigDecimal quantity) {
      values.quantity = quantity;
      return this;
    }

    /** Sets the quote amount to spend or receive (market orders only). @return this */
    public Builder quoteQuantity(BigDecimal quoteQuantity) {
      values.quoteQuantity = quoteQuantity;
      return this;
    }

    /** Sets the limit price (limit orders only). @return this */
    public Builder price(BigDecimal price) {
      values.price = price;
      return this;
    }

    /** Sets how long the order stays: {@code GTC}, {@code IOC} or {@code FOK}. @return this */
    public Builder timeInForce(TimeInForce timeInForce) {
      values.timeInForce = timeInForce;
      return this;
    }

    /** Limit orders only: reject rather than take liquidity. @return this */
    public Builder postOnly(boolean postOnly) {
      values.postOnly = postOnly;
      return this;
    }

    /** Futures only: the order may only reduce the position. @return this */
    public Builder reduceOnly(boolean reduceOnly) {
      values.reduceOnly = reduceOnly;
      return this;
    }

    /** Sets the uint32 custom id (0..4294967295) instead of a random one. @return this */
    public Builder clientId(long clientId) {
      values.clientId = clientId;
      return this;
    }

    /** Sets what happens when the order would trade with the account's own order. @return this */
    public Builder selfTradePrevention(SelfTradePrevention selfTradePrevention) {
      values.selfTradePrevention = selfTradePrevention;
      return this;
    }

    /** Makes this a conditional order that triggers at {@code triggerPrice}; needs {@link #triggerQuantity}. @return this */
    public Builder triggerPrice(BigDecimal triggerPrice) {
      values.triggerPrice = triggerPrice;
      return this;
    }

    /** The quantity of a conditional order; needs {@link #triggerPrice}. @return this */
    public Builder triggerQuantity(BigDecimal triggerQuantity) {
      values.triggerQuantity = triggerQuantity;
      return this;
    }

    /** The reference price for {@code triggerPrice}. @return this */
    public Builder triggerBy(TriggerBy triggerBy) {
      values.triggerBy = triggerBy;
      return this;
    }

    /** Attaches a stop loss that triggers at {@code triggerPrice}. @return this */
    public Builder stopLossTriggerPrice(BigDecimal triggerPrice) {
      values.stopLossTriggerPrice = triggerPrice;
      return this;
    }

    /** Makes the attached stop loss a limit order at {@code limitPrice}. @return this */
    public Builder stopLossLimitPrice(BigDecimal limitPrice) {
      values.stopLossLimitPrice = limitPrice;
      return this;
    }

    /** The reference price of the stop loss trigger. @return this */
    public Builder stopLossTriggerBy(TriggerBy triggerBy) {
      values.stopLossTriggerBy = triggerBy;
      return this;
    }

    /** Attaches a take profit that triggers at {@code triggerPrice}. @return this */
    public Builder takeProfitTriggerPrice(BigDecimal triggerPrice) {
      values.takeProfitTriggerPrice = triggerPrice;
      return this;
    }

    /** Makes the attached take profit a limit order at {@code limitPrice}. @return this */
    public Builder takeProfitLimitPrice(BigDecimal limitPrice) {
      values.takeProfitLimitPrice = limitPrice;
      return this;
    }

    /** The reference price of the take profit trigger. @return this */
    public Builder takeProfitTriggerBy(TriggerBy triggerBy) {
      values.takeProfitTriggerBy = triggerBy;
      return this;
    }

    /** Market orders: the largest slippage accepted, in ticks or percent. @return this */
    public Builder slippageTolerance(BigDecimal tolerance, SlippageToleranceType type) {
      values.slippageTolerance = tolerance;
      values.slippageToleranceType = type;
      return this;
    }

    /** Spot margin: allow the order to lend. @return this */
    public Builder autoLend(boolean autoLend) {
      values.autoLend = autoLend;
      return this;
    }

    /** Spot margin: allow the order to redeem a lend. @return this */
    public Builder autoLendRedeem(boolean autoLendRedeem) {
      values.autoLendRedeem = autoLendRedeem;
      return this;
    }

    /** Spot margin: allow the order to borrow. @return this */
    public Builder autoBorrow(boolean autoBorrow) {
      values.autoBorrow = autoBorrow;
      return this;
    }

    /** Spot margin: allow the order to repay a borrow. @return this */
    public Builder autoBorrowRepay(boolean autoBorrowRepay) {
      values.autoBorrowRepay = autoBorrowRepay;
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
