package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The circuit breakers of {@link SafetyLimits}, which look at the account after an order: {@code
 * maxPositionNotional}, {@code maxLeverage} and {@code maxOpenOrders}, plus the daily ones ({@link
 * DailyBreakers}). Each reads the account only when
 * it is set, so an unset breaker costs nothing. Reduce-only orders always pass, and so does an order
 * that does not raise what the rule measures (a worst-case position that moves toward zero, leverage
 * that does not rise, an order that leaves no open order behind).
 *
 * <p>Both count the worst case: {@code maxOpenOrders} counts an order as every open order it can leave
 * (itself when it can rest, and the take-profit and stop-loss triggers the exchange arms when it fills);
 * {@code maxPositionNotional} counts the position if this order and every open order of the account on
 * the same side of that market fill.
 *
 * <p>A limit is allowed to be reached: a figure equal to the limit passes, one step more is refused.
 *
 * <p>Thread-safe (stateless apart from the services it reads through).
 */
final class CircuitBreakers {
  private final SafetyLimits limits;
  private final MarketCache markets;
  private final MarketService marketData;
  private final AccountService account;
  private final LeverageCheck leverage;
  private final Supplier<List<Order>> openOrders;
  private final DailyBreakers daily;

  /** @param openOrders every open order of the account */
  CircuitBreakers(SafetyLimits limits, MarketCache markets, MarketService marketData, AccountService account,
      LeverageCheck leverage, Supplier<List<Order>> openOrders, DailyBreakers daily) {
    this.daily = daily;
    this.limits = limits;
    this.markets = markets;
    this.marketData = marketData;
    this.account = account;
    this.leverage = leverage;
    this.openOrders = openOrders;
  }

  /**
   * {@return the breakers {@code order} would trip, each with its figures and how to change it; empty when none}
   *
   * @param ahead the orders before this one in the same batch that are not reduce-only (empty for a single
   *     order): they count as open orders and, on the same market and side, as position
   * @param notional the order's notional for {@code maxDailyNotional} (null when unset or not estimable)
   * @param notionalAhead notional of the orders before this one in the same batch
   */
  List<String> problems(OrderRequest order, List<OrderRequest> ahead, BigDecimal notional, BigDecimal notionalAhead) {
    List<String> problems = new ArrayList<>();
    if (!limits.hasBreakers() || Boolean.TRUE.equals(order.reduceOnly())) {
      return problems;
    }
    Supplier<CollateralSummary> collateral = once(account::getCollateralSummary);
    problems.addAll(accountProblems(order, ahead, collateral));
    problems.addAll(daily.problems(order, notional, notionalAhead, collateral));
    return problems;
  }

  private List<String> accountProblems(OrderRequest order, List<OrderRequest> ahead,
      Supplier<CollateralSummary> collateral) {
    List<String> problems = new ArrayList<>();
    Market market = markets.require(order.symbol());
    boolean perp = market.marketType() != MarketType.SPOT;
    Supplier<List<Order>> open = once(openOrders);
    int opens = opensOrders(order);
    if (limits.maxOpenOrders() != null && opens > 0) {
      int current = open.get().size() + ahead.stream().mapToInt(CircuitBreakers::opensOrders).sum();
      if (current + opens > limits.maxOpenOrders()) {
        problems.add("circuit breaker maxOpenOrders: the account has " + current + " open orders and this order would"
            + " leave " + opensWhat(order, opens) + " (" + (current + opens) + "), above the limit of "
            + limits.maxOpenOrders() + "; cancel open orders first, use a market or IOC order without take-profit or"
            + " stop-loss, or raise BACKPACK_MAX_OPEN_ORDERS (SafetyLimits.withMaxOpenOrders)");
      }
    }
    if (!perp || (limits.maxPositionNotional() == null && limits.maxLeverage() == null)) {
      return problems;
    }
    Optional<Position> position = account.getPosition(order.symbol());
    if (limits.maxPositionNotional() != null) {
      String problem = positionProblem(order, market, position, ahead, open);
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (limits.maxLeverage() != null) {
      LeverageCheck.Exposure e = leverage.exceeding(order, market, limits.maxLeverage(), collateral.get(), position);
      if (e != null) {
        problems.add("circuit breaker maxLeverage: the order would take the account's leverage (exposure / net equity)"
            + " from " + e.leverageBefore() + " to " + e.leverageAfter() + " (exposure " + plain(e.after().setScale(2,
            RoundingMode.UP)) + " / net equity " + plain(e.equity()) + " " + market.quoteSymbol() + "), above the limit of "
            + plain(limits.maxLeverage()) + "; the account can add about " + plain(e.room()) + " " + market.baseSymbol()
            + " of exposure. Reduce the quantity, close exposure, or raise BACKPACK_MAX_LEVERAGE (SafetyLimits.withMaxLeverage)");
      }
    }
    return problems;
  }

  /**
   * @throws ValidationException naming every breaker {@code order} would trip; nothing has been sent
   */
  void check(OrderRequest order, BigDecimal notional) {
    List<String> problems = problems(order, List.of(), notional, BigDecimal.ZERO);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems.stream()
          .map(p -> new ValidationException.Violation("order", p, "nothing was sent")).toList());
    }
  }

  /**
   * The position in the worst case: the position now, this order, the earlier orders of its batch and every
   * open order of the account on the same market and side, all filled. Open orders on the other side do not
   * lower it (they may be cancelled, or fill after this side has). Reduce-only orders never add to it.
   */
  private String positionProblem(OrderRequest order, Market market, Optional<Position> position,
      List<OrderRequest> ahead, Supplier<List<Order>> open) {
    BigDecimal mark = position.map(Position::markPrice).orElse(null);
    if (mark == null) {
      mark = marketData.listMarkPrices(order.symbol()).stream().filter(m -> order.symbol().equals(m.symbol()))
          .map(MarkPrice::markPrice).filter(p -> p != null).findFirst().orElse(null);
    }
    BigDecimal limit = limits.maxPositionNotional();
    if (mark == null) {
      return "circuit breaker maxPositionNotional: " + order.symbol() + " has no mark price, so the position limit of "
          + plain(limit) + " cannot be checked; try again later, or unset BACKPACK_MAX_POSITION_NOTIONAL";
    }
    BigDecimal quantity = size(order, mark);
    if (quantity == null) {
      return "circuit breaker maxPositionNotional: the order's size is unknown, so the position limit of " + plain(limit)
          + " cannot be checked; give a quantity";
    }
    BigDecimal batched = BigDecimal.ZERO;
    for (OrderRequest earlier : ahead) {
      BigDecimal size = sameSide(order, earlier.symbol(), earlier.side(), earlier.reduceOnly()) ? size(earlier, mark) : null;
      batched = size == null ? batched : batched.add(size);
    }
    BigDecimal resting = BigDecimal.ZERO;
    int restingOrders = 0;
    for (Order o : open.get()) {
      BigDecimal size = sameSide(order, o.symbol(), o.side(), o.reduceOnly()) ? remaining(o, mark) : null;
      if (size != null && size.signum() > 0) {
        resting = resting.add(size);
        restingOrders++;
      }
    }
    BigDecimal now = position.map(Position::netQuantity).orElse(BigDecimal.ZERO);
    BigDecimal sign = order.side() == Side.BID ? BigDecimal.ONE : BigDecimal.ONE.negate();
    BigDecimal before = now.add(resting.add(batched).multiply(sign));
    BigDecimal after = before.add(quantity.multiply(sign));
    if (after.abs().compareTo(before.abs()) <= 0) {
      // The order moves the worst case toward zero: it shrinks the position and nothing on its side outgrows it.
      return null;
    }
    BigDecimal notionalAfter = after.abs().multiply(mark);
    if (notionalAfter.compareTo(limit) <= 0) {
      return null;
    }
    String side = order.side() == Side.BID ? "bids" : "asks";
    List<String> others = new ArrayList<>();
    if (restingOrders > 0) {
      others.add("the account's " + restingOrders + " open " + (restingOrders == 1 ? side.substring(0, 3) : side) + " ("
          + plain(resting) + " " + market.baseSymbol() + ")");
    }
    if (batched.signum() > 0) {
      others.add("the batch's earlier " + side + " (" + plain(batched) + " " + market.baseSymbol() + ")");
    }
    String when = others.isEmpty() ? "after the order" : "if this order and " + String.join(" and ", others) + " all fill";
    return "circuit breaker maxPositionNotional: the " + order.symbol() + " position would be worth "
        + plain(notionalAfter.setScale(2, RoundingMode.UP)) + " " + market.quoteSymbol() + " at the mark " + plain(mark)
        + " (now " + plain(now.abs().multiply(mark).setScale(2, RoundingMode.UP)) + ", position " + plain(after)
        + " " + when + "), above the limit of " + plain(limit) + "; reduce the quantity"
        + (restingOrders == 0 ? "" : ", cancel open " + side) + ", or raise"
        + " BACKPACK_MAX_POSITION_NOTIONAL (SafetyLimits.withMaxPositionNotional)";
  }

  /** {@return whether an order on {@code symbol} and {@code side} can add to {@code order}'s position as it does} */
  private static boolean sameSide(OrderRequest order, String symbol, Side side, Boolean reduceOnly) {
    return order.symbol().equals(symbol) && order.side() == side && !Boolean.TRUE.equals(reduceOnly);
  }

  /** {@return the base quantity an order can trade (by quote: at the mark, rounded up), or null when unknown} */
  private static BigDecimal size(OrderRequest order, BigDecimal mark) {
    return order.quantity() != null ? order.quantity()
        : order.quoteQuantity() != null ? order.quoteQuantity().divide(mark, 12, RoundingMode.UP) : order.triggerQuantity();
  }

  /** {@return what an open order can still trade (a pending trigger: its trigger quantity), or null when unknown} */
  private static BigDecimal remaining(Order o, BigDecimal mark) {
    BigDecimal executed = o.executedQuantity() == null ? BigDecimal.ZERO : o.executedQuantity();
    if (o.quantity() != null) {
      return o.quantity().subtract(executed);
    }
    if (o.triggerQuantity() != null) {
      try {
        return new BigDecimal(o.triggerQuantity()).subtract(executed);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (o.quoteQuantity() != null) {
      BigDecimal spent = o.executedQuoteQuantity() == null ? BigDecimal.ZERO : o.executedQuoteQuantity();
      return o.quoteQuantity().subtract(spent).divide(mark, 12, RoundingMode.UP);
    }
    return null;
  }

  /**
   * {@return every breaker that is set, with its current figure and whether it has tripped} Reads the
   * account only for the breakers that need it; a failed read makes that figure unknown, not the call fail.
   */
  List<BreakerStatus> status() {
    List<BreakerStatus> out = new ArrayList<>();
    Supplier<CollateralSummary> collateral = once(account::getCollateralSummary);
    if (limits.maxPositionNotional() != null) {
      out.add(figure("maxPositionNotional", limits.maxPositionNotional(), () -> account.listPositions().stream()
          .filter(p -> p.netQuantity() != null && p.markPrice() != null)
          .map(p -> p.netQuantity().abs().multiply(p.markPrice())).reduce(BigDecimal.ZERO, BigDecimal::max)
          .setScale(2, RoundingMode.UP)));
    }
    if (limits.maxLeverage() != null) {
      out.add(figure("maxLeverage", limits.maxLeverage(), () -> {
        CollateralSummary c = collateral.get();
        if (c.netEquity() == null || c.netEquity().signum() <= 0 || c.netExposureFutures() == null) {
          throw new IllegalStateException("net equity is " + (c.netEquity() == null ? "unknown" : plain(c.netEquity())));
        }
        BigDecimal liabilities = c.liabilitiesValue() == null ? BigDecimal.ZERO : c.liabilitiesValue();
        return c.netExposureFutures().add(liabilities).divide(c.netEquity(), 2, RoundingMode.UP);
      }));
    }
    if (limits.maxOpenOrders() != null) {
      out.add(figure("maxOpenOrders", BigDecimal.valueOf(limits.maxOpenOrders()),
          () -> BigDecimal.valueOf(openOrders.get().size())));
    }
    if (limits.maxDailyNotional() != null) {
      out.add(figure("maxDailyNotional", limits.maxDailyNotional(), daily::notionalUsed));
    }
    if (limits.maxDailyLoss() != null) {
      try {
        DailyBreakers.Loss loss = daily.evaluateLoss(collateral.get());
        out.add(new BreakerStatus("maxDailyLoss", limits.maxDailyLoss(), loss.loss(), loss.tripped(), loss.tripped()
            ? "tripped at " + java.time.Instant.ofEpochMilli(loss.trippedAtMillis()) + ": reduce-only until 00:00 UTC"
            : null));
      } catch (RuntimeException e) {
        out.add(new BreakerStatus("maxDailyLoss", limits.maxDailyLoss(), null, null, "unknown: " + e.getMessage()));
      }
    }
    return out;
  }

  /** A figure that trips at its limit; a read that fails makes it unknown. */
  private static BreakerStatus figure(String rule, BigDecimal limit, Supplier<BigDecimal> used) {
    try {
      BigDecimal value = used.get();
      return new BreakerStatus(rule, limit, value, value.compareTo(limit) >= 0, null);
    } catch (RuntimeException e) {
      return new BreakerStatus(rule, limit, null, null, "unknown: " + e.getMessage());
    }
  }

  /** {@return a supplier that asks {@code read} once, on first use} Not thread-safe: one check's reads. */
  private static <T> Supplier<T> once(Supplier<T> read) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = read.get();
        }
        return value;
      }
    };
  }

  /**
   * {@return how many open orders {@code order} can leave on the account: itself when it can rest, plus
   * the take-profit and stop-loss trigger orders the exchange arms for it once it fills (one each, for
   * any order type: a market order with both leaves two, a resting limit order with both three)}
   */
  static int opensOrders(OrderRequest order) {
    return (rests(order) ? 1 : 0) + (order.takeProfitTriggerPrice() != null ? 1 : 0)
        + (order.stopLossTriggerPrice() != null ? 1 : 0);
  }

  private static String opensWhat(OrderRequest order, int opens) {
    int exits = opens - (rests(order) ? 1 : 0);
    String attached = exits == 0 ? "" : exits + " take-profit/stop-loss trigger order" + (exits == 1 ? "" : "s");
    if (!rests(order)) {
      return attached;
    }
    return exits == 0 ? "one more resting" : "one more resting and " + attached;
  }

  /** {@return whether the order can rest on the book: a trigger order, or a limit order that is not IOC or FOK} */
  static boolean rests(OrderRequest order) {
    if (order.triggerPrice() != null) {
      return true;
    }
    return order.orderType() == OrderType.LIMIT && order.timeInForce() != TimeInForce.IOC
        && order.timeInForce() != TimeInForce.FOK;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
