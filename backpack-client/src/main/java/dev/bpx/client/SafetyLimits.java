package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Limits the client enforces on every order before anything is sent: a largest notional per order
 * (in the market's quote currency) and a set of symbols orders may use. Cancels and reduce-only
 * orders are never limited: they can only lower risk, and a position must always be closable, even
 * one built from several smaller orders or on a symbol since removed from the list.
 *
 * <pre>{@code
 * BackpackClient client = BackpackClient.builder()
 *     .safetyLimits(SafetyLimits.of(new BigDecimal("500"), Set.of("SOL_USDC", "SOL_USDC_PERP")))
 *     ...
 * }</pre>
 *
 * <p>An order's notional is never below what it can trade for at the current book ({@link
 * FillEstimator#notional}): of a buy limit, {@code price × quantity} (it fills at or below its price);
 * of a sell limit, which fills at or above its price, the bids it would take, best first, and the rest
 * at its price (so a sell limit needs one depth request when a notional limit is set; a post-only sell
 * is {@code price × quantity}); of a market order by quote quantity, that quote quantity; of a market
 * order by quantity, the cost of filling it against the current order book (one depth request); of a
 * trigger order, its limit price (or trigger price; for a sell the larger of the two) times its quantity.
 * The same figure counts for {@code maxDailyNotional}, {@link ConfirmationPolicy} and {@link
 * OrderPreview#orderNotional()}.
 *
 * <p>Circuit breakers, each unset by default, look at the account after the order (see {@link
 * CircuitBreakers}): {@code maxPositionNotional}, the absolute notional at the mark of any one perp
 * position in the worst case (this order and the account's open orders on the same side of the market
 * all filled); {@code maxLeverage}, the account's effective leverage (exposure over net equity, as the
 * exchange's {@code leverageLimit} counts it); {@code maxOpenOrders}, the open orders on the account,
 * an order counting as itself when it can rest plus one for each take-profit and stop-loss attached.
 * The reads a breaker needs are only made when it is set. An order that only reduces exposure passes.
 *
 * <p>Two daily breakers keep state on disk, so they need {@link BackpackClient.Builder#stateDirectory}
 * (see {@link DailyBreakers}): {@code maxDailyNotional}, the notional of the orders sent through this
 * client in a rolling 24 hours; {@code maxDailyLoss}, the fall of the account's net equity since the
 * first time it was seen this UTC day, at or beyond which the client places only reduce-only orders
 * until the next UTC day, a manual reset ({@link BreakerStateFile#reset}) or a changed limit.
 *
 * <pre>{@code
 * SafetyLimits.none().withMaxPositionNotional(new BigDecimal("2000")).withMaxLeverage(new BigDecimal("3"))
 *     .withMaxOpenOrders(20)
 * }</pre>
 *
 * <p>Thread-safe (immutable).
 *
 * @param maxOrderNotional the largest notional of one order in quote currency, or null for none
 * @param allowedSymbols the symbols orders may use; empty means all
 * @param maxPositionNotional the largest absolute notional at the mark of one perp position after an
 *     order and the account's open orders on its side of the market fill, in quote currency, or null for none
 * @param maxLeverage the largest account leverage after an order, or null for none
 * @param maxOpenOrders the most open orders on the account after an order (with the take-profit and
 *     stop-loss trigger orders it leaves), or null for none
 * @param maxDailyNotional the largest notional sent through this client in a rolling 24 hours, in quote
 *     currency, or null for none
 * @param maxDailyLoss the net-equity loss since the start of the UTC day at which the client goes
 *     reduce-only, in quote currency, or null for none
 */
public record SafetyLimits(BigDecimal maxOrderNotional, Set<String> allowedSymbols, BigDecimal maxPositionNotional,
    BigDecimal maxLeverage, Integer maxOpenOrders, BigDecimal maxDailyNotional, BigDecimal maxDailyLoss) {
  private static final SafetyLimits NONE = new SafetyLimits(null, Set.of());

  /** Checks and copies the values. */
  public SafetyLimits {
    positive("maxOrderNotional", maxOrderNotional);
    positive("maxPositionNotional", maxPositionNotional);
    positive("maxLeverage", maxLeverage);
    positive("maxDailyNotional", maxDailyNotional);
    positive("maxDailyLoss", maxDailyLoss);
    if (maxOpenOrders != null && maxOpenOrders < 0) {
      throw new ValidationException("maxOpenOrders", "must be 0 or more (got " + maxOpenOrders + ")", "use null for no limit");
    }
    Set<String> symbols = new LinkedHashSet<>();
    if (allowedSymbols != null) {
      for (String s : allowedSymbols) {
        if (s == null || s.isBlank()) {
          // A blank entry would make the list non-empty yet match nothing, refusing every order.
          throw new ValidationException("allowedSymbols", "contains a blank symbol",
              "remove it; give symbols such as SOL_USDC, or an empty set to allow all");
        }
        symbols.add(s.strip().toUpperCase(Locale.ROOT));
      }
    }
    allowedSymbols = Collections.unmodifiableSet(symbols);
  }

  /** Limits without circuit breakers. */
  public SafetyLimits(BigDecimal maxOrderNotional, Set<String> allowedSymbols) {
    this(maxOrderNotional, allowedSymbols, null, null, null, null, null);
  }

  /** Limits without the daily breakers (the constructor before they existed). */
  public SafetyLimits(BigDecimal maxOrderNotional, Set<String> allowedSymbols, BigDecimal maxPositionNotional,
      BigDecimal maxLeverage, Integer maxOpenOrders) {
    this(maxOrderNotional, allowedSymbols, maxPositionNotional, maxLeverage, maxOpenOrders, null, null);
  }

  private static void positive(String name, BigDecimal value) {
    if (value != null && value.signum() <= 0) {
      throw new ValidationException(name, "must be positive (got " + value.toPlainString() + ")", "use null for no limit");
    }
  }

  /** {@return these limits with the largest perp position notional after an order (null for none)} */
  public SafetyLimits withMaxPositionNotional(BigDecimal limit) {
    return new SafetyLimits(maxOrderNotional, allowedSymbols, limit, maxLeverage, maxOpenOrders, maxDailyNotional,
        maxDailyLoss);
  }

  /** {@return these limits with the largest account leverage after an order (null for none)} */
  public SafetyLimits withMaxLeverage(BigDecimal limit) {
    return new SafetyLimits(maxOrderNotional, allowedSymbols, maxPositionNotional, limit, maxOpenOrders, maxDailyNotional,
        maxDailyLoss);
  }

  /**
   * {@return these limits with the most open orders on the account after an order, counting the take-profit
   * and stop-loss trigger orders it leaves (null for none)}
   */
  public SafetyLimits withMaxOpenOrders(Integer limit) {
    return new SafetyLimits(maxOrderNotional, allowedSymbols, maxPositionNotional, maxLeverage, limit, maxDailyNotional,
        maxDailyLoss);
  }

  /**
   * {@return these limits with the largest notional sent through the client in a rolling 24 hours (null
   * for none)} Needs {@link BackpackClient.Builder#stateDirectory}.
   */
  public SafetyLimits withMaxDailyNotional(BigDecimal limit) {
    return new SafetyLimits(maxOrderNotional, allowedSymbols, maxPositionNotional, maxLeverage, maxOpenOrders, limit,
        maxDailyLoss);
  }

  /**
   * {@return these limits with the net-equity loss since the start of the UTC day at which the client
   * goes reduce-only (null for none)} Needs {@link BackpackClient.Builder#stateDirectory}.
   */
  public SafetyLimits withMaxDailyLoss(BigDecimal limit) {
    return new SafetyLimits(maxOrderNotional, allowedSymbols, maxPositionNotional, maxLeverage, maxOpenOrders,
        maxDailyNotional, limit);
  }

  /** {@return whether a daily breaker (which keeps state in the state directory) is set} */
  public boolean hasDailyBreakers() {
    return maxDailyNotional != null || maxDailyLoss != null;
  }

  /** {@return whether any circuit breaker (a rule that reads the account) is set} */
  public boolean hasBreakers() {
    return maxPositionNotional != null || maxLeverage != null || maxOpenOrders != null || hasDailyBreakers();
  }

  /** {@return no limits} */
  public static SafetyLimits none() {
    return NONE;
  }

  /** {@return limits with the given maximum notional (or null) and allowed symbols (empty for all)} */
  public static SafetyLimits of(BigDecimal maxOrderNotional, Set<String> allowedSymbols) {
    return new SafetyLimits(maxOrderNotional, allowedSymbols);
  }

  /** {@return whether orders on {@code symbol} are allowed} */
  public boolean allowsSymbol(String symbol) {
    return allowedSymbols.isEmpty() || allowedSymbols.contains(symbol.toUpperCase(Locale.ROOT));
  }

  /** {@return whether a notional limit is set, so a market-by-quantity order needs a cost estimate} */
  public boolean limitsNotional() {
    return maxOrderNotional != null;
  }

  /** {@return whether checking {@code request} needs its notional (a limit is set and applies to it)} */
  boolean needsNotional(OrderRequest request) {
    return (limitsNotional() || maxDailyNotional != null) && !Boolean.TRUE.equals(request.reduceOnly());
  }

  /**
   * {@return the problem with {@code request}, or null when it is within the limits}
   *
   * @param notional the order's notional in quote currency, or null when it could not be estimated
   */
  String problem(OrderRequest request, BigDecimal notional) {
    if (Boolean.TRUE.equals(request.reduceOnly())) {
      return null;
    }
    if (!allowsSymbol(request.symbol())) {
      return "orders on " + request.symbol() + " are not allowed by the safety limits (allowed: "
          + String.join(", ", allowedSymbols) + "); change BACKPACK_ALLOWED_SYMBOLS to trade it";
    }
    if (maxOrderNotional != null) {
      if (notional == null) {
        return "the order's value cannot be estimated (the order book is empty), so the max order notional "
            + maxOrderNotional.toPlainString() + " cannot be checked; use a limit order";
      }
      if (notional.compareTo(maxOrderNotional) > 0) {
        return "the order's value " + notional.stripTrailingZeros().toPlainString() + " exceeds the max order notional "
            + maxOrderNotional.toPlainString() + " (quote currency); reduce the quantity or raise BACKPACK_MAX_ORDER_NOTIONAL";
      }
    }
    return null;
  }

  /**
   * @throws ValidationException if {@code request} breaks a limit; nothing has been sent
   */
  void check(OrderRequest request, BigDecimal notional) {
    String problem = problem(request, notional);
    if (problem != null) {
      throw new ValidationException("order", problem, "nothing was sent");
    }
  }

  @Override
  public String toString() {
    return "SafetyLimits[maxOrderNotional=" + (maxOrderNotional == null ? "none" : maxOrderNotional.toPlainString())
        + ", allowedSymbols=" + (allowedSymbols.isEmpty() ? "all" : allowedSymbols)
        + (maxPositionNotional == null ? "" : ", maxPositionNotional=" + maxPositionNotional.toPlainString())
        + (maxLeverage == null ? "" : ", maxLeverage=" + maxLeverage.toPlainString())
        + (maxOpenOrders == null ? "" : ", maxOpenOrders=" + maxOpenOrders)
        + (maxDailyNotional == null ? "" : ", maxDailyNotional=" + maxDailyNotional.toPlainString())
        + (maxDailyLoss == null ? "" : ", maxDailyLoss=" + maxDailyLoss.toPlainString()) + "]";
  }
}
