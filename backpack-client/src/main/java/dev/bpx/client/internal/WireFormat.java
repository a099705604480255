package dev.bpx.client.internal;

import dev.bpx.client.model.WireEnum;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.client.request.HistoryQuery;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns request objects into what goes on the wire ({@code backpack-api.md} 1.2, 4.1): JSON bodies
 * whose decimals are strings ({@code toPlainString()}), booleans JSON booleans, {@code clientId} a
 * number; and query maps of raw (not yet URL-encoded) text. Absent values are left out of both, so
 * they are left out of the signature too. Thread-safe (stateless).
 */
public final class WireFormat {
  private WireFormat() {}

  /** {@return the JSON body of {@code POST /api/v1/order} for {@code request}} */
  public static Map<String, Object> order(OrderRequest r) {
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "symbol", r.symbol());
    put(body, "side", r.side());
    put(body, "orderType", r.orderType());
    put(body, "quantity", r.quantity());
    put(body, "quoteQuantity", r.quoteQuantity());
    put(body, "price", r.price());
    put(body, "timeInForce", r.timeInForce());
    put(body, "postOnly", r.postOnly());
    put(body, "reduceOnly", r.reduceOnly());
    put(body, "clientId", r.clientId());
    put(body, "selfTradePrevention", r.selfTradePrevention());
    put(body, "triggerPrice", r.triggerPrice());
    put(body, "triggerQuantity", r.triggerQuantity());
    put(body, "triggerBy", r.triggerBy());
    put(body, "stopLossTriggerPrice", r.stopLossTriggerPrice());
    put(body, "stopLossLimitPrice", r.stopLossLimitPrice());
    put(body, "stopLossTriggerBy", r.stopLossTriggerBy());
    put(body, "takeProfitTriggerPrice", r.takeProfitTriggerPrice());
    put(body, "takeProfitLimitPrice", r.takeProfitLimitPrice());
    put(body, "takeProfitTriggerBy", r.takeProfitTriggerBy());
    put(body, "slippageTolerance", r.slippageTolerance());
    put(body, "slippageToleranceType", r.slippageToleranceType());
    put(body, "autoLend", r.autoLend());
    put(body, "autoLendRedeem", r.autoLendRedeem());
    put(body, "autoBorrow", r.autoBorrow());
    put(body, "autoBorrowRepay", r.autoBorrowRepay());
    return body;
  }

  /** {@return the JSON body of {@code PATCH /api/v1/account}} */
  public static Map<String, Object> accountSettings(AccountSettingsUpdate u) {
    Map<String, Object> body = new LinkedHashMap<>();
    put(body, "autoBorrowSettlements", u.autoBorrowSettlements());
    put(body, "autoLend", u.autoLend());
    put(body, "autoRepayBorrows", u.autoRepayBorrows());
    put(body, "leverageLimit", u.leverageLimit());
    return body;
  }

  /** {@return the query of {@code GET /api/v1/account/limits/order}} */
  public static Map<String, String> maxOrderQuantity(MaxOrderQuantityQuery q) {
    Map<String, String> query = new LinkedHashMap<>();
    param(query, "symbol", q.symbol());
    param(query, "side", q.side());
    param(query, "price", q.price());
    param(query, "reduceOnly", q.reduceOnly());
    param(query, "autoBorrow", q.autoBorrow());
    param(query, "autoBorrowRepay", q.autoBorrowRepay());
    param(query, "autoLendRedeem", q.autoLendRedeem());
    return query;
  }

  /** {@return the query of a history endpoint: its filters by wire name, then the page} */
  public static Map<String, String> query(HistoryQuery q) {
    Map<String, String> query = new LinkedHashMap<>();
    q.filters().forEach((name, value) -> param(query, name, value));
    param(query, "limit", q.limit());
    param(query, "offset", q.offset());
    param(query, "sortDirection", q.sortDirection());
    return query;
  }

  /** Adds a query parameter rendered as wire text; null values are left out. */
  public static void param(Map<String, String> query, String key, Object value) {
    String text = text(value);
    if (text != null) {
      query.put(key, text);
    }
  }


  private static void put(Map<String, Object> body, String key, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof BigDecimal decimal) {
      body.put(key, decimal.toPlainString());
    } else if (value instanceof WireEnum wire) {
      body.put(key, wire.wireValue());
    } else if (value instanceof Boolean || value instanceof Long || value instanceof String) {
      body.put(key, value);
    } else {
      throw new IllegalArgumentException("unsupported body value type for " + key);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof WireEnum wire) {
      return wire.wireValue();
    }
    if (value instanceof Instant instant) {
      return Long.toString(instant.toEpochMilli());
    }
    return value.toString();
  }
}
