package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Order placement and cancellation: validation, funds and margin checks, locking, matching,
 * resting or expiring the remainder. Every refusal is thrown before anything changes.
 * Engine-owned, not thread-safe.
 */
final class OrderEntry {
  private final Engine engine;

  OrderEntry(Engine engine) {
    this.engine = engine;
  }

  Order place(Account a, OrderRequest r, long now) {
    MarketState m = engine.market(r.symbol(), true);
    OrderValidation.check(r, m.spec);
    if (r.clientId() != null && a.openOrderWithClientId(r.clientId()) != null) {
      throw ApiError.of("INVALID_ORDER", "Order with client ID already exists: " + r.clientId());
    }
    Order o = new Order();
    o.account = a.apiKey;
    o.symbol = m.spec.symbol();
    o.side = r.side();
    o.type = r.orderType();
    o.price = r.price();
    o.quantity = r.quantity();
    o.quoteQuantity = r.quoteQuantity();
    o.timeInForce = r.timeInForce() == null ? TimeInForce.GTC : r.timeInForce();
    o.postOnly = r.postOnly();
    o.reduceOnly = r.reduceOnly();
    o.clientId = r.clientId();
    o.selfTradePrevention = r.selfTradePrevention() == null
        ? SelfTradePrevention.RejectTaker : r.selfTradePrevention();
    o.stopLossTriggerPrice = r.stopLossTriggerPrice();
    o.stopLossLimitPrice = r.stopLossLimitPrice();
    o.stopLossTriggerBy = r.stopLossTriggerBy();
    o.takeProfitTriggerPrice = r.takeProfitTriggerPrice();
    o.takeProfitLimitPrice = r.takeProfitLimitPrice();
    o.takeProfitTriggerBy = r.takeProfitTriggerBy();
    o.createdAt = now;
    if (r.triggerPrice() != null) {
      o.triggerPrice = r.triggerPrice();
      o.triggerQuantity = r.triggerQuantity();
      o.triggerBy = r.triggerBy();
      o.id = engine.ids.nextOrder();
      engine.triggers.arm(m, a, o, null);
      a.indexClientId(o);
      return o;
    }
    execute(a, m, o, now);
    a.indexClientId(o);
    return o;
  }

  /**
   * Checks funds, locks, matches and rests or expires an order that is ready to trade: a new
   * order, or a trigger that just fired. Throws {@link ApiError} before changing anything.
   */
  void execute(Account a, MarketState m, Order o, long now) {
    MarketSpec s = m.spec;
    BigDecimal reduceCap = null;
    if (Boolean.TRUE.equals(o.reduceOnly)) {
      PerpPosition p = a.positions.get(s.symbol());
      if (p == null || p.netQuantity.signum() == o.side.sign()) {
        finish(a, o, OrderStatus.Expired, "ReduceOnlyNotReduced");
        return;
      }
      reduceCap = p.netQuantity.abs();
    }
    if (o.postOnly) {
      BigDecimal best = m.book.best(o.side.opposite());
      if (best != null && Matcher.crosses(o.side, o.price, best)) {
        finish(a, o, OrderStatus.Expired, "PostOnlyTaker");
        return;
      }
    }
    Funds.reserve(engine, a, m, o, reduceCap != null);
    if (o.timeInForce == TimeInForce.FOK && !fillable(m, o)) {
      Funds.release(engine, a, m, o);
      finish(a, o, OrderStatus.Expired, "FillOrKill");
      return;
    }
    if (o.id == 0) {
      o.id = engine.ids.nextOrder();
    }
    a.orders.put(o.id, o);
    BigDecimal requested = o.quantity;
    if (reduceCap != null && o.quantity != null && o.quantity.compareTo(reduceCap) > 0) {
      o.quantity = reduceCap;
    }
    engine.matcher.match(m, o, now);
    BigDecimal cappedAt = o.quantity;
    o.quantity = requested;
    boolean stopped = o.expiryReason != null;
    if (o.type == OrderType.Market) {
      boolean complete = requested == null ? o.executedQuantity.signum() > 0
          : o.executedQuantity.compareTo(requested) >= 0;
      if (complete) {
        o.status = OrderStatus.Filled;
      } else {
        o.status = OrderStatus.Expired;
        if (o.expiryReason == null) {
          o.expiryReason = cappedAt != requested ? "ReduceOnlyNotReduced" : "InsufficientLiquidity";
        }
      }
      return;
    }
    if (o.executedQuantity.compareTo(requested) >= 0) {
      o.status = OrderStatus.Filled;
      Funds.release(engine, a, m, o);
      return;
    }
    if (stopped || o.timeInForce != TimeInForce.GTC || cappedAt != requested) {
      o.status = OrderStatus.Expired;
      if (o.expiryReason == null) {
        o.expiryReason = cappedAt != requested ? "ReduceOnlyNotReduced"
            : o.timeInForce == TimeInForce.FOK ? "FillOrKill" : "ImmediateOrCancel";
      }
      Funds.release(engine, a, m, o);
      return;
    }
    o.sequence = engine.ids.nextSequence();
    m.book.add(o);
    if (!a.system) {
      m.userRestingOrders++;
    }
  }

  private void finish(Account a, Order o, OrderStatus status, String reason) {
    if (o.id == 0) {
      o.id = engine.ids.nextOrder();
    }
    o.status = status;
    o.expiryReason = reason;
    a.orders.put(o.id, o);
  }

  /** {@return whether the book holds enough crossing liquidity from other accounts} */
  private static boolean fillable(MarketState m, Order o) {
    BigDecimal need = o.quantity;
    BigDecimal found = BigDecimal.ZERO;
    for (var level : m.book.levels(o.side.opposite()).entrySet()) {
      if (o.price != null && !Matcher.crosses(o.side, o.price, level.getKey())) {
        break;
      }
      for (Order maker : level.getValue()) {
        if (!maker.account.equals(o.account)) {
          found = found.add(maker.remaining());
        }
      }
      if (need != null && found.compareTo(need) >= 0) {
        return true;
      }
    }
    return need == null ? found.signum() > 0 : found.compareTo(need) >= 0;
  }

  Order cancel(Account a, MarketState m, Long orderId, Long clientId, long now) {
    if (orderId == null && clientId == null || orderId != null && clientId != null) {
      throw ApiError.badRequest("Must specify either `clientId` or `orderId`");
    }
    // By key rather than by scanning the account's whole history: ids are unique, and at most one
    // open order carries a clientId.
    Order o = orderId != null ? a.orders.get(orderId) : a.openOrderWithClientId(clientId);
    if (o != null && o.status.isOpen() && o.symbol.equals(m.spec.symbol())) {
      cancelOpen(a, m, o, OrderStatus.Cancelled, null);
      return o;
    }
    throw ApiError.notFound("Not Found");
  }

  List<Order> cancelAll(Account a, MarketState m, String orderType, long now) {
    List<Order> out = new ArrayList<>();
    for (Order o : new ArrayList<>(a.orders.values())) {
      if (!o.status.isOpen() || !o.symbol.equals(m.spec.symbol())) {
        continue;
      }
      boolean conditional = o.status == OrderStatus.TriggerPending;
      if ("RestingLimitOrder".equals(orderType) && conditional
          || "ConditionalOrder".equals(orderType) && !conditional) {
        continue;
      }
      cancelOpen(a, m, o, OrderStatus.Cancelled, null);
      out.add(o);
    }
    return out;
  }

  /** Takes an open order off the book or the trigger list and releases its funds. */
  void cancelOpen(Account a, MarketState m, Order o, OrderStatus status, String reason) {
    if (o.status == OrderStatus.TriggerPending) {
      m.triggers.remove(o);
    } else {
      m.book.remove(o);
      closed(o);
      Funds.release(engine, a, m, o);
    }
    o.status = status;
    o.expiryReason = reason;
  }

  /** Expires a resting order (self-trade prevention on the maker side). */
  void expire(Order maker, String reason, long now) {
    Account a = engine.accounts.get(maker.account);
    cancelOpen(a, engine.markets.get(maker.symbol), maker, OrderStatus.Expired, reason);
  }

  /** Bookkeeping when a resting order leaves the book. */
  void closed(Order o) {
    if (!Accounts.MAKER.equals(o.account) && !Accounts.HOUSE.equals(o.account)) {
      engine.markets.get(o.symbol).userRestingOrders--;
    }
  }

  /** After a fill: arm or grow the order's attached take-profit / stop-loss. */
  void onFill(Order o, long now) {
    if (o.hasAttachedExits() && o.executedQuantity.compareTo(o.protectedQuantity) > 0) {
      engine.triggers.protect(o, now);
    }
  }
}
