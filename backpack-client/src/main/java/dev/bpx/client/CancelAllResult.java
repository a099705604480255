package dev.bpx.client;

import dev.bpx.client.model.Order;
import java.util.List;

/**
 * The outcome of cancelling every open order of a market ({@code DELETE /api/v1/orders}).
 *
 * <p>Thread-safe (immutable).
 *
 * @param cancelled the orders the exchange cancelled (empty when none were open, or when the cancel
 *     was only accepted)
 * @param accepted true when the exchange answered HTTP 202: the cancel is queued but not yet done, so
 *     {@code cancelled} is empty and open orders may still fill until it runs
 */
public record CancelAllResult(List<Order> cancelled, boolean accepted) {
  /** Copies the list. */
  public CancelAllResult {
    cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
  }
}
