package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The checks Backpack makes on an order before it reaches the book, with its codes and
 * messages where they are known (backpack-api.md sections 4.1, 5 and 11). Messages the sources
 * do not give are marked UNCONFIRMED in the module README.
 */
final class OrderValidation {
  private OrderValidation() {}

  static void check(OrderRequest r, MarketSpec m) {
    if (r.triggerPrice() == null ^ r.triggerQuantity() == null) {
      throw ApiError.badRequest("Must specify both `triggerPrice` and `triggerQuantity` or neither");
    }
    boolean trigger = r.triggerPrice() != null;
    if (r.orderType() == OrderType.Limit) {
      if (r.price() == null) {
        throw ApiError.badRequest("Limit orders must specify a `price`");
      }
      if (r.quantity() == null && !trigger) {
        throw ApiError.badRequest("Limit orders must specify a `quantity`");
      }
      if (r.quoteQuantity() != null) {
        throw ApiError.badRequest("Limit orders cannot specify a `quoteQuantity`");
      }
    } else {
      if (r.quantity() == null && r.quoteQuantity() == null && !trigger) {
        throw ApiError.badRequest("Market orders must specify a `quantity` or `quoteQuantity`");
      }
      if (r.price() != null) {
        throw ApiError.badRequest("Market orders cannot specify a `price`");
      }
      if (r.postOnly()) {
        throw ApiError.badRequest("Market orders cannot be post only");
      }
    }
    if (Boolean.TRUE.equals(r.reduceOnly()) && !m.isPerp()) {
      throw ApiError.badRequest("Reduce only orders are only supported on futures markets");
    }
    price(r.price(), m);
    price(r.triggerPrice(), m);
    price(r.stopLossTriggerPrice(), m);
    price(r.stopLossLimitPrice(), m);
    price(r.takeProfitTriggerPrice(), m);
    price(r.takeProfitLimitPrice(), m);
    quantity(r.quantity(), m);
    if (r.quoteQuantity() != null && r.quoteQuantity().signum() <= 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quote quantity must be positive");
    }
    if (trigger && !r.triggerQuantity().endsWith("%")) {
      try {
        quantity(new BigDecimal(r.triggerQuantity()), m);
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("Invalid trigger quantity");
      }
    }
    if (r.stopLossLimitPrice() != null && r.stopLossTriggerPrice() == null
        || r.takeProfitLimitPrice() != null && r.takeProfitTriggerPrice() == null) {
      throw ApiError.badRequest("A limit price needs its trigger price");
    }
  }

  /**
   * The market's price band ({@code filters.price.minMultiplier} / {@code maxMultiplier}, "allowed multiplier from
   * last active price" in the spec): a limit price, a trigger order's limit price included, must lie within
   * [min x reference, max x reference], both ends allowed. A market publishing no multiplier has no bound on that
   * side. Market orders have no price and are not affected. The message gives the bound, the reference and the
   * nearest price on the tick that passes (the live wording is UNCONFIRMED, backpack-api.md 4.1).
   *
   * @param reference the market's last active price: its last trade, or the mark before it ever traded
   */
  static void band(BigDecimal p, MarketSpec m, BigDecimal reference) {
    if (p == null || reference == null || reference.signum() <= 0) {
      return;
    }
    if (m.maxMultiplier() != null) {
      BigDecimal max = reference.multiply(m.maxMultiplier());
      if (p.compareTo(max) > 0) {
        throw outOfBand(p, "above the maximum", max, m.maxMultiplier(), reference, "at or below",
            onTick(max, m, RoundingMode.FLOOR));
      }
    }
    if (m.minMultiplier() != null) {
      BigDecimal min = reference.multiply(m.minMultiplier());
      if (p.compareTo(min) < 0) {
        throw outOfBand(p, "below the minimum", min, m.minMultiplier(), reference, "at or above",
            onTick(min, m, RoundingMode.CEILING));
      }
    }
  }

  private static ApiError outOfBand(BigDecimal p, String where, BigDecimal bound, BigDecimal multiplier,
                                    BigDecimal reference, String fix, BigDecimal fixPrice) {
    return ApiError.of("INVALID_PRICE", "Price " + p.toPlainString() + " is " + where + " "
        + bound.stripTrailingZeros().toPlainString() + " (" + multiplier.stripTrailingZeros().toPlainString()
        + " x the last price " + reference.toPlainString() + "); use a price " + fix + " "
        + fixPrice.toPlainString());
  }

  /** {@return a bound rounded to the market's tick, inward, so that the price it names passes} */
  private static BigDecimal onTick(BigDecimal bound, MarketSpec m, RoundingMode inward) {
    BigDecimal ticks = bound.divide(m.tickSize(), 0, inward);
    return m.fromTicks(ticks.longValueExact());
  }

  static void price(BigDecimal p, MarketSpec m) {
    amount(p, "Price", "INVALID_PRICE", m.priceScale(), "tick size", m.tickSize(), m.minPrice(), m.maxPrice());
  }

  static void quantity(BigDecimal q, MarketSpec m) {
    amount(q, "Quantity", "INVALID_QUANTITY", m.quantityScale(), "step size", m.stepSize(), m.minQuantity(),
        m.maxQuantity());
  }

  /**
   * The market's rules for a price or a quantity, in the order the exchange applies them: positive, not more
   * decimals than the market's, a multiple of the increment, within the bounds ({@code max} null for none).
   */
  private static void amount(BigDecimal v, String what, String code, int scale, String incrementName,
                             BigDecimal increment, BigDecimal min, BigDecimal max) {
    if (v == null) {
      return;
    }
    if (v.signum() <= 0) {
      throw ApiError.of(code, what + " must be positive");
    }
    if (v.stripTrailingZeros().scale() > scale) {
      throw ApiError.badRequest(what + " decimal too long");
    }
    if (v.remainder(increment).signum() != 0) {
      throw ApiError.of(code, what + " must be a multiple of the " + incrementName + " " + increment.toPlainString());
    }
    if (v.compareTo(min) < 0) {
      throw ApiError.of(code, what + " is below the minimum " + min.toPlainString());
    }
    if (max != null && v.compareTo(max) > 0) {
      throw ApiError.of(code, what + " is above the maximum " + max.toPlainString());
    }
  }
}
