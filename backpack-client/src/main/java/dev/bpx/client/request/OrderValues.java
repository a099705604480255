package dev.bpx.client.request;

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
 * The values of an {@link OrderRequest}, held in one place for the request and its builder: the builder
 * fills one in, and a request keeps its own copy that nothing writes after the request is made (which
 * is what keeps the request immutable). Field names are the wire names. Not thread-safe by itself; a
 * request holds its copy in a final field, whose freeze at the end of the constructor makes the copy's
 * values visible to every thread (JLS 17.5), so the request is thread-safe.
 */
final class OrderValues {
  /** The names of the values, in declaration order. */
  private static final String[] NAMES = {"symbol", "side", "orderType", "quantity", "quoteQuantity", "price", "timeInForce", "postOnly", "reduceOnly", "clientId", "selfTradePrevention", "triggerPrice", "triggerQuantity", "triggerBy", "stopLossTriggerPrice", "stopLossLimitPrice", "stopLossTriggerBy", "takeProfitTriggerPrice", "takeProfitLimitPrice", "takeProfitTriggerBy", "slippageTolerance", "slippageToleranceType", "autoLend", "autoLendRedeem", "autoBorrow", "autoBorrowRepay"};

  final String symbol;
  final Side side;
  final OrderType orderType;
  BigDecimal quantity;
  BigDecimal quoteQuantity;
  BigDecimal price;
  TimeInForce timeInForce;
  Boolean postOnly;
  Boolean reduceOnly;
  Long clientId;
  SelfTradePrevention selfTradePrevention;
  BigDecimal triggerPrice;
  BigDecimal triggerQuantity;
  TriggerBy triggerBy;
  BigDecimal stopLossTriggerPrice;
  BigDecimal stopLossLimitPrice;
  TriggerBy stopLossTriggerBy;
  BigDecimal takeProfitTriggerPrice;
  BigDecimal takeProfitLimitPrice;
  TriggerBy takeProfitTriggerBy;
  BigDecimal slippageTolerance;
  SlippageToleranceType slippageToleranceType;
  Boolean autoLend;
  Boolean autoLendRedeem;
  Boolean autoBorrow;
  Boolean autoBorrowRepay;

  OrderValues(String symbol, Side side, OrderType orderType) {
    this.symbol = symbol;
    this.side = side;
    this.orderType = orderType;
  }

  /** {@return a copy to write to without touching this one} */
  OrderValues copy() {
    OrderValues c = new OrderValues(symbol, side, orderType);
    c.quantity = quantity;
    c.quoteQuantity = quoteQuantity;
    c.price = price;
    c.timeInForce = timeInForce;
    c.postOnly = postOnly;
    c.reduceOnly = reduceOnly;
    c.clientId = clientId;
    c.selfTradePrevention = selfTradePrevention;
    c.triggerPrice = triggerPrice;
    c.triggerQuantity = triggerQuantity;
    c.triggerBy = triggerBy;
    c.stopLossTriggerPrice = stopLossTriggerPrice;
    c.stopLossLimitPrice = stopLossLimitPrice;
    c.stopLossTriggerBy = stopLossTriggerBy;
    c.takeProfitTriggerPrice = takeProfitTriggerPrice;
    c.takeProfitLimitPrice = takeProfitLimitPrice;
    c.takeProfitTriggerBy = takeProfitTriggerBy;
    c.slippageTolerance = slippageTolerance;
    c.slippageToleranceType = slippageToleranceType;
    c.autoLend = autoLend;
    c.autoLendRedeem = autoLendRedeem;
    c.autoBorrow = autoBorrow;
    c.autoBorrowRepay = autoBorrowRepay;
    return c;
  }

  /** {@return a copy for a request: the {@code clientId} given, or a random one when none is} */
  OrderValues copyWithClientId() {
    OrderValues c = copy();
    if (c.clientId == null) {
      c.clientId = randomClientId();
    }
    return c;
  }

  // Random, never 0 (a zero id is accepted by the spec but indistinguishable from "unset" in some
  // tools). 32 random bits make a collision with the account's other recent orders negligible.
  private static long randomClientId() {
    return 1 + ThreadLocalRandom.current().nextLong(OrderRequest.MAX_CLIENT_ID);
  }

  /** The values in {@link #NAMES} order, for equality, hashing and {@link #describe}. */
  private Object[] values() {
    return new Object[] {symbol, side, orderType, quantity, quoteQuantity, price, timeInForce, postOnly, reduceOnly, clientId, selfTradePrevention, triggerPrice, triggerQuantity, triggerBy, stopLossTriggerPrice, stopLossLimitPrice, stopLossTriggerBy, takeProfitTriggerPrice, takeProfitLimitPrice, takeProfitTriggerBy, slippageTolerance, slippageToleranceType, autoLend, autoLendRedeem, autoBorrow, autoBorrowRepay};
  }

  boolean sameAs(OrderValues other) {
    return Arrays.equals(values(), other.values());
  }

  int hash() {
    return Arrays.hashCode(values());
  }

  /** {@return {@code type[name=value, ...]} with every value, in declaration order} */
  String describe(String type) {
    StringBuilder s = new StringBuilder(type).append('[');
    Object[] values = values();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append(values[i]);
    }
    return s.append(']').toString();
  }
}
