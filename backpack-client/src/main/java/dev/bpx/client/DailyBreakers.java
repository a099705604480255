package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.request.OrderRequest;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The daily circuit breakers, whose state lives in a {@link BreakerStateFile}.
 *
 * <p>{@code maxDailyNotional}: what counts is the notional of every order that is not reduce-only, as
 * the max order notional measures it ({@link FillEstimator#notional}: buy limit: price × quantity; sell
 * limit: the bids it would take and the rest at its price; market by quote: that quote quantity; market
 * by quantity: the cost of filling it against the book; trigger: its price × quantity), counted
 * when the order is sent, whether it then fills or not, and uncounted when the exchange refuses it (a
 * 4xx answer, or an unknown outcome the exchange confirms as not placed). An order whose outcome stays
 * unknown stays counted. An entry leaves the count 24 hours after it was sent. Sent orders worth exactly
 * the limit pass; one step more is refused.
 *
 * <p>{@code maxDailyLoss}: the loss is the fall of the account's net equity ({@code GET
 * /api/v1/capital/collateral}: balances at their value plus unrealised PnL, after funding and fees)
 * from the net equity first seen on the current UTC day, persisted as the day's baseline. When the loss
 * reaches the limit the breaker trips and stays tripped (persisted) until the next UTC day, until a
 * person resets it ({@link BreakerStateFile#reset}) or until the limit changes; while tripped every order
 * that is not reduce-only is refused. Limitation: deposits and withdrawals move net equity too, so a
 * withdrawal counts as a loss (reset by hand after one) and a deposit hides the day's loss before it.
 *
 * <p>Thread-safe.
 */
final class DailyBreakers {
  static final Duration WINDOW = Duration.ofHours(24);

  private final SafetyLimits limits;
  private final BreakerStateFile store;
  private final Clock clock;

  /** @param store where the state lives; null only when no daily breaker is set */
  DailyBreakers(SafetyLimits limits, BreakerStateFile store, Clock clock) {
    this.limits = limits;
    this.store = store;
    this.clock = clock;
  }

  /** The daily loss as last evaluated. */
  record Loss(BigDecimal baseline, BigDecimal equity, BigDecimal loss, boolean tripped, long trippedAtMillis) {}

  /**
   * {@return the daily breakers {@code order} would trip, with the figures; empty when none}
   *
   * @param notional the order's notional, or null when it could not be estimated
   * @param notionalAhead notional of the orders before this one in the same batch
   * @param collateral reads the account's collateral summary (only when {@code maxDailyLoss} is set)
   */
  List<String> problems(OrderRequest order, BigDecimal notional, BigDecimal notionalAhead,
      Supplier<CollateralSummary> collateral) {
    List<String> problems = new ArrayList<>();
    if (Boolean.TRUE.equals(order.reduceOnly()) || !limits.hasDailyBreakers()) {
      return problems;
    }
    try {
      if (limits.maxDailyLoss() != null) {
        String loss = lossProblem(evaluateLoss(collateral.get()));
        if (loss != null) {
          problems.add(loss);
        }
      }
      if (limits.maxDailyNotional() != null) {
        String over = notionalProblem(store.read(), notional, notionalAhead);
        if (over != null) {
          problems.add(over);
        }
      }
    } catch (UncheckedIOException e) {
      problems.add("circuit breakers: " + e.getMessage() + "; the daily limits cannot be checked, so no order that is"
          + " not reduce-only is sent. Fix the state directory's permissions or disk space");
    }
    return problems;
  }

  /**
   * Counts {@code order} against {@code maxDailyNotional} (checking again under the lock, so two
   * processes sharing the state cannot both take the last room), sends it, and uncounts it when the
   * exchange did not take it.
   *
   * @param notional the order's notional (null only when the rule is unset or the order is reduce-only)
   * @throws ValidationException if the order no longer fits; nothing was sent
   */
  <T> T sending(OrderRequest order, BigDecimal notional, Supplier<T> send, java.util.function.Predicate<T> notTaken) {
    if (limits.maxDailyNotional() == null || Boolean.TRUE.equals(order.reduceOnly())) {
      return send.get();
    }
    long now = clock.millis();
    try {
      store.update(s -> {
        String over = notionalProblem(s, notional, BigDecimal.ZERO);
        if (over != null) {
          throw new ValidationException("order", over, "nothing was sent");
        }
        List<BreakerStateFile.Entry> entries = new ArrayList<>(inWindow(s, now));
        entries.add(new BreakerStateFile.Entry(now, order.clientId(), notional));
        return s.withNotional(entries);
      });
    } catch (UncheckedIOException e) {
      throw new ValidationException("order", "circuit breaker maxDailyNotional: " + e.getMessage(),
          "fix the state directory's permissions or disk space; nothing was sent");
    }
    T result;
    try {
      result = send.get();
    } catch (RuntimeException e) {
      if (SendFailures.certainlyNotPlaced(e)) {
        try {
          uncount(List.of(order.clientId()), now);
        } catch (UncheckedIOException io) {
          // Still counted: the limit errs on the safe side, and the exchange's answer is what the caller needs.
          e.addSuppressed(io);
        }
      }
      throw e;
    }
    if (notTaken.test(result)) {
      uncount(List.of(order.clientId()), now);
    }
    return result;
  }

  /**
   * Counts a whole batch at once; {@link #uncount} the orders the exchange refused.
   *
   * @return the time the orders were counted at, for {@link #uncount}
   */
  long countBatch(List<OrderRequest> orders, List<BigDecimal> notionals) {
    long now = clock.millis();
    if (limits.maxDailyNotional() == null) {
      return now;
    }
    try {
      store.update(s -> {
        List<BreakerStateFile.Entry> entries = new ArrayList<>(inWindow(s, now));
        BigDecimal ahead = BigDecimal.ZERO;
        for (int i = 0; i < orders.size(); i++) {
          OrderRequest order = orders.get(i);
          if (Boolean.TRUE.equals(order.reduceOnly())) {
            continue;
          }
          String over = notionalProblem(s, notionals.get(i), ahead);
          if (over != null) {
            throw new ValidationException("orders[" + i + "].order", over, "nothing was sent");
          }
          ahead = ahead.add(notionals.get(i));
          entries.add(new BreakerStateFile.Entry(now, order.clientId(), notionals.get(i)));
        }
        return s.withNotional(entries);
      });
    } catch (UncheckedIOException e) {
      throw new ValidationException("order", "circuit breaker maxDailyNotional: " + e.getMessage(),
          "fix the state directory's permissions or disk space; nothing was sent");
    }
    return now;
  }

  /** Removes the entries counted at {@code atMillis} for these clientIds: the exchange did not take them. */
  void uncount(List<Long> clientIds, long atMillis) {
    if (limits.maxDailyNotional() == null || clientIds.isEmpty()) {
      return;
    }
    store.update(s -> {
      List<BreakerStateFile.Entry> entries = new ArrayList<>(s.notional());
      for (Long id : clientIds) {
        for (int i = entries.size() - 1; i >= 0; i--) {
          if (entries.get(i).clientId() == id && entries.get(i).atMillis() == atMillis) {
            entries.remove(i);
            break;
          }
        }
      }
      return s.withNotional(entries);
    });
  }

  /** {@return the notional counted in the last 24 hours} */
  BigDecimal notionalUsed() {
    return used(inWindow(store.read(), clock.millis()));
  }

  /**
   * {@return the daily loss now: reads the state, starts a new day's baseline from {@code collateral}'s
   * net equity when the UTC day changed (or after a reset), clears a trip made under another limit, and
   * trips (persisted) when the loss reaches the limit}
   *
   * @throws ValidationException if the collateral summary has no net equity
   */
  Loss evaluateLoss(CollateralSummary collateral) {
    BigDecimal equity = collateral == null ? null : collateral.netEquity();
    if (equity == null) {
      throw new ValidationException("order", "circuit breaker maxDailyLoss: the exchange's collateral summary has no"
          + " netEquity, so the daily loss cannot be measured", "try again later; nothing was sent");
    }
    long now = clock.millis();
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
    BigDecimal limit = limits.maxDailyLoss();
    BreakerStateFile.State s = store.update(state -> {
      BreakerStateFile.State next = state;
      if (!today.equals(next.lossDay()) || next.baseline() == null) {
        next = next.withDay(today, equity);
      }
      if (next.isTripped() && next.trippedLimit().compareTo(limit) != 0) {
        next = next.untripped(); // the user changed the limit: judge the day's loss against the new one
      }
      if (!next.isTripped() && next.baseline().subtract(equity).compareTo(limit) >= 0) {
        next = next.tripped(limit, equity, now);
      }
      return next;
    });
    return new Loss(s.baseline(), equity, s.baseline().subtract(equity), s.isTripped(), s.trippedAtMillis());
  }

  private String lossProblem(Loss loss) {
    if (!loss.tripped()) {
      return null;
    }
    return "circuit breaker maxDailyLoss: the account's net equity is " + plain(loss.equity()) + ", down "
        + plain(loss.loss()) + " from " + plain(loss.baseline()) + " at the start of the UTC day, and the loss reached"
        + " the limit of " + plain(limits.maxDailyLoss()) + " at " + Instant.ofEpochMilli(loss.trippedAtMillis())
        + ", so until 00:00 UTC only reduce-only orders are sent (closing positions and cancels still work)."
        + " A person can run 'backpack-mcp breakers reset' or change BACKPACK_MAX_DAILY_LOSS (SafetyLimits.withMaxDailyLoss)";
  }

  private String notionalProblem(BreakerStateFile.State s, BigDecimal notional, BigDecimal ahead) {
    BigDecimal limit = limits.maxDailyNotional();
    long now = clock.millis();
    List<BreakerStateFile.Entry> window = inWindow(s, now);
    BigDecimal used = used(window).add(ahead);
    if (notional == null) {
      return "circuit breaker maxDailyNotional: the order's value cannot be estimated (the order book is empty), so the"
          + " daily limit of " + plain(limit) + " cannot be checked; use a limit order";
    }
    BigDecimal after = used.add(notional);
    if (after.compareTo(limit) <= 0) {
      return null;
    }
    String frees = window.isEmpty() ? "" : "; the oldest counted order leaves the window at "
        + Instant.ofEpochMilli(window.get(0).atMillis()).plus(WINDOW);
    return "circuit breaker maxDailyNotional: orders worth " + plain(used) + " (quote currency) were sent through this"
        + " client in the last 24 hours, and this order (" + plain(notional) + ") would take it to " + plain(after)
        + ", above the limit of " + plain(limit) + frees + ". Reduce the quantity, wait, or raise"
        + " BACKPACK_MAX_DAILY_NOTIONAL (SafetyLimits.withMaxDailyNotional)";
  }

  private static List<BreakerStateFile.Entry> inWindow(BreakerStateFile.State s, long now) {
    long from = now - WINDOW.toMillis();
    return s.notional().stream().filter(e -> e.atMillis() > from).toList();
  }

  private static BigDecimal used(List<BreakerStateFile.Entry> entries) {
    return entries.stream().map(BreakerStateFile.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
