package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.ledger.TradeSettlement;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Matches a taker against the opposite side of the book in price-time priority, at the
 * makers' prices, applying self-trade prevention. Engine-owned, not thread-safe.
 */
final class Matcher {
  private final Engine engine;

  Matcher(Engine engine) {
    this.engine = engine;
  }

  /** {@return the quantity a taker may still trade at a price, given its quantity and quote caps} */
  static BigDecimal takerRoom(Order taker, BigDecimal price, BigDecimal step) {
    BigDecimal room = taker.quantity == null ? null : taker.quantity.subtract(taker.executedQuantity);
    if (taker.quoteQuantity != null) {
      BigDecimal quoteLeft = taker.quoteQuantity.subtract(taker.executedQuoteQuantity);
      BigDecimal byQuote = quoteLeft.signum() <= 0 ? BigDecimal.ZERO
          : quoteLeft.divide(step.multiply(price), 0, RoundingMode.DOWN).multiply(step);
      room = room == null ? byQuote : room.min(byQuote);
    }
    return room;
  }

  /** Trades the taker until it is done, the book no longer crosses, or STP stops it. */
  void match(MarketState m, Order taker, long now) {
    Account takerAccount = engine.accounts.get(taker.account);
    NavigableMap<BigDecimal, ArrayDeque<Order>> opposite = m.book.levels(taker.side.opposite());
    BigDecimal step = m.spec.stepSize();
    while (!opposite.isEmpty()) {
      Map.Entry<BigDecimal, ArrayDeque<Order>> level = opposite.firstEntry();
      BigDecimal price = level.getKey();
      if (taker.price != null && !crosses(taker.side, taker.price, price)) {
        return;
      }
      Order maker = level.getValue().peekFirst();
      if (maker.account.equals(taker.account)) {
        SelfTradePrevention stp = taker.selfTradePrevention;
        if (stp == SelfTradePrevention.RejectMaker || stp == SelfTradePrevention.RejectBoth) {
          engine.entry.expire(maker, "SelfTradePrevention", now);
        }
        if (stp == SelfTradePrevention.RejectTaker || stp == SelfTradePrevention.RejectBoth) {
          taker.expiryReason = "SelfTradePrevention";
          return;
        }
        continue;
      }
      BigDecimal room = takerRoom(taker, price, step);
      if (room == null || room.signum() <= 0) {
        return;
      }
      BigDecimal quantity = room.min(maker.remaining());
      trade(m, maker, taker, takerAccount, price, quantity, now);
    }
  }

  static boolean crosses(Side takerSide, BigDecimal limit, BigDecimal makerPrice) {
    return takerSide == Side.Bid ? limit.compareTo(makerPrice) >= 0 : limit.compareTo(makerPrice) <= 0;
  }

  private void trade(MarketState m, Order maker, Order taker, Account takerAccount,
                     BigDecimal price, BigDecimal quantity, long now) {
    Account makerAccount = engine.accounts.get(maker.account);
    long tradeId = engine.ids.nextTrade();
    TradeSettlement.Party makerParty = new TradeSettlement.Party(makerAccount, maker, true);
    TradeSettlement.Party takerParty = new TradeSettlement.Party(takerAccount, taker, false);
    boolean takerBuys = taker.side == Side.Bid;
    engine.settlement.settle(m.spec, takerBuys ? takerParty : makerParty,
        takerBuys ? makerParty : takerParty, price, quantity, tradeId, now);
    BigDecimal quote = price.multiply(quantity);
    fillOrder(maker, quantity, quote);
    fillOrder(taker, quantity, quote);
    if (maker.remaining().signum() == 0) {
      m.book.remove(maker);
      engine.entry.closed(maker);
    } else {
      m.book.touched();
    }
    m.recordTrade(new Records.Trade(tradeId, price, quantity, quote, now, !takerBuys));
    engine.entry.onFill(maker, now);
    engine.entry.onFill(taker, now);
  }

  private static void fillOrder(Order o, BigDecimal quantity, BigDecimal quote) {
    o.executedQuantity = o.executedQuantity.add(quantity);
    o.executedQuoteQuantity = o.executedQuoteQuantity.add(quote);
    if (o.quantity != null && o.executedQuantity.compareTo(o.quantity) >= 0) {
      o.status = OrderStatus.Filled;
    } else {
      o.status = OrderStatus.PartiallyFilled;
    }
  }
}
