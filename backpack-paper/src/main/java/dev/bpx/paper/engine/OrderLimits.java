package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Funds;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code GET /api/v1/account/limits/order}: the largest quantity, on the market's step, that order
 * entry would accept now. It asks the same rule order entry uses ({@link Funds#refusal}) and
 * searches the step grid for the boundary, so exactly the answer is accepted and one step more is
 * refused. Reduce-only orders are never refused for funds; their maximum is the size of the
 * position they can reduce (zero on the position's own side or without a position).
 *
 * <p>Changes nothing, so reads may call it. Engine-owned, not thread-safe.
 */
final class OrderLimits {
  /** Steps tried beyond which the search stops doubling: far above any book or balance. */
  private static final long MAX_STEPS = 1L << 60;

  private OrderLimits() {}

  static BigDecimal maxQuantity(Funds funds, Account a, MarketState m, Side side, BigDecimal price,
                                boolean reduceOnly) {
    MarketSpec s = m.spec;
    if (reduceOnly && !s.isPerp()) {
      throw ApiError.badRequest("Reduce only orders are only supported on futures markets");
    }
    OrderValidation.price(price, s);
    BigDecimal step = s.stepSize();
    long minSteps = s.minQuantity().divide(step, 0, RoundingMode.CEILING).longValueExact();
    long maxSteps = s.maxQuantity() == null ? MAX_STEPS
        : s.maxQuantity().divide(step, 0, RoundingMode.FLOOR).longValueExact();
    if (reduceOnly) {
      PerpPosition p = a.positions().get(s.symbol());
      if (p == null || p.netQuantity().signum() == side.sign()) {
        return BigDecimal.ZERO;
      }
      long steps = Math.min(p.netQuantity().abs().divide(step, 0, RoundingMode.FLOOR).longValueExact(), maxSteps);
      return steps < minSteps ? BigDecimal.ZERO : quantity(step, steps);
    }
    if (price == null && side == Side.Bid && !s.isPerp()) {
      // A spot market bid is checked against the cost of walking the book; beyond the book's depth
      // the cost stops growing (the remainder would expire), so the book caps the answer.
      maxSteps = Math.min(maxSteps, bookSteps(m, a, step));
    }
    if (maxSteps < minSteps || !accepted(funds, a, m, side, price, quantity(step, minSteps))) {
      return BigDecimal.ZERO;
    }
    // The rule is monotone in the quantity: find the last accepted step count by doubling, then bisecting.
    long good = minSteps;
    long bad = -1;
    long probe = Math.max(1, minSteps);
    while (bad < 0) {
      probe = Math.min(probe * 2, maxSteps);
      if (accepted(funds, a, m, side, price, quantity(step, probe))) {
        good = probe;
        if (probe == maxSteps) {
          return quantity(step, good);
        }
      } else {
        bad = probe;
      }
    }
    while (bad - good > 1) {
      long mid = good + (bad - good) / 2;
      if (accepted(funds, a, m, side, price, quantity(step, mid))) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return quantity(step, good);
  }

  private static boolean accepted(Funds funds, Account a, MarketState m, Side side, BigDecimal price,
                                  BigDecimal quantity) {
    Order o = Order.builder()
        .account(a.apiKey)
        .symbol(m.spec.symbol())
        .side(side)
        .type(price == null ? OrderType.Market : OrderType.Limit)
        .price(price)
        .quantity(quantity)
        .build();
    return funds.refusal(a, m.spec, m.book, o, false) == null;
  }

  /** {@return how many whole steps other accounts offer on the ask side} */
  private static long bookSteps(MarketState m, Account a, BigDecimal step) {
    BigDecimal total = BigDecimal.ZERO;
    for (var level : m.book.levels(Side.Ask).values()) {
      for (Order maker : level) {
        if (!maker.account().equals(a.apiKey)) {
          total = total.add(maker.remaining());
        }
      }
    }
    return total.divide(step, 0, RoundingMode.FLOOR).longValueExact();
  }

  private static BigDecimal quantity(BigDecimal step, long steps) {
    return step.multiply(BigDecimal.valueOf(steps));
  }
}
