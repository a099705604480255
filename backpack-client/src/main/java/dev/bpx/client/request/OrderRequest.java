package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SlippageToleranceType;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import java.math.BigDecimal;
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
 * <p>Immutable and thread-safe; the builder is not thread-safe. Prefer the factories to the canonical
 * constructor, which does not validate (the client validates every request before sending anyway).
 *
 * @param symbol market, e.g. {@code SOL_USDC} or {@code SOL_USDC_PERP}
 * @param side {@code BID} buys, {@code ASK} sells
 * @param orderType {@code LIMIT} or {@code MARKET}
 * @param quantity base quantity, or null for a market order by quote quantity
 * @param quoteQuantity market orders only: the quote amount to spend (bid) or receive (ask)
 * @param price limit price; null for market orders
 * @param timeInForce GTC (default on the exchange), IOC or FOK; null to leave it to the exchange
 * @param postOnly limit orders only: reject instead of taking liquidity
 * @param reduceOnly futures only: may only reduce the position
 * @param clientId uint32 custom id (0..4294967295); generated when null
 * @param selfTradePrevention what to do when the order would trade with the account's own order
 * @param triggerPrice makes it a conditional order that triggers at this price
 * @param triggerQuantity the quantity of a conditional order
 * @param triggerBy the reference price for {@code triggerPrice}
 * @param stopLossTriggerPrice attached stop loss: trigger price
 * @param stopLossLimitPrice attached stop loss: limit price (else a market order)
 * @param stopLossTriggerBy attached stop loss: reference price
 * @param takeProfitTriggerPrice attached take profit: trigger price
 * @param takeProfitLimitPrice attached take profit: limit price (else a market order)
 * @param takeProfitTriggerBy attached take profit: reference price
 * @param slippageTolerance market orders: the largest slippage accepted
 * @param slippageToleranceType whether {@code slippageTolerance} is in ticks or percent
 * @param autoLend spot margin: the order may lend
 * @param autoLendRedeem spot margin: the order may redeem a lend
 * @param autoBorrow spot margin: the order may borrow
 * @param autoBorrowRepay spot margin: the order may repay a borrow
 */
public record OrderRequest(
    String symbol,
    Side side,
    OrderType orderType,
    BigDecimal quantity,
    BigDecimal quoteQuantity,
    BigDecimal price,
    TimeInForce timeInForce,
    Boolean postOnly,
    Boolean reduceOnly,
    Long clientId,
    SelfTradePrevention selfTradePrevention,
    BigDecimal triggerPrice,
    BigDecimal triggerQuantity,
    TriggerBy triggerBy,
    BigDecimal stopLossTriggerPrice,
    BigDecimal stopLossLimitPrice,
    TriggerBy stopLossTriggerBy,
    BigDecimal takeProfitTriggerPrice,
    BigDecimal takeProfitLimitPrice,
    TriggerBy takeProfitTriggerBy,
    BigDecimal slippageTolerance,
    SlippageToleranceType slippageToleranceType,
    Boolean autoLend,
    Boolean autoLendRedeem,
    Boolean autoBorrow,
    Boolean autoBorrowRepay) {

  /** The largest {@code clientId} Backpack accepts (uint32). */
  public static final long MAX_CLIENT_ID = 0xFFFF_FFFFL;

  /** Fills in a random {@code clientId} when none is given. */
  public OrderRequest {
    if (clientId == null) {
      clientId = randomClientId();
    }
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
   * Checks the request's shape (everything {@link Builder#build()} checks). The client calls this
   * before sending, so a request made with the canonical constructor is checked too.
   *
   * @throws ValidationException listing every problem
   */
  public void validate() {
    Problems p = new Problems();
    p.requireSymbol("symbol", symbol);
    p.requireValue("side", side, "use Side.BID to buy or Side.ASK to sell");
    p.known("side", side);
    p.requireValue("orderType", orderType, "use OrderRequest.limit(...) or OrderRequest.marketByQuantity(...)");
    p.known("orderType", orderType);
    p.known("timeInForce", timeInForce);
    p.known("selfTradePrevention", selfTradePrevention);
    p.known("triggerBy", triggerBy);
    p.known("stopLossTriggerBy", stopLossTriggerBy);
    p.known("takeProfitTriggerBy", takeProfitTriggerBy);
    p.known("slippageToleranceType", slippageToleranceType);

    p.positive("quantity", quantity);
    p.positive("quoteQuantity", quoteQuantity);
    p.positive("price", price);
    p.positive("triggerPrice", triggerPrice);
    p.positive("triggerQuantity", triggerQuantity);
    p.positive("stopLossTriggerPrice", stopLossTriggerPrice);
    p.positive("stopLossLimitPrice", stopLossLimitPrice);
    p.positive("takeProfitTriggerPrice", takeProfitTriggerPrice);
    p.positive("takeProfitLimitPrice", takeProfitLimitPrice);
    p.positive("slippageTolerance", slippageTolerance);

    if (orderType == OrderType.LIMIT) {
      p.requireValue("price", price, "a limit order needs a price");
      p.requireValue("quantity", quantity, "a limit order needs a quantity");
      if (quoteQuantity != null) {
        p.add("quoteQuantity", "is only for market orders",
            "remove it, or use OrderRequest.marketByQuoteQuantity(...)");
      }
      if (slippageTolerance != null || slippageToleranceType != null) {
        p.add("slippageTolerance", "is only for market orders", "remove it; a limit price already bounds the fill");
      }
    } else if (orderType == OrderType.MARKET) {
      if (price != null) {
        p.add("price", "a market order has no price", "remove it, or use OrderRequest.limit(...) for a price limit");
      }
      if (quantity == null && quoteQuantity == null) {
        p.add("quantity", "a market order needs quantity or quoteQuantity",
            "use OrderRequest.marketByQuantity(...) or marketByQuoteQuantity(...)");
      } else if (quantity != null && quoteQuantity != null) {
        p.add("quoteQuantity", "cannot be combined with quantity", "give either quantity or quoteQuantity, not both");
      }
      if (Boolean.TRUE.equals(postOnly)) {
        p.add("postOnly", "is only for limit orders", "remove it, or place a limit order");
      }
    }
    if (Boolean.TRUE.equals(postOnly) && (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)) {
      p.add("postOnly", "cannot be combined with timeInForce " + timeInForce,
          "a post-only order rests on the book: use GTC, or drop postOnly");
    }
    if ((triggerPrice == null) != (triggerQuantity == null)) {
      p.add(triggerPrice == null ? "triggerPrice" : "triggerQuantity",
          "triggerPrice and triggerQuantity go together", "give both, or neither");
    }
    if (triggerBy != null && triggerPrice == null) {
      p.add("triggerBy", "is set without triggerPrice", "set triggerPrice, or remove triggerBy");
    }
    attached(p, "stopLoss", stopLossTriggerPrice, stopLossLimitPrice, stopLossTriggerBy);
    attached(p, "takeProfit", takeProfitTriggerPrice, takeProfitLimitPrice, takeProfitTriggerBy);
    if ((slippageTolerance == null) != (slippageToleranceType == null)) {
      p.add(slippageTolerance == null ? "slippageTolerance" : "slippageToleranceType",
          "slippageTolerance and slippageToleranceType go together", "give both, or neither");
    }
    if (clientId != null && (clientId < 0 || clientId > MAX_CLIENT_ID)) {
      p.add("clientId", clientId + " is outside the uint32 range 0.." + MAX_CLIENT_ID,
          "use a number from 0 to " + MAX_CLIENT_ID + ", or leave it unset to get a random one");
    }
    p.throwIfAny();
  }

  private static void attached(Problems p, String prefix, BigDecimal trigger, BigDecimal limit, TriggerBy by) {
    if (trigger == null && limit != null) {
      p.add(prefix + "LimitPrice", "is set without " + prefix + "TriggerPrice",
          "set " + prefix + "TriggerPrice too; the limit price applies once it triggers");
    }
    if (trigger == null && by != null) {
      p.add(prefix + "TriggerBy", "is set without " + prefix + "TriggerPrice",
          "set " + prefix + "TriggerPrice, or remove " + prefix + "TriggerBy");
    }
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
      OrderRequest request =
          new OrderRequest(symbol, side, orderType, quantity, quoteQuantity, price, timeInForce, postOnly,
              reduceOnly, clientId, selfTradePrevention, triggerPrice, triggerQuantity, triggerBy,
              stopLossTriggerPrice, stopLossLimitPrice, stopLossTriggerBy, takeProfitTriggerPrice,
              takeProfitLimitPrice, takeProfitTriggerBy, slippageTolerance, slippageToleranceType, autoLend,
              autoLendRedeem, autoBorrow, autoBorrowRepay);
      request.validate();
      return request;
    }
  }
}
