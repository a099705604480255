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
 * that does not raise what the rule measures (a position that shrinks, leverage that does not rise, an
 * order that does not rest).
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
   * @param restingAhead resting orders placed before this one in the same batch (0 for a single order)
   * @param notional the order's notional for {@code maxDailyNotional} (null when unset or not estimable)
   * @param notionalAhead notional of the orders before this one in the same batch
   */
  List<String> problems(OrderRequest order, int restingAhead, BigDecimal notional, BigDecimal notionalAhead) {
    List<String> problems = new ArrayList<>();
    if (!limits.hasBreakers() || Boolean.TRUE.equals(order.reduceOnly())) {
      return problems;
    }
    Supplier<CollateralSummary> collateral = once(account::getCollateralSummary);
    problems.addAll(accountProblems(order, restingAhead, collateral));
    problems.addAll(daily.problems(order, notional, notionalAhead, collateral));
    return problems;
  }

  private List<String> accountProblems(OrderRequest order, int restingAhead, Supplier<CollateralSummary> collateral) {
    List<String> problems = new ArrayList<>();
    Market market = markets.require(order.symbol());
    boolean perp = market.marketType() != MarketType.SPOT;
    if (limits.maxOpenOrders() != null && rests(order)) {
      int current = openOrders.get().size() + restingAhead;
      if (current + 1 > limits.maxOpenOrders()) {
        problems.add("circuit breaker maxOpenOrders: the account has " + current + " open orders and this order would"
            + " rest as one more (" + (current + 1) + "), above the limit of " + limits.maxOpenOrders() + "; cancel open"
            + " orders first, use a market or IOC order, or raise BACKPACK_MAX_OPEN_ORDERS (SafetyLimits.withMaxOpenOrders)");
      }
    }
    if (!perp || (limits.maxPositionNotional() == null && limits.maxLeverage() == null)) {
      return problems;
    }
    Optional<Position> position = account.getPosition(order.symbol());
    if (limits.maxPositionNotional() != null) {
      String problem = positionProblem(order, market, position);
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
    List<String> problems = problems(order, 0, notional, BigDecimal.ZERO);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems.stream()
          .map(p -> new ValidationException.Violation("order", p, "nothing was sent")).toList());
    }
  }

  private String positionProblem(OrderRequest order, Market market, Optional<Position> position) {
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
    BigDecimal quantity = order.quantity() != null ? order.quantity()
        : order.quoteQuantity() != null ? order.quoteQuantity().divide(mark, 12, RoundingMode.UP) : order.triggerQuantity();
    if (quantity == null) {
      return "circuit breaker maxPositionNotional: the order's size is unknown, so the position limit of " + plain(limit)
          + " cannot be checked; give a quantity";
    }
    BigDecimal before = position.map(Position::netQuantity).orElse(BigDecimal.ZERO);
    BigDecimal after = before.add(order.side() == Side.BID ? quantity : quantity.negate());
    if (after.abs().compareTo(before.abs()) <= 0) {
      return null;
    }
    BigDecimal notionalAfter = after.abs().multiply(mark);
    if (notionalAfter.compareTo(limit) <= 0) {
      return null;
    }
    return "circuit breaker maxPositionNotional: the " + order.symbol() + " position would be worth "
        + plain(notionalAfter.setScale(2, RoundingMode.UP)) + " " + market.quoteSymbol() + " at the mark " + plain(mark)
        + " (now " + plain(before.abs().multiply(mark).setScale(2, RoundingMode.UP)) + ", position " + plain(after)
        + " after the order), above the limit of " + plain(limit) + "; reduce the quantity, or raise"
        + " BACKPACK_MAX_POSITION_NOTIONAL (SafetyLimits.withMaxPositionNotional)";
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
