package dev.bpx.paper.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Matches a taker against the opposite side of a book in price-time priority, at the makers'
 * prices, applying self-trade prevention. It knows books and orders only: what a trade means for
 * balances, positions, trade ids and attached exits is the {@link Fills} owner's business, so
 * matching stays free of the ledger and the engine. Stateless; the book is not thread-safe.
 */
public final class Matcher {
  private Matcher() {}

  /**
   * What the matcher reports while it trades. Called on the engine thread, in this order per
   * trade: {@link #settle} (before the orders' executed amounts change, so settlement sees the
   * orders as they were), then {@link #traded} once both orders and the book are updated.
   */
  public interface Fills {
    /** Settles one trade between a resting maker and the taker; {@return the trade's id} */
    long settle(Order maker, Order taker, BigDecimal price, BigDecimal quantity, long now);

    /** After a trade: {@code makerLeftBook} when the maker was filled and taken off the book. */
    void traded(Order maker, Order taker, long tradeId, BigDecimal price, BigDecimal quantity,
                boolean makerLeftBook, long now);

    /** Self-trade prevention expires a resting maker of the taker's own account. */
    void expireMaker(Order maker, String reason, long now);
  }

  /** {@return the quantity a taker may still trade at a price, given its quantity and quote caps} */
  public static BigDecimal takerRoom(Order taker, BigDecimal price, BigDecimal step) {
    BigDecimal room = taker.quantity() == null ? null : taker.quantity().subtract(taker.executedQuantity());
    if (taker.quoteQuantity() != null) {
      BigDecimal quoteLeft = taker.quoteQuantity().subtract(taker.executedQuoteQuantity());
      BigDecimal byQuote = quoteLeft.signum() <= 0 ? BigDecimal.ZERO
          : quoteLeft.divide(step.multiply(price), 0, RoundingMode.DOWN).multiply(step);
      room = room == null ? byQuote : room.min(byQuote);
    }
    return room;
  }

  /**
   * Trades the taker until it is done, the book no longer crosses, or STP stops it.
   *
   * @param step the market's quantity step, for a taker capped by quote quantity
   */
  public static void match(OrderBook book, BigDecimal step, Order taker, long now, Fills fills) {
    NavigableMap<BigDecimal, ArrayDeque<Order>> opposite = book.levels(taker.side().opposite());
    while (!opposite.isEmpty()) {
      Map.Entry<BigDecimal, ArrayDeque<Order>> level = opposite.firstEntry();
      BigDecimal price = level.getKey();
      if (taker.price() != null && !crosses(taker.side(), taker.price(), price)) {
        return;
      }
      Order maker = level.getValue().peekFirst();
      if (maker.account().equals(taker.account())) {
        SelfTradePrevention stp = taker.selfTradePrevention();
        if (stp == SelfTradePrevention.RejectMaker || stp == SelfTradePrevention.RejectBoth) {
          fills.expireMaker(maker, "SelfTradePrevention", now);
        }
        if (stp == SelfTradePrevention.RejectTaker || stp == SelfTradePrevention.RejectBoth) {
          taker.stop("SelfTradePrevention");
          return;
        }
        continue;
      }
      BigDecimal room = takerRoom(taker, price, step);
      if (room == null || room.signum() <= 0) {
        return;
      }
      BigDecimal quantity = room.min(maker.remaining());
      trade(book, maker, taker, price, quantity, now, fills);
    }
  }

  public static boolean crosses(Side takerSide, BigDecimal limit, BigDecimal makerPrice) {
    return takerSide == Side.Bid ? limit.compareTo(makerPrice) >= 0 : limit.compareTo(makerPrice) <= 0;
  }

  private static void trade(OrderBook book, Order maker, Order taker, BigDecimal price, BigDecimal quantity,
                            long now, Fills fills) {
    long tradeId = fills.settle(maker, taker, price, quantity, now);
    BigDecimal quote = price.multiply(quantity);
    maker.fill(quantity, quote);
    taker.fill(quantity, quote);
    boolean makerLeftBook = maker.remaining().signum() == 0;
    if (makerLeftBook) {
      book.remove(maker);
    } else {
      book.touched();
    }
    fills.traded(maker, taker, tradeId, price, quantity, makerLeftBook, now);
  }
}
