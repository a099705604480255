package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.request.OrderRequest;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes the per-order circuit breakers that read the account ({@code maxOpenOrders}, {@code
 * maxPositionNotional}, {@code maxLeverage}) hold under concurrent calls: an order's checks and the
 * send they allow run while no other such order of this client is between its checks and its answer.
 * Without it two calls could both read the same open orders or position, both pass, and both be sent,
 * taking the account past the limit together (seen: six concurrent orders past a limit of two).
 *
 * <p>Only orders the breakers can refuse wait here: with none of those breakers set, or for an order
 * that is reduce-only (a close, the emergency stop's closes), nothing waits, and cancels never come
 * here, so getting out is never held up behind a slow order. The daily notional needs no gate: {@link
 * DailyBreakers#sending} reserves its room under the state file's lock.
 *
 * <p>Scope: one client (one process). Two processes trading the same account each keep their own gate,
 * so between them the limits are checked against what each sees, as before.
 *
 * <p>Thread-safe. The lock is fair, so orders go in the order they came.
 */
final class PlacementGate {
  private final SafetyLimits limits;
  private final ReentrantLock lock = new ReentrantLock(true);

  PlacementGate(SafetyLimits limits) {
    this.limits = limits;
  }

  /** {@return whether an order (or batch) of these requests must pass the gate} */
  boolean needed(List<OrderRequest> requests) {
    if (limits.maxOpenOrders() == null && limits.maxPositionNotional() == null && limits.maxLeverage() == null) {
      return false;
    }
    return requests.stream().anyMatch(r -> r == null || !Boolean.TRUE.equals(r.reduceOnly()));
  }

  /**
   * Runs {@code checkAndSend} (an order's checks and its send) alone among the orders that need the gate.
   *
   * @throws ValidationException if the thread is interrupted while waiting for its turn; nothing was sent
   */
  <T> T through(List<OrderRequest> requests, Supplier<T> checkAndSend) {
    if (!needed(requests)) {
      return checkAndSend.get();
    }
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidationException("order", "the call was interrupted while waiting for another order's checks and"
          + " send to finish", "nothing was sent; call again");
    }
    try {
      return checkAndSend.get();
    } finally {
      lock.unlock();
    }
  }
}
