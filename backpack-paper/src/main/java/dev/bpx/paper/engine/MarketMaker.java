package dev.bpx.paper.engine;

import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The synthetic liquidity around the walk price: {@code levels} bids and asks, one basis point
 * apart (at least one tick), sizes growing away from the touch. After every walk step the
 * ladder is replaced; a new quote that crosses a user's resting order trades with it first, so
 * resting orders fill when the price walks through them. Engine-owned, not thread-safe.
 */
final class MarketMaker {
  private final Engine engine;

  MarketMaker(Engine engine) {
    this.engine = engine;
  }

  static long spacingTicks(long ticks) {
    return Math.max(1, ticks / 10_000);
  }

  /** {@return whether the ladder at the current walk price would trade with a user's order} */
  boolean wouldCross(MarketState m) {
    long ticks = m.walk.ticks();
    long spacing = spacingTicks(ticks);
    BigDecimal bestAsk = m.spec.fromTicks(ticks + spacing);
    BigDecimal bestBid = m.spec.fromTicks(Math.max(1, ticks - spacing));
    BigDecimal userBid = m.book.best(Side.Bid);
    BigDecimal userAsk = m.book.best(Side.Ask);
    return userBid != null && userBid.compareTo(bestAsk) >= 0
        || userAsk != null && userAsk.compareTo(bestBid) <= 0;
  }

  void requote(MarketState m, long now) {
    for (Order o : m.makerOrders) {
      if (o.status.isOpen()) {
        m.book.remove(o);
        o.status = OrderStatus.Cancelled;
      }
    }
    m.makerOrders.clear();
    long ticks = m.walk.ticks();
    long spacing = spacingTicks(ticks);
    MarketSpec s = m.spec;
    int levels = engine.config.makerLevels();
    for (int i = 0; i < levels; i++) {
      BigDecimal size = s.makerSize().multiply(BigDecimal.valueOf(2 + i))
          .divide(BigDecimal.valueOf(2), s.quantityScale(), RoundingMode.DOWN);
      place(m, Side.Ask, s.fromTicks(ticks + spacing * (i + 1)), size, now);
      long bidTicks = ticks - spacing * (i + 1);
      if (bidTicks >= s.toTicks(s.minPrice())) {
        place(m, Side.Bid, s.fromTicks(bidTicks), size, now);
      }
    }
    m.quotedTicks = ticks;
  }

  private void place(MarketState m, Side side, BigDecimal price, BigDecimal size, long now) {
    Order o = new Order();
    o.id = engine.ids.nextMakerOrder();
    o.account = Accounts.MAKER;
    o.symbol = m.spec.symbol();
    o.side = side;
    o.type = OrderType.Limit;
    o.price = price;
    o.quantity = size;
    o.timeInForce = TimeInForce.GTC;
    o.selfTradePrevention = SelfTradePrevention.RejectMaker;
    o.createdAt = now;
    engine.matcher.match(m, o, now);
    if (o.remaining().signum() > 0) {
      o.sequence = engine.ids.nextSequence();
      m.book.add(o);
      m.makerOrders.add(o);
    }
  }
}
