package dev.bpx.client;

import dev.bpx.client.model.Depth;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates how an order would fill against an order-book snapshot: walks the opposite side from the
 * best price, as a matching engine with price-time priority would, and reports the filled quantity,
 * its quote value, the part that would rest, and whether the book could fill it all.
 *
 * <p>An estimate only: the book moves, and hidden or newer orders are not seen. Thread-safe (stateless).
 */
final class FillEstimator {
  private FillEstimator() {}

  /**
   * The estimate.
   *
   * @param filledQuantity base quantity that would trade now
   * @param filledQuote quote value of that trade
   * @param restingQuantity base quantity left on the book as a maker order (limit GTC only)
   * @param unfilledQuantity base quantity neither filled nor resting (market or IOC/FOK remainder)
   * @param bestPrice best opposite price, or null for an empty side
   * @param bookExhausted whether the visible book ran out before the order was filled
   */
  record Estimate(
      BigDecimal filledQuantity,
      BigDecimal filledQuote,
      BigDecimal restingQuantity,
      BigDecimal unfilledQuantity,
      BigDecimal bestPrice,
      boolean bookExhausted) {

    /** {@return the average fill price, or null when nothing fills} */
    BigDecimal averagePrice() {
      return filledQuantity.signum() == 0 ? null : filledQuote.divide(filledQuantity, MathContext.DECIMAL128);
    }

    /** {@return the notional of the whole order: what fills plus what rests at its limit price} */
    BigDecimal notional(BigDecimal limitPrice) {
      BigDecimal resting = limitPrice == null ? BigDecimal.ZERO : restingQuantity.multiply(limitPrice);
      return filledQuote.add(resting);
    }
  }

  static Estimate estimate(OrderRequest order, Depth depth) {
    return estimate(order, depth, null);
  }

  /**
   * Like {@link #estimate(OrderRequest, Depth)}; with {@code stepSize}, the quantity a quote-quantity
   * market order takes from its last level is rounded down to the market's step, as the exchange fills.
   */
  static Estimate estimate(OrderRequest order, Depth depth, BigDecimal stepSize) {
    List<PriceLevel> levels = opposite(order.side(), depth);
    BigDecimal best = levels.isEmpty() ? null : levels.get(0).price();
    boolean market = order.orderType() == OrderType.MARKET;
    BigDecimal limit = market ? null : order.price();
    if (order.postOnly() != null && order.postOnly()) {
      // A post-only order never takes: it rests whole, or the exchange refuses it.
      return new Estimate(BigDecimal.ZERO, BigDecimal.ZERO, order.quantity(), BigDecimal.ZERO, best, false);
    }
    BigDecimal wantedBase = order.quantity();
    BigDecimal wantedQuote = order.quoteQuantity();
    BigDecimal filledBase = BigDecimal.ZERO;
    BigDecimal filledQuote = BigDecimal.ZERO;
    boolean exhausted = true;
    for (PriceLevel level : levels) {
      if (limit != null && !crosses(order.side(), level.price(), limit)) {
        exhausted = false;
        break;
      }
      BigDecimal take = level.quantity();
      BigDecimal takeQuote = take.multiply(level.price());
      if (wantedBase != null) {
        take = take.min(wantedBase.subtract(filledBase));
        takeQuote = take.multiply(level.price());
      } else {
        BigDecimal quoteLeft = wantedQuote.subtract(filledQuote);
        if (takeQuote.compareTo(quoteLeft) >= 0) {
          // This level absorbs the rest: count exactly the quote left, not quantity × price, which
          // after the rounded division can miss it by a unit in the last place and walk on for dust.
          take = quoteLeft.divide(level.price(), MathContext.DECIMAL128);
          takeQuote = quoteLeft;
          if (stepSize != null && stepSize.signum() > 0) {
            take = take.divide(stepSize, 0, java.math.RoundingMode.DOWN).multiply(stepSize);
            takeQuote = take.multiply(level.price());
          }
          filledBase = filledBase.add(take);
          filledQuote = filledQuote.add(takeQuote);
          exhausted = false;
          break;
        }
      }
      filledBase = filledBase.add(take);
      filledQuote = filledQuote.add(takeQuote);
      boolean done = wantedBase != null
          ? filledBase.compareTo(wantedBase) >= 0
          : filledQuote.compareTo(wantedQuote) >= 0;
      if (done) {
        exhausted = false;
        break;
      }
    }
    BigDecimal remaining = wantedBase == null ? BigDecimal.ZERO : wantedBase.subtract(filledBase);
    TimeInForce tif = order.timeInForce() == null ? TimeInForce.GTC : order.timeInForce();
    if (!market && tif == TimeInForce.FOK && remaining.signum() > 0) {
      // Fill-or-kill that cannot fill whole does not trade at all.
      return new Estimate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, wantedBase, best, exhausted);
    }
    boolean rests = !market && tif == TimeInForce.GTC;
    return new Estimate(filledBase, filledQuote,
        rests ? remaining : BigDecimal.ZERO,
        rests ? BigDecimal.ZERO : remaining,
        best, exhausted && (wantedBase == null ? filledQuote.compareTo(wantedQuote) < 0 : remaining.signum() > 0));
  }

  /**
   * {@return the notional of an order in quote currency, never below what the order can trade for at the
   * book it is given, or null when it cannot be estimated (a market order by quantity against an empty book)}
   *
   * <p>Buy limit: price × quantity (a buy fills at or below its price). Sell limit: a sell fills at or
   * above its price, so a sell that crosses the book is valued at the bids it takes, best first, and the
   * rest at its price; when it would take the whole visible bid side, the rest at the worst visible bid
   * (hidden bids lie at or below it). A post-only sell never takes (the exchange refuses it instead): price
   * × quantity. Market by quote quantity: the quote quantity. Market by quantity: its cost against the
   * book, the part beyond the visible book valued at the worst visible price. Trigger orders: (quantity,
   * else trigger quantity) × the limit price, else the trigger price; a sell at the larger of the two, as
   * it fires when the market reaches the trigger and then sells at or above its limit.
   */
  static BigDecimal notional(OrderRequest order, java.util.function.Supplier<Depth> depth) {
    if (order.triggerPrice() != null) {
      BigDecimal qty = order.quantity() != null ? order.quantity() : order.triggerQuantity();
      BigDecimal price = order.price() != null ? order.price() : order.triggerPrice();
      if (order.side() == Side.ASK) {
        price = price.max(order.triggerPrice());
      }
      if (qty == null) {
        return order.quoteQuantity();
      }
      return qty.multiply(price);
    }
    if (order.orderType() == OrderType.LIMIT) {
      if (order.side() == Side.BID || Boolean.TRUE.equals(order.postOnly())) {
        return order.price().multiply(order.quantity());
      }
      return sellLimitValue(order.quantity(), order.price(), depth.get());
    }
    if (order.quoteQuantity() != null) {
      return order.quoteQuantity();
    }
    Depth book = depth.get();
    List<PriceLevel> levels = opposite(order.side(), book);
    if (levels.isEmpty()) {
      return null;
    }
    Estimate e = estimate(order, book);
    BigDecimal worst = levels.get(levels.size() - 1).price();
    return e.filledQuote().add(e.unfilledQuantity().multiply(worst));
  }

  /**
   * {@return the most a sell limit of {@code quantity} at {@code price} can trade for against {@code
   * depth}: the bids at or above its price, best first, and the rest at its price, or at the worst
   * visible bid when the visible bids run out first} Time in force does not lower it: an IOC or FOK
   * remainder that does not trade counts as if it did, so the figure is an upper bound whatever happens.
   */
  static BigDecimal sellLimitValue(BigDecimal quantity, BigDecimal price, Depth depth) {
    BigDecimal left = quantity;
    BigDecimal quote = BigDecimal.ZERO;
    BigDecimal restPrice = price;
    for (PriceLevel level : opposite(Side.ASK, depth)) {
      if (left.signum() <= 0 || level.price().compareTo(price) < 0) {
        restPrice = price;
        break;
      }
      BigDecimal take = level.quantity().min(left);
      quote = quote.add(take.multiply(level.price()));
      left = left.subtract(take);
      // Until a bid below the price is seen, more (hidden or newer) bids may sit at this one's price.
      restPrice = level.price();
    }
    return quote.add(left.multiply(restPrice));
  }

  /** {@return the quote value of the first {@code quantity} an order on {@code side} takes, best levels first} */
  static BigDecimal quoteOfBest(Side side, Depth depth, BigDecimal quantity) {
    BigDecimal left = quantity;
    BigDecimal quote = BigDecimal.ZERO;
    for (PriceLevel level : opposite(side, depth)) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal take = level.quantity().min(left);
      quote = quote.add(take.multiply(level.price()));
      left = left.subtract(take);
    }
    return quote;
  }

  /** {@return the side an order takes from, best price first (bids arrive ascending, so reversed)} */
  static List<PriceLevel> opposite(Side side, Depth depth) {
    if (side == Side.BID) {
      return depth.asks();
    }
    List<PriceLevel> bids = new ArrayList<>(depth.bids());
    java.util.Collections.reverse(bids);
    return bids;
  }

  private static boolean crosses(Side side, BigDecimal levelPrice, BigDecimal limit) {
    return side == Side.BID ? levelPrice.compareTo(limit) <= 0 : levelPrice.compareTo(limit) >= 0;
  }
}
