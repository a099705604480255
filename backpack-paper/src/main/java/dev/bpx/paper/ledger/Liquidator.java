package dev.bpx.paper.ledger;

import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Liquidates an account whose net equity falls below its maintenance margin ({@link
 * Margin#liquidates}): its open orders expire with reason {@code Liquidation} and every perp
 * position is closed against the backstop (the market maker) at the mark price, as orders and
 * fills with {@code systemOrderType = LiquidatePositionOnBackstop}. A USDC shortfall left
 * afterwards becomes a borrow with source {@code Liquidation}. Each close is a trade of its market like any
 * other ({@link Tape}): it takes the market's next trade id and is printed on the public tape ("Trades produced by
 * liquidations are included", AsyncAPI {@code trade.<symbol>}). Engine-owned, not thread-safe.
 */
public final class Liquidator {
  /** Takes an open order off its book or trigger list, releasing its funds (order entry does). */
  @FunctionalInterface
  public interface OrderCloser {
    void close(Account a, Order o, OrderStatus status, String reason);
  }

  private final Accounts accounts;
  private final Margin margin;
  private final Ledger ledger;
  private final TradeSettlement settlement;
  private final PriceSource prices;
  private final OrderCloser orders;
  private final LongSupplier orderIds;
  private final Tape tape;

  /** Where a liquidation's trade is numbered and printed: the market's, which only the engine holds. */
  public interface Tape {
    /** {@return the id of the market's next trade} */
    long nextTradeId(String symbol);

    /**
     * Prints a trade between two orders on the market's public tape (recent trades, last price, candle, stream).
     *
     * @param buyerMaker whether the buyer's order was the resting side (here the backstop)
     */
    void print(String symbol, long tradeId, BigDecimal price, BigDecimal quantity, boolean buyerMaker,
               Order buyer, Order seller, long now);
  }

  public Liquidator(Accounts accounts, Margin margin, Ledger ledger, TradeSettlement settlement, PriceSource prices,
                    OrderCloser orders, LongSupplier orderIds, Tape tape) {
    this.accounts = accounts;
    this.margin = margin;
    this.ledger = ledger;
    this.settlement = settlement;
    this.prices = prices;
    this.orders = orders;
    this.orderIds = orderIds;
    this.tape = tape;
  }

  /** Liquidates every user account whose net equity fell below its maintenance margin. */
  public void check(long now) {
    for (Account a : accounts.users()) {
      if (a.positions.isEmpty()) {
        continue;
      }
      Margin.Summary s = margin.summary(a);
      if (Margin.liquidates(s)) {
        liquidate(a, now);
      }
    }
  }

  /** Expires the account's open orders and closes its positions against the backstop at mark. */
  public void liquidate(Account a, long now) {
    a.liquidating = true;
    for (Order o : new ArrayList<>(a.orders.values())) {
      if (o.status().isOpen()) {
        orders.close(a, o, OrderStatus.Expired, "Liquidation");
      }
    }
    List<PerpPosition> open = new ArrayList<>(a.positions.values());
    for (PerpPosition p : open) {
      MarketSpec m = prices.market(p.symbol);
      BigDecimal mark = prices.markPrice(p.symbol);
      BigDecimal qty = p.netQuantity.abs();
      Side side = p.netQuantity.signum() > 0 ? Side.Ask : Side.Bid;
      Order user = systemOrder(a.apiKey, m, side, qty, mark, now);
      Order backstop = systemOrder(Accounts.MAKER, m, side.opposite(), qty, mark, now);
      a.orders.put(user.id(), user);
      TradeSettlement.Party userParty = new TradeSettlement.Party(a, user, false);
      TradeSettlement.Party makerParty = new TradeSettlement.Party(accounts.maker(), backstop, true);
      boolean userBuys = side == Side.Bid;
      p.liquidated = true;
      long tradeId = tape.nextTradeId(m.symbol());
      settlement.settle(m, userBuys ? userParty : makerParty,
          userBuys ? makerParty : userParty, mark, qty, tradeId, now);
      // The backstop rests, the liquidated account takes: the buyer is the maker when the account sells.
      tape.print(m.symbol(), tradeId, mark, qty, !userBuys, userBuys ? user : backstop, userBuys ? backstop : user, now);
    }
    ledger.normalize(a, now, "Liquidation");
    a.liquidating = false;
  }

  private Order systemOrder(String account, MarketSpec m, Side side, BigDecimal qty,
                            BigDecimal price, long now) {
    Order o = Order.builder()
        .id(orderIds.getAsLong())
        .account(account)
        .symbol(m.symbol())
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
