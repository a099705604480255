package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TriggerBy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trigger orders and attached take-profit / stop-loss exits. A trigger fires when its reference
 * price (mark, index = mark, or last) reaches the trigger price from the side it was placed on;
 * it then trades as a limit order (with a price) or a market order, keeping its id. The exits
 * of a parent order are reduce-only triggers on the other side for the parent's executed
 * quantity; when one fires the other is cancelled. Engine-owned, not thread-safe.
 */
final class Triggers {
  private final Map<String, MarketState> markets;
  private final Accounts accounts;
  private final Ids ids;
  private final OrderEntry entry;

  Triggers(Map<String, MarketState> markets, Accounts accounts, Ids ids, OrderEntry entry) {
    this.markets = markets;
    this.accounts = accounts;
    this.ids = ids;
    this.entry = entry;
  }

  /** Registers a pending trigger; the direction is fixed against the current reference price. */
  void arm(MarketState m, Account a, Order o, Boolean whenAbove) {
    o.arm(whenAbove == null ? o.triggerPrice().compareTo(reference(m, o.triggerBy())) >= 0 : whenAbove);
    m.triggers.add(o);
    a.recordOrder(o);
  }

  /** Arms or resizes the take-profit and stop-loss children of a filled parent order. */
  void protect(Order parent, long now) {
    Account a = accounts.get(parent.account());
    MarketState m = markets.get(parent.symbol());
    String quantity = parent.executedQuantity().toPlainString();
    List<Order> children = children(a, parent.id());
    if (children.isEmpty()) {
      boolean long_ = parent.side() == Side.Bid;
      if (parent.takeProfitTriggerPrice() != null) {
        child(m, a, parent, parent.takeProfitTriggerPrice(), parent.takeProfitLimitPrice(),
            parent.takeProfitTriggerBy(), long_, quantity, now);
      }
      if (parent.stopLossTriggerPrice() != null) {
        child(m, a, parent, parent.stopLossTriggerPrice(), parent.stopLossLimitPrice(),
            parent.stopLossTriggerBy(), !long_, quantity, now);
      }
    } else {
      for (Order c : children) {
        c.resizeTrigger(quantity);
      }
    }
    parent.protectExecuted();
  }

  private void child(MarketState m, Account a, Order parent, BigDecimal trigger, BigDecimal limit,
                     TriggerBy by, boolean whenAbove, String quantity, long now) {
    Order c = Order.builder()
        .id(ids.nextOrder())
        .account(a.apiKey)
        .symbol(parent.symbol())
        .side(parent.side().opposite())
        .type(limit == null ? OrderType.Market : OrderType.Limit)
        .price(limit)
        .reduceOnly(m.spec.isPerp() ? Boolean.TRUE : null)
        .triggerPrice(trigger)
        .triggerQuantity(quantity)
        .triggerBy(TriggerBy.ofAttached(by, m.spec.isPerp()))
        .relatedOrderId(parent.id())
        .createdAt(now)
        .build();
    arm(m, a, c, whenAbove);
    entry.events.triggerPlaced(c, now);
  }

  private static List<Order> children(Account a, long parentId) {
    List<Order> out = new ArrayList<>();
    for (Order o : a.orders().values()) {
      if (o.status() == OrderStatus.TriggerPending && o.relatedOrderId() != null && o.relatedOrderId() == parentId) {
        out.add(o);
      }
    }
    return out;
  }

  /** Fires every pending trigger whose reference price has been reached. */
  void check(long now) {
    for (MarketState m : markets.values()) {
      if (m.triggers.isEmpty()) {
        continue;
      }
      for (Order o : new ArrayList<>(m.triggers)) {
        if (o.status() != OrderStatus.TriggerPending) {
          continue;
        }
        int c = reference(m, o.triggerBy()).compareTo(o.triggerPrice());
        if (o.triggerWhenAbove() ? c >= 0 : c <= 0) {
          fire(m, o, now);
        }
      }
    }
  }

  private void fire(MarketState m, Order o, long now) {
    Account a = accounts.get(o.account());
    m.triggers.remove(o);
    o.triggered(now);
    if (o.relatedOrderId() != null) {
      for (Order sibling : children(a, o.relatedOrderId())) {
        entry.cancelOpen(a, m, sibling, OrderStatus.Cancelled, null, now);
      }
    }
    BigDecimal quantity = resolveQuantity(a, m, o);
    if (quantity == null || quantity.signum() <= 0) {
      o.triggerFailed();
      entry.events.triggerFailed(o, now);
      return;
    }
    o.release(quantity);
    try {
      entry.execute(a, m, o, now);
    } catch (ApiError e) {
      o.triggerRefused();
      entry.events.triggerFailed(o, now);
    }
  }

  /** {@return the trigger quantity, a percentage meaning that share of the open position} */
  private static BigDecimal resolveQuantity(Account a, MarketState m, Order o) {
    String q = o.triggerQuantity();
    if (q.endsWith("%")) {
      PerpPosition p = a.positions().get(o.symbol());
      if (p == null) {
        return null;
      }
      BigDecimal pct = new BigDecimal(q.substring(0, q.length() - 1));
      return p.netQuantity().abs().multiply(pct).movePointLeft(2)
          .setScale(m.spec.quantityScale(), RoundingMode.DOWN);
    }
    return new BigDecimal(q);
  }

  private static BigDecimal reference(MarketState m, TriggerBy by) {
    return by == TriggerBy.LastPrice ? m.lastPrice() : m.markPrice();
  }
}
