package dev.bpx.client.request;

import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import java.math.BigDecimal;

/**
 * The shape rules of an {@link OrderRequest}: required fields per order type, exclusive fields, positive
 * amounts, {@code UNKNOWN} enums, post-only only on limit orders, trigger / take-profit / stop-loss
 * pairs, the {@code clientId} range. The market's own filters are {@link MarketRules}.
 */
final class OrderShape {
  private OrderShape() {}

  /** Adds every problem of {@code r} to {@code p}. */
  static void check(OrderRequest r, Problems p) {
    p.requireSymbol("symbol", r.symbol());
    p.requireValue("side", r.side(), "use Side.BID to buy or Side.ASK to sell");
    p.known("side", r.side());
    p.requireValue("orderType", r.orderType(), "use OrderRequest.limit(...) or OrderRequest.marketByQuantity(...)");
    p.known("orderType", r.orderType());
    p.known("timeInForce", r.timeInForce());
    p.known("selfTradePrevention", r.selfTradePrevention());
    p.known("triggerBy", r.triggerBy());
    p.known("stopLossTriggerBy", r.stopLossTriggerBy());
    p.known("takeProfitTriggerBy", r.takeProfitTriggerBy());
    p.known("slippageToleranceType", r.slippageToleranceType());

    p.positive("quantity", r.quantity());
    p.positive("quoteQuantity", r.quoteQuantity());
    p.positive("price", r.price());
    p.positive("triggerPrice", r.triggerPrice());
    p.positive("triggerQuantity", r.triggerQuantity());
    p.positive("stopLossTriggerPrice", r.stopLossTriggerPrice());
    p.positive("stopLossLimitPrice", r.stopLossLimitPrice());
    p.positive("takeProfitTriggerPrice", r.takeProfitTriggerPrice());
    p.positive("takeProfitLimitPrice", r.takeProfitLimitPrice());
    p.positive("slippageTolerance", r.slippageTolerance());

    if (r.orderType() == OrderType.LIMIT) {
      p.requireValue("price", r.price(), "a limit order needs a price");
      p.requireValue("quantity", r.quantity(), "a limit order needs a quantity");
      if (r.quoteQuantity() != null) {
        p.add("quoteQuantity", "is only for market orders",
            "remove it, or use OrderRequest.marketByQuoteQuantity(...)");
      }
      if (r.slippageTolerance() != null || r.slippageToleranceType() != null) {
        p.add("slippageTolerance", "is only for market orders", "remove it; a limit price already bounds the fill");
      }
    } else if (r.orderType() == OrderType.MARKET) {
      if (r.price() != null) {
        p.add("price", "a market order has no price", "remove it, or use OrderRequest.limit(...) for a price limit");
      }
      if (r.quantity() == null && r.quoteQuantity() == null) {
        p.add("quantity", "a market order needs quantity or quoteQuantity",
            "use OrderRequest.marketByQuantity(...) or marketByQuoteQuantity(...)");
      } else if (r.quantity() != null && r.quoteQuantity() != null) {
        p.add("quoteQuantity", "cannot be combined with quantity", "give either quantity or quoteQuantity, not both");
      }
      if (Boolean.TRUE.equals(r.postOnly())) {
        p.add("postOnly", "is only for limit orders", "remove it, or place a limit order");
      }
    }
    if (Boolean.TRUE.equals(r.postOnly()) && (r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK)) {
      p.add("postOnly", "cannot be combined with timeInForce " + r.timeInForce(),
          "a post-only order rests on the book: use GTC, or drop postOnly");
    }
    if ((r.triggerPrice() == null) != (r.triggerQuantity() == null)) {
      p.add(r.triggerPrice() == null ? "triggerPrice" : "triggerQuantity",
          "triggerPrice and triggerQuantity go together", "give both, or neither");
    }
    if (r.triggerBy() != null && r.triggerPrice() == null) {
      p.add("triggerBy", "is set without triggerPrice", "set triggerPrice, or remove triggerBy");
    }
    attached(p, "stopLoss", r.stopLossTriggerPrice(), r.stopLossLimitPrice(), r.stopLossTriggerBy());
    attached(p, "takeProfit", r.takeProfitTriggerPrice(), r.takeProfitLimitPrice(), r.takeProfitTriggerBy());
    if ((r.slippageTolerance() == null) != (r.slippageToleranceType() == null)) {
      p.add(r.slippageTolerance() == null ? "slippageTolerance" : "slippageToleranceType",
          "slippageTolerance and slippageToleranceType go together", "give both, or neither");
    }
    if (r.clientId() != null && (r.clientId() < 0 || r.clientId() > OrderRequest.MAX_CLIENT_ID)) {
      p.add("clientId", r.clientId() + " is outside the uint32 range 0.." + OrderRequest.MAX_CLIENT_ID,
          "use a number from 0 to " + OrderRequest.MAX_CLIENT_ID + ", or leave it unset to get a random one");
    }
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
}
