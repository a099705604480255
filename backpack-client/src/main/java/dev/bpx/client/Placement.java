package dev.bpx.client;

import dev.bpx.client.model.Order;
import java.util.Objects;

/**
 * The result of {@link OrderService#placeIdempotent}: the order, and whether it already existed.
 *
 * <p>Thread-safe (immutable).
 *
 * @param order the order as the exchange answered it, or as it was found by its {@code clientId};
 *     an order found in the order history has null {@code reduceOnly}, {@code triggeredAt} and
 *     {@code relatedOrderId} (the history does not carry them)
 * @param duplicate true when an order with this {@code clientId} already existed (open, or created
 *     within the client's clientId lookback) and was returned instead of placing another
 */
public record Placement(Order order, boolean duplicate) {
  /** Requires the order. */
  public Placement {
    Objects.requireNonNull(order, "order");
  }
}
