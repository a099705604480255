package dev.bpx.client.journal;

import java.util.Optional;

/**
 * Asks the exchange for an order by its {@code clientId} (open orders, then the recent order history),
 * for {@link Journal#reconcile()}. {@code BackpackClient} supplies one backed by {@code
 * OrderService.findOrder}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OrderFinder {
  /**
   * {@return the order with this clientId on {@code symbol}, or empty when the exchange has none}
   *
   * @throws RuntimeException when the exchange cannot be asked; the outcome then stays unknown
   */
  Optional<FoundOrder> find(String symbol, long clientId);

  /** An order the exchange has: its id and status as the exchange spells it (e.g. {@code New}). */
  record FoundOrder(String orderId, String status) {}
}
