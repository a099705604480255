package dev.bpx.client;

import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;

/**
 * Where an order was found: still open on the book ({@link #openOrder()}), or in the order history
 * once filled, cancelled or expired ({@link #historicalOrder()}). Exactly one is non-null.
 *
 * <p>Thread-safe (immutable).
 */
public record OrderLookup(Order openOrder, HistoricalOrder historicalOrder) {
  /** {@return whether the order is still open} */
  public boolean isOpen() {
    return openOrder != null;
  }

  /**
   * {@return the order in the shape {@link OrderService#place} returns: the open order, or the history's
   * record of it} From the history, {@code reduceOnly}, {@code triggeredAt} and {@code relatedOrderId}
   * are null, as the history does not carry them.
   */
  public Order order() {
    return openOrder != null ? openOrder : OrderReconciler.toOrder(historicalOrder);
  }
}
