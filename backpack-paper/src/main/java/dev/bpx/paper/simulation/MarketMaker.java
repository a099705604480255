package dev.bpx.paper.simulation;

import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Matcher;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderBook;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The synthetic liquidity around the walk price: {@code levels} bids and asks, one basis point
 * apart (at least one tick), sizes growing away from the touch. After every walk step the
 * ladder is replaced; a new quote that crosses a user's resting order trades with it first, so
 * resting orders fill when the price walks through them. It sees a market only as its spec, its
 * book and the current price; trades go through the {@link Matcher.Fills} it is handed.
 * Not thread-safe; owned by the engine thread.
 */
public final class MarketMaker {
  private final String account;
  private final int levels;
  private final LongSupplier quoteIds;
  private final LongSupplier priorities;

  /**
   * @param account the maker's account key
   * @param levels the quotes per side
   * @param quoteIds ids for the quotes, counted apart from users' order ids
   * @param priorities time priority of orders resting on a book
   */
  public MarketMaker(String account, int levels, LongSupplier quoteIds, LongSupplier priorities) {
    this.account = account;
    this.levels = levels;
    this.quoteIds = quoteIds;
    this.priorities = priorities;
  }

  static long spacingTicks(long ticks) {
    return Math.max(1, ticks / 10_000);
  }

  /** {@return whether the ladder at a price would trade with an order resting on the book} */
  public boolean wouldCross(MarketSpec spec, OrderBook book, long ticks) {
    long spacing = spacingTicks(ticks);
    BigDecimal bestAsk = spec.fromTicks(ticks + spacing);
    BigDecimal bestBid = spec.fromTicks(Math.max(1, ticks - spacing));
    BigDecimal userBid = book.best(Side.Bid);
    BigDecimal userAsk = book.best(Side.Ask);
    return userBid != null && userBid.compareTo(bestAsk) >= 0
        || userAsk != null && userAsk.compareTo(bestBid) <= 0;
  }

  /**
   * Replaces the ladder {@code quotes} (the maker's resting orders on {@code book}) with one around
   * {@code ticks}; each new quote first trades with whatever it crosses.
   */
  public void requote(MarketSpec spec, OrderBook book, List<Order> quotes, long ticks, long now,
                      Matcher.Fills fills) {
    for (Order o : quotes) {
      if (o.status().isOpen()) {
        book.remove(o);
        o.close(OrderStatus.Cancelled, o.expiryReason());
      }
    }
    quotes.clear();
    long spacing = spacingTicks(ticks);
    for (int i = 0; i < levels; i++) {
      BigDecimal size = spec.makerSize().multiply(BigDecimal.valueOf(2 + i))
          .divide(BigDecimal.valueOf(2), spec.quantityScale(), RoundingMode.DOWN);
      place(spec, book, quotes, Side.Ask, spec.fromTicks(ticks + spacing * (i + 1)), size, now, fills, false);
      long bidTicks = ticks - spacing * (i + 1);
      if (bidTicks >= spec.toTicks(spec.minPrice())) {
        place(spec, book, quotes, Side.Bid, spec.fromTicks(bidTicks), size, now, fills, false);
      }
    }
  }

  /**
   * Quotes one side of the book as an upstream's levels stand (upstream mode: the maker's account is
   * the upstream's liquidity). {@code levels} is a slice from the best level: it speaks for the
   * prices from the best to its last level, not beyond. Within it, a quote whose level the upstream
   * still shows with the quantity it was made from is kept as it is, partly or wholly taken: so one
   * upstream level cannot be bought twice, the users' own takes are remembered until the upstream's
   * quantity at that price changes (the book moved on). Every other quote within it is withdrawn and
   * the new levels are quoted; each new quote first trades with the users' orders it crosses, at
   * their price. Quotes beyond the slice stay as they were. An empty slice means an empty side: every
   * quote of the side is withdrawn.
   *
   * @param quotes the maker's quotes of the market, both sides, kept and taken ones included
   * @param levels the side's levels from the best: price and quantity, on the tick and the step
   */
  public void quoteSide(MarketSpec spec, OrderBook book, List<Order> quotes, Side side,
                        List<BigDecimal[]> levels, long now, Matcher.Fills fills) {
    java.util.Map<BigDecimal, BigDecimal> wanted = new java.util.TreeMap<>();
    for (BigDecimal[] l : levels) {
      wanted.put(l[0], l[1]);
    }
    java.util.Set<BigDecimal> kept = new java.util.TreeSet<>();
    for (java.util.Iterator<Order> it = quotes.iterator(); it.hasNext(); ) {
      Order o = it.next();
      if (o.side() != side || !levels.isEmpty() && beyond(side, o.price(), levels.get(levels.size() - 1)[0])) {
        continue;
      }
      BigDecimal q = wanted.get(o.price());
      if (q != null && q.compareTo(o.quantity()) == 0 && !kept.contains(o.price())) {
        kept.add(o.price());
        continue;
      }
      if (o.status().isOpen()) {
        book.remove(o);
        o.close(OrderStatus.Cancelled, o.expiryReason());
      }
      it.remove();
    }
    for (BigDecimal[] l : levels) {
      if (!kept.contains(l[0]) && l[1].signum() > 0) {
        place(spec, book, quotes, side, l[0], l[1], now, fills, true);
      }
    }
  }

  /**
   * Trades {@code quantity} at {@code price} or better against the book's resting orders on the other
   * side, as an upstream trade would have (upstream mode's queue model): an immediate-or-cancel order
   * of the maker's account that never rests.
   */
  public void takeAt(MarketSpec spec, OrderBook book, Side side, BigDecimal price, BigDecimal quantity,
                     long now, Matcher.Fills fills) {
    Order o = Order.builder()
        .id(quoteIds.getAsLong())
        .account(account)
        .symbol(spec.symbol())
        .side(side)
        .type(OrderType.Limit)
        .price(price)
        .quantity(quantity)
        .timeInForce(TimeInForce.IOC)
        .selfTradePrevention(SelfTradePrevention.RejectMaker)
        .createdAt(now)
        .build();
    Matcher.match(book, spec.stepSize(), o, now, fills);
  }

  private static boolean beyond(Side side, BigDecimal price, BigDecimal edge) {
    return side == Side.Ask ? price.compareTo(edge) > 0 : price.compareTo(edge) < 0;
  }

  private void place(MarketSpec spec, OrderBook book, List<Order> quotes, Side side, BigDecimal price,
                     BigDecimal size, long now, Matcher.Fills fills, boolean keepTaken) {
    Order o = Order.builder()
        .id(quoteIds.getAsLong())
        .account(account)
        .symbol(spec.symbol())
        .side(side)
        .type(OrderType.Limit)
        .price(price)
        .quantity(size)
        .timeInForce(TimeInForce.GTC)
        .selfTradePrevention(SelfTradePrevention.RejectMaker)
        .createdAt(now)
        .build();
    Matcher.match(book, spec.stepSize(), o, now, fills);
    if (o.remaining().signum() > 0) {
      o.rest(priorities.getAsLong());
      book.add(o);
      quotes.add(o);
    } else if (keepTaken) {
      // Wholly taken by users' orders at once: remembered all the same (see quoteSide).
      quotes.add(o);
    }
  }
}
