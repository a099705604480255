package dev.bpx.client;

import dev.bpx.client.model.Order;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Waits for an order to leave the book (filled, cancelled or expired) by asking the exchange at
 * growing intervals: {@value #FIRST_POLL_MILLIS} ms, then ×1.5 each time up to {@value
 * #MAX_POLL_MILLIS} ms, so a quick fill is seen quickly and a long wait costs one request every two
 * seconds. Once the order is found its id is used, which is one {@code GET /api/v1/order} per poll.
 *
 * <p>An order that has just left the book can be missing from the order history for a moment; the
 * waiter keeps polling until it appears there or the time is up, and never reports it as open again.
 *
 * <p>Thread-safe: it keeps no state between calls; each call blocks only its own thread.
 */
final class OrderWaiter {
  static final long FIRST_POLL_MILLIS = 200;
  static final long MAX_POLL_MILLIS = 2_000;
  /** The longest wait accepted: an hour, past which polling is the wrong tool (use the streams). */
  static final Duration MAX_WAIT = Duration.ofHours(1);

  private final OrderReconciler reconciler;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  OrderWaiter(OrderReconciler reconciler, Sleeper sleeper, LongSupplier nanoTime) {
    this.reconciler = reconciler;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /**
   * {@return the order once it has finished, or as it stands when {@code timeout} has passed; empty
   * when the exchange does not know it}
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  Optional<OrderLookup> await(String symbol, String orderId, Long clientId, Duration timeout)
      throws InterruptedException {
    Optional<OrderLookup> first = reconciler.find(symbol, orderId, clientId);
    if (first.isEmpty() || !first.get().isOpen() || timeout.isZero()) {
      return first;
    }
    Order open = first.get().openOrder();
    String id = open.id();
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    long slept = 0;
    long pause = FIRST_POLL_MILLIS;
    boolean leftBook = false;
    while (true) {
      // Both bounds: the monotonic clock for real time, the sum of sleeps for a fake sleeper in tests.
      long remaining = Math.min(deadline - nanoTime.getAsLong(), timeout.toNanos() - slept);
      if (remaining <= 0) {
        break;
      }
      Duration nap = Duration.ofMillis(Math.min(pause, Math.max(1, remaining / 1_000_000)));
      sleeper.sleep(nap);
      slept += nap.toNanos();
      pause = Math.min(MAX_POLL_MILLIS, pause * 3 / 2);
      if (!leftBook) {
        Optional<Order> still = reconciler.getOpenOrder(OrderCanceller.openOrderQuery(symbol, id));
        if (still.isPresent()) {
          open = still.get();
          continue;
        }
        leftBook = true;
      }
      Optional<OrderLookup> ended = reconciler.findEnded(symbol, id);
      if (ended.isPresent()) {
        return ended;
      }
    }
    if (leftBook) {
      // Off the book but not yet in the history: ask once more rather than call it open.
      Optional<OrderLookup> ended = reconciler.find(symbol, id, null);
      // Still nowhere: the last thing the exchange said about it is the best answer there is.
      return ended.isPresent() ? ended : Optional.of(new OrderLookup(open, null));
    }
    return Optional.of(new OrderLookup(open, null));
  }
}
