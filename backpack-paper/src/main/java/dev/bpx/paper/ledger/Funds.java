package dev.bpx.paper.ledger;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderBook;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Funds and margin for an order about to trade. Spot limit orders lock what they may spend
 * (quote at the limit price for a bid, base for an ask); spot market orders are checked against
 * the cost of walking the book; perp orders must leave the account's initial margin covered,
 * the leverage limit included ({@link Margin.Initial}).
 */
public final class Funds {
  private final Ledger ledger;
  private final Margin margin;
  private final PriceSource prices;

  public Funds(Ledger ledger, Margin margin, PriceSource prices) {
    this.ledger = ledger;
    this.margin = margin;
    this.prices = prices;
  }

  public void reserve(Account a, MarketSpec spec, OrderBook book, Order o, boolean reduceOnly) {
    ApiError refusal = refusal(a, spec, book, o, reduceOnly);
    if (refusal != null) {
      throw refusal;
    }
    if (!a.system && !spec.isPerp() && o.type() == OrderType.Limit) {
      BigDecimal need = spotNeed(spec, book, o);
      ledger.lock(a, spotAsset(spec, o), need);
      o.lock(need);
    }
  }

  /**
   * {@return the refusal an order would get for funds, margin or leverage, or null when it may
   * trade} Changes nothing (a read may call it on a replica that other readers share): this is the
   * one rule behind both order acceptance and {@code GET /api/v1/account/limits/order}.
   *
   * <p>Spot: the available balance must cover what the order may spend (quote at the limit price,
   * or walking the book for a market bid; base for an ask). Perp, unless reduce-only: an order that
   * adds initial margin ({@link Margin.Initial#locked()}) must leave it covered by net equity;
   * {@code INSUFFICIENT_MARGIN} when the IMF functions alone are not covered, otherwise
   * {@code MAX_LEVERAGE_REACHED} (the leverage limit is what it breaks).
   */
  public ApiError refusal(Account a, MarketSpec spec, OrderBook book, Order o, boolean reduceOnly) {
    if (a.system) {
      return null;
    }
    if (spec.isPerp()) {
      return reduceOnly ? null : marginRefusal(a, spec, o);
    }
    if (a.available(spotAsset(spec, o)).compareTo(spotNeed(spec, book, o)) < 0) {
      return ApiError.of("INSUFFICIENT_FUNDS", "Insufficient funds");
    }
    return null;
  }

  private static String spotAsset(MarketSpec spec, Order o) {
    return o.side() == Side.Bid ? spec.quoteSymbol() : spec.baseSymbol();
  }

  /** {@return what a spot order may spend: quote for a bid, base for an ask} */
  private static BigDecimal spotNeed(MarketSpec spec, OrderBook book, Order o) {
    if (o.type() == OrderType.Limit) {
      return o.side() == Side.Bid ? o.price().multiply(o.quantity()) : o.quantity();
    }
    if (o.side() == Side.Bid) {
      BigDecimal need = o.quantity() == null ? o.quoteQuantity() : costToBuy(spec, book, o);
      return o.quoteQuantity() != null ? need.min(o.quoteQuantity()) : need;
    }
    return o.quantity() != null ? o.quantity() : baseToSell(spec, book, o);
  }

  public void release(Account a, MarketSpec spec, Order o) {
    if (o.locked().signum() > 0) {
      String asset = o.side() == Side.Bid ? spec.quoteSymbol() : spec.baseSymbol();
      ledger.unlock(a, asset, o.releaseLocked());
    }
  }

  /**
   * The margin picture with the order added to the account's open orders, computed on copies: the
   * account and the order are left as they are.
   */
  private ApiError marginRefusal(Account a, MarketSpec spec, Order o) {
    Map<String, List<Order>> open = a.openOrders();
    Margin.Initial before = margin.summary(a, open).initial();
    Order candidate = Order.builder()
        .account(o.account())
        .symbol(spec.symbol())
        .side(o.side())
        .type(o.type())
        .reduceOnly(o.reduceOnly())
        .quantity(o.quantity() != null ? o.quantity()
            : o.quoteQuantity().divide(prices.markPrice(spec.symbol()).multiply(spec.stepSize()), 0, RoundingMode.DOWN)
                .multiply(spec.stepSize()))
        .build();
    open.computeIfAbsent(spec.symbol(), s -> new ArrayList<>()).add(candidate);
    Margin.Initial after = margin.summary(a, open).initial();
    if (after.covered() || after.locked().compareTo(before.locked()) <= 0) {
      return null;
    }
    if (!after.functionsCovered()) {
      return ApiError.of("INSUFFICIENT_MARGIN", "Insufficient margin");
    }
    return ApiError.of("MAX_LEVERAGE_REACHED", "Max leverage reached: the order would take the account's leverage"
        + " (exposure / net equity) to " + ratio(after.leverage()) + ", above its leverage limit of "
        + after.leverageLimit().stripTrailingZeros().toPlainString());
  }

  private static String ratio(BigDecimal leverage) {
    return leverage == null ? "more than any limit (net equity is not positive)"
        : leverage.setScale(2, RoundingMode.UP).toPlainString();
  }

  /** {@return the quote a market bid would spend walking the asks for its quantity} */
  public static BigDecimal costToBuy(MarketSpec spec, OrderBook book, Order o) {
    BigDecimal left = o.quantity();
    BigDecimal cost = BigDecimal.ZERO;
    for (Order maker : makersFor(book, Side.Ask, o)) {
      BigDecimal q = left.min(maker.remaining());
      cost = cost.add(q.multiply(maker.price()));
      left = left.subtract(q);
      if (left.signum() == 0) {
        break;
      }
    }
    return cost;
  }

  /** {@return the base a market ask by quote quantity would sell walking the bids} */
  private static BigDecimal baseToSell(MarketSpec spec, OrderBook book, Order o) {
    BigDecimal left = o.quoteQuantity();
    BigDecimal base = BigDecimal.ZERO;
    for (Order maker : makersFor(book, Side.Bid, o)) {
      BigDecimal step = spec.stepSize();
      BigDecimal q = left.divide(maker.price().multiply(step), 0, RoundingMode.DOWN).multiply(step).min(maker.remaining());
      base = base.add(q);
      left = left.subtract(q.multiply(maker.price()));
      if (q.compareTo(maker.remaining()) < 0) {
        break;
      }
    }
    return base;
  }

  /**
   * {@return the orders resting on {@code side} that {@code o} would trade with, best price first: every
   * account's but its own, since a self-trade is not liquidity}
   */
  private static List<Order> makersFor(OrderBook book, Side side, Order o) {
    List<Order> makers = new ArrayList<>();
    for (ArrayDeque<Order> level : book.levels(side).values()) {
      for (Order maker : level) {
        if (!maker.account().equals(o.account())) {
          makers.add(maker);
        }
      }
    }
    return makers;
  }
}
