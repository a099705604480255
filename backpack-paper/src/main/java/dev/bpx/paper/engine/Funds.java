package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Funds and margin for an order about to trade. Spot limit orders lock what they may spend
 * (quote at the limit price for a bid, base for an ask); spot market orders are checked against
 * the cost of walking the book; perp orders must leave the account's initial margin covered.
 */
final class Funds {
  private Funds() {}

  static void reserve(Engine engine, Account a, MarketState m, Order o, boolean reduceOnly) {
    if (a.system) {
      return;
    }
    MarketSpec s = m.spec;
    if (s.isPerp()) {
      if (!reduceOnly) {
        checkMargin(engine, a, m, o);
      }
      return;
    }
    String asset = o.side == Side.Bid ? s.quoteSymbol() : s.baseSymbol();
    BigDecimal need;
    if (o.type == OrderType.Limit) {
      need = o.side == Side.Bid ? o.price.multiply(o.quantity) : o.quantity;
    } else if (o.side == Side.Bid) {
      need = o.quantity == null ? o.quoteQuantity : costToBuy(m, o);
      if (o.quoteQuantity != null) {
        need = need.min(o.quoteQuantity);
      }
    } else {
      need = o.quantity != null ? o.quantity : baseToSell(m, o);
    }
    if (a.balance(asset).available.compareTo(need) < 0) {
      throw ApiError.of("INSUFFICIENT_FUNDS", "Insufficient funds");
    }
    if (o.type == OrderType.Limit) {
      engine.ledger().lock(a, asset, need);
      o.locked = need;
    }
  }

  static void release(Engine engine, Account a, MarketState m, Order o) {
    if (o.locked.signum() > 0) {
      String asset = o.side == Side.Bid ? m.spec.quoteSymbol() : m.spec.baseSymbol();
      engine.ledger().unlock(a, asset, o.locked);
      o.locked = BigDecimal.ZERO;
    }
  }

  private static void checkMargin(Engine engine, Account a, MarketState m, Order o) {
    Margin.Summary before = engine.marginSummary(a);
    BigDecimal saved = o.quantity;
    if (o.quantity == null) {
      o.quantity = o.quoteQuantity.divide(m.markPrice().multiply(m.spec.stepSize()), 0, RoundingMode.DOWN)
          .multiply(m.spec.stepSize());
    }
    long tempId = -1;
    o.id = o.id == 0 ? tempId : o.id;
    a.orders.put(o.id, o);
    Margin.Summary after;
    try {
      after = engine.marginSummary(a);
    } finally {
      a.orders.remove(o.id);
      if (o.id == tempId) {
        o.id = 0;
      }
      o.quantity = saved;
    }
    if (after.netEquityAvailable().signum() < 0
        && after.netEquityLocked().compareTo(before.netEquityLocked()) > 0) {
      throw ApiError.of("INSUFFICIENT_MARGIN", "Insufficient margin");
    }
  }

  /** {@return the quote a market bid would spend walking the asks for its quantity} */
  private static BigDecimal costToBuy(MarketState m, Order o) {
    BigDecimal left = o.quantity;
    BigDecimal cost = BigDecimal.ZERO;
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : m.book.levels(Side.Ask).entrySet()) {
      for (Order maker : level.getValue()) {
        if (maker.account.equals(o.account)) {
          continue;
        }
        BigDecimal q = left.min(maker.remaining());
        cost = cost.add(q.multiply(level.getKey()));
        left = left.subtract(q);
        if (left.signum() == 0) {
          return cost;
        }
      }
    }
    return cost;
  }

  /** {@return the base a market ask by quote quantity would sell walking the bids} */
  private static BigDecimal baseToSell(MarketState m, Order o) {
    BigDecimal left = o.quoteQuantity;
    BigDecimal base = BigDecimal.ZERO;
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : m.book.levels(Side.Bid).entrySet()) {
      for (Order maker : level.getValue()) {
        if (maker.account.equals(o.account)) {
          continue;
        }
        BigDecimal price = level.getKey();
        BigDecimal q = left.divide(price.multiply(m.spec.stepSize()), 0, RoundingMode.DOWN)
            .multiply(m.spec.stepSize()).min(maker.remaining());
        base = base.add(q);
        left = left.subtract(q.multiply(price));
        if (q.compareTo(maker.remaining()) < 0) {
          return base;
        }
      }
    }
    return base;
  }
}
