package dev.bpx.client;

import dev.bpx.client.model.Order;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
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
 * <p>Between polls it {@link Pause pauses}: a plain sleep, or, when the client has streams, a sleep that
 * the order's {@code account.orderUpdate} events cut short ({@link OrderEventWake}), so a fill is seen as
 * soon as the exchange reports it. REST stays the source of every answer and the fallback when the stream
 * is down.
 *
 * <p>Thread-safe: it keeps no state between calls; each call blocks only its own thread.
 */
final class OrderWaiter {
  static final long FIRST_POLL_MILLIS = 200;
  static final long MAX_POLL_MILLIS = 2_000;
  /** The longest wait accepted: an hour, past which polling is the wrong tool (use the streams). */
  static final Duration MAX_WAIT = Duration.ofHours(1);

  /** How the waiter waits between two looks at the order. */
  interface Pause extends AutoCloseable {
    /**
     * Waits up to {@code max}, less when there is news of the order.
     *
     * @return how long it waited
     */
    Duration pause(Duration max) throws InterruptedException;

    @Override
    default void close() {}

    /** {@return a pause that sleeps the full time} */
    static Pause sleeping(Sleeper sleeper) {
      return max -> {
        sleeper.sleep(max);
        return max;
      };
    }
  }

  private final OrderReconciler reconciler;
  private final BiFunction<String, String, Pause> pauses;
  private final LongSupplier nanoTime;

  /**
   * @param pauses the pause to use while waiting for one order, by symbol and order id
   * @param nanoTime the monotonic clock
   */
  OrderWaiter(OrderReconciler reconciler, BiFunction<String, String, Pause> pauses, LongSupplier nanoTime) {
    this.reconciler = reconciler;
    this.pauses = pauses;
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
    try (Pause pause = pauses.apply(symbol, first.get().openOrder().id())) {
      return poll(symbol, first.get().openOrder(), timeout, pause);
    }
  }

  private Optional<OrderLookup> poll(String symbol, Order open, Duration timeout, Pause pausing)
      throws InterruptedException {
    String id = open.id();
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    long slept = 0;
    long interval = FIRST_POLL_MILLIS;
    boolean leftBook = false;
    while (true) {
      // Both bounds: the monotonic clock for real time, the sum of sleeps for a fake sleeper in tests.
      long remaining = Math.min(deadline - nanoTime.getAsLong(), timeout.toNanos() - slept);
      if (remaining <= 0) {
        break;
      }
      Duration nap = Duration.ofMillis(Math.min(interval, Math.max(1, remaining / 1_000_000)));
      slept += pausing.pause(nap).toNanos();
      interval = Math.min(MAX_POLL_MILLIS, interval * 3 / 2);
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
      // Off the book but not yet in the history: ask the history once more rather than call it open (the
      // book is not asked again: an order that left it never comes back).
      Optional<OrderLookup> ended = reconciler.findEnded(symbol, id);
      // Still nowhere: the last thing the exchange said about it is the best answer there is.
      return ended.isPresent() ? ended : Optional.of(new OrderLookup(open, null));
    }
    return Optional.of(new OrderLookup(open, null));
  }
}
