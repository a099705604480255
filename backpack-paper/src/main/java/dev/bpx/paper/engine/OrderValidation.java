package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.OrderType;
import java.math.BigDecimal;

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

  static void price(BigDecimal p, MarketSpec m) {
    if (p == null) {
      return;
    }
    if (p.signum() <= 0) {
      throw ApiError.of("INVALID_PRICE", "Price must be positive");
    }
    if (p.stripTrailingZeros().scale() > m.priceScale()) {
      throw ApiError.badRequest("Price decimal too long");
    }
    if (p.remainder(m.tickSize()).signum() != 0) {
      throw ApiError.of("INVALID_PRICE", "Price must be a multiple of the tick size " + m.tickSize().toPlainString());
    }
    if (p.compareTo(m.minPrice()) < 0) {
      throw ApiError.of("INVALID_PRICE", "Price is below the minimum " + m.minPrice().toPlainString());
    }
    if (m.maxPrice() != null && p.compareTo(m.maxPrice()) > 0) {
      throw ApiError.of("INVALID_PRICE", "Price is above the maximum " + m.maxPrice().toPlainString());
    }
  }

  static void quantity(BigDecimal q, MarketSpec m) {
    if (q == null) {
      return;
    }
    if (q.signum() <= 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quantity must be positive");
    }
    if (q.stripTrailingZeros().scale() > m.quantityScale()) {
      throw ApiError.badRequest("Quantity decimal too long");
    }
    if (q.remainder(m.stepSize()).signum() != 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quantity must be a multiple of the step size " + m.stepSize().toPlainString());
    }
    if (q.compareTo(m.minQuantity()) < 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quantity is below the minimum " + m.minQuantity().toPlainString());
    }
    if (m.maxQuantity() != null && q.compareTo(m.maxQuantity()) > 0) {
      throw ApiError.of("INVALID_QUANTITY", "Quantity is above the maximum " + m.maxQuantity().toPlainString());
    }
  }
}
