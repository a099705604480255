package dev.bpx.client;

import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import java.util.Objects;

/**
 * The outcome of cancelling one order ({@code DELETE /api/v1/order}). Sealed: this project owns the
 * three cases.
 *
 * <pre>{@code
 * CancelResult result = client.orders().cancel("SOL_USDC", orderId);
 * if (result instanceof CancelResult.Cancelled c) {
 *   log("cancelled; had filled " + c.order().executedQuantity());
 * } else if (result instanceof CancelResult.Accepted) {
 *   log("cancel queued; confirm with getOpenOrder or the order history");
 * } else if (result instanceof CancelResult.AlreadyClosed closed) {
 *   log("was already " + closed.order().status());
 * }
 * }</pre>
 *
 * <p>Thread-safe (immutable).
 */
public sealed interface CancelResult {

  /**
   * The exchange cancelled the order and answered with it (HTTP 200).
   *
   * @param order the order as cancelled, with what had executed before
   */
  record Cancelled(Order order) implements CancelResult {
    /** Requires the order. */
    public Cancelled {
      Objects.requireNonNull(order, "order");
    }
  }

  /**
   * The exchange accepted the cancel but had not executed it yet (HTTP 202, no body). The order may
   * still fill until the cancel runs: confirm with {@link OrderService#getOpenOrder} or the order
   * history.
   *
   * @param symbol the market
   */
  record Accepted(String symbol) implements CancelResult {}

  /**
   * The order was no longer open. This is reported only after the cancel got no usable answer (it may
   * have worked) and the exchange, asked afterwards, had the order no longer open; the order history
   * then shows the order's final state ({@code CANCELLED} when the lost cancel worked, possibly
   * {@code FILLED} or {@code EXPIRED}).
   *
   * @param order the order as the history shows it
   */
  record AlreadyClosed(HistoricalOrder order) implements CancelResult {
    /** Requires the order. */
    public AlreadyClosed {
      Objects.requireNonNull(order, "order");
    }
  }
}
