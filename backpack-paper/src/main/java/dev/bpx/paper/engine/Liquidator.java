package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.TradeSettlement;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Liquidates an account whose net equity falls below its maintenance margin ({@link
 * Margin#liquidates}): its open orders expire with reason {@code Liquidation} and every perp
 * position is closed against the backstop (the market maker) at the mark price, as orders and
 * fills with {@code systemOrderType = LiquidatePositionOnBackstop}. A USDC shortfall left
 * afterwards becomes a borrow with source {@code Liquidation}. Engine-owned, not thread-safe.
 */
final class Liquidator {
  private final Engine engine;

  Liquidator(Engine engine) {
    this.engine = engine;
  }

  void check(long now) {
    for (Account a : engine.accounts.users()) {
      if (a.positions.isEmpty()) {
        continue;
      }
      Margin.Summary s = engine.marginSummary(a);
      if (Margin.liquidates(s)) {
        liquidate(a, now);
      }
    }
  }

  void liquidate(Account a, long now) {
    a.liquidating = true;
    for (Order o : new ArrayList<>(a.orders.values())) {
      if (o.status().isOpen()) {
        engine.entry.cancelOpen(a, engine.markets.get(o.symbol()), o, OrderStatus.Expired, "Liquidation");
      }
    }
    List<PerpPosition> open = new ArrayList<>(a.positions.values());
    for (PerpPosition p : open) {
      MarketState m = engine.markets.get(p.symbol);
      BigDecimal mark = m.markPrice();
      BigDecimal qty = p.netQuantity.abs();
      Side side = p.netQuantity.signum() > 0 ? Side.Ask : Side.Bid;
      Order user = systemOrder(a.apiKey, m, side, qty, mark, now);
      Order backstop = systemOrder(Accounts.MAKER, m, side.opposite(), qty, mark, now);
      a.orders.put(user.id(), user);
      TradeSettlement.Party userParty = new TradeSettlement.Party(a, user, false);
      TradeSettlement.Party makerParty = new TradeSettlement.Party(engine.accounts.maker(), backstop, true);
      boolean userBuys = side == Side.Bid;
      p.liquidated = true;
      engine.settlement.settle(m.spec, userBuys ? userParty : makerParty,
          userBuys ? makerParty : userParty, mark, qty, engine.ids.nextTrade(), now);
    }
    engine.ledger.normalize(a, now, "Liquidation");
    a.liquidating = false;
  }

  private Order systemOrder(String account, MarketState m, Side side, BigDecimal qty,
                            BigDecimal price, long now) {
    Order o = Order.builder()
        .id(engine.ids.nextOrder())
        .account(account)
        .symbol(m.spec.symbol())
        .side(side)
        .type(OrderType.Market)
        .quantity(qty)
        .executedQuantity(qty)
        .executedQuoteQuantity(qty.multiply(price))
        .status(OrderStatus.Filled)
        .reduceOnly(Boolean.TRUE)
        .systemOrderType("LiquidatePositionOnBackstop")
        .createdAt(now)
        .build();
    return o;
  }
}
