package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.TriggerBy;
import java.math.BigDecimal;

/**
 * The two order shapes: the {@code /api/v1/order(s)} object (ms {@code createdAt}, fields of
 * {@code LimitOrder} or {@code MarketOrder} by {@code orderType}) and the history object of
 * {@code /wapi/v1/history/orders} (naive {@code createdAt}, {@code expiryReason}, no
 * {@code reduceOnly}). Every field of the schema is written, null when empty.
 */
final class OrderJson {
  private OrderJson() {}

  static void write(JsonWriter w, Order o, MarketSpec m) {
    w.beginObject();
    w.field("orderType", o.type().name());
    w.field("id", Long.toString(o.id()));
    w.field("clientId", o.clientId());
    w.field("symbol", o.symbol());
    w.field("side", o.side().name());
    w.field("status", o.status().name());
    w.field("timeInForce", o.timeInForce().name());
    w.field("selfTradePrevention", o.selfTradePrevention().name());
    w.field("createdAt", o.createdAt());
    w.field("quantity", quantityShown(o, m));
    if (o.type() == OrderType.Limit) {
      w.field("price", Fmt.price(m, o.price()));
      w.field("postOnly", o.postOnly());
    } else {
      w.field("quoteQuantity", o.quoteQuantity() == null ? quoteEstimate(o) : Fmt.amount(o.quoteQuantity()));
      w.field("slippageTolerance", (String) null);
      w.field("slippageToleranceType", (String) null);
    }
    w.field("executedQuantity", Fmt.quantity(m, o.executedQuantity()));
    w.field("executedQuoteQuantity", Fmt.amount(o.executedQuoteQuantity()));
    w.field("reduceOnly", o.reduceOnly());
    w.field("relatedOrderId", o.relatedOrderId() == null ? null : o.relatedOrderId().toString());
    w.field("strategyId", (String) null);
    triggerFields(w, o, m);
    w.field("triggeredAt", o.triggeredAt());
    w.endObject();
  }

  static void writeHistory(JsonWriter w, Order o, MarketSpec m) {
    w.beginObject();
    w.field("id", Long.toString(o.id()));
    w.field("createdAt", Fmt.naive(o.createdAt()));
    w.field("orderType", o.type().name());
    w.field("symbol", o.symbol());
    w.field("side", o.side().name());
    w.field("status", o.status().name());
    w.field("timeInForce", o.timeInForce().name());
    w.field("selfTradePrevention", o.selfTradePrevention().name());
    w.field("clientId", o.clientId());
    w.field("executedQuantity", Fmt.quantity(m, o.executedQuantity()));
    w.field("executedQuoteQuantity", Fmt.amount(o.executedQuoteQuantity()));
    w.field("expiryReason", o.expiryReason());
    w.field("postOnly", o.type() == OrderType.Limit ? Boolean.valueOf(o.postOnly()) : null);
    w.field("price", Fmt.price(m, o.price()));
    w.field("quantity", quantityShown(o, m));
    w.field("quoteQuantity", o.quoteQuantity() != null ? Fmt.amount(o.quoteQuantity())
        : o.type() == OrderType.Limit && o.quantity() != null && o.price() != null
            ? Fmt.amount(o.quantity().multiply(o.price())) : quoteEstimate(o));
    w.field("systemOrderType", o.systemOrderType());
    w.field("strategyId", (String) null);
    w.field("slippageTolerance", (String) null);
    w.field("slippageToleranceType", (String) null);
    triggerFields(w, o, m);
    w.endObject();
  }

  private static void triggerFields(JsonWriter w, Order o, MarketSpec m) {
    w.field("triggerBy", o.triggerPrice() == null ? null : name(TriggerBy.ofTrigger(o.triggerBy())));
    w.field("triggerPrice", Fmt.price(m, o.triggerPrice()));
    w.field("triggerQuantity", o.triggerQuantity());
    w.field("stopLossTriggerPrice", Fmt.price(m, o.stopLossTriggerPrice()));
    w.field("stopLossLimitPrice", Fmt.price(m, o.stopLossLimitPrice()));
    w.field("stopLossTriggerBy", o.stopLossTriggerPrice() == null ? null
        : name(TriggerBy.ofAttached(o.stopLossTriggerBy(), m.isPerp())));
    w.field("takeProfitTriggerPrice", Fmt.price(m, o.takeProfitTriggerPrice()));
    w.field("takeProfitLimitPrice", Fmt.price(m, o.takeProfitLimitPrice()));
    w.field("takeProfitTriggerBy", o.takeProfitTriggerPrice() == null ? null
        : name(TriggerBy.ofAttached(o.takeProfitTriggerBy(), m.isPerp())));
  }

  /** A pending trigger shows {@code "0"} (S3 capture); a market order by quote shows null. */
  private static String quantityShown(Order o, MarketSpec m) {
    if (o.status() == OrderStatus.TriggerPending) {
      return "0";
    }
    if (o.quantity() == null) {
      return o.type() == OrderType.Limit ? "0" : null;
    }
    return Fmt.quantity(m, o.quantity());
  }

  private static String quoteEstimate(Order o) {
    BigDecimal q = o.executedQuoteQuantity();
    return q.signum() == 0 ? null : Fmt.amount(q);
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
