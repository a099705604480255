package dev.bpx.client;

import dev.bpx.client.stream.OrderUpdateEvent;
import dev.bpx.client.stream.StreamChannel;
import dev.bpx.client.stream.StreamListener;
import dev.bpx.client.stream.StreamService;
import dev.bpx.client.stream.StreamStatus;
import dev.bpx.client.stream.Subscription;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OrderWaiter} pause that the exchange's {@code account.orderUpdate.<symbol>} stream cuts short:
 * an event for the awaited order (a fill, the cancel, the expiry) wakes the waiter at once, and REST then
 * reads the order's state. The stream only says <em>when</em> to look; what the waiter reports always comes
 * from REST, so a missed, late or reordered event costs at most one poll interval, never a wrong answer.
 * A reconnect or an overflow may have lost events, so it wakes the waiter too.
 *
 * <p>Thread-safe: the stream's delivery thread releases, the waiting thread acquires.
 */
final class OrderEventWake implements OrderWaiter.Pause {
  private static final Logger LOG = LoggerFactory.getLogger(OrderEventWake.class);

  private final Semaphore wakeUps = new Semaphore(0);
  private final Subscription subscription;

  private OrderEventWake(StreamService streams, String symbol, String orderId) {
    this.subscription = streams.subscribe(StreamChannel.orderUpdates(symbol), new StreamListener<>() {
      @Override
      public void onEvent(OrderUpdateEvent event) {
        if (orderId.equals(event.order().orderId())) {
          wakeUps.release();
        }
      }

      @Override
      public void onStatus(StreamStatus status) {
        if (status instanceof StreamStatus.Resubscribed || status instanceof StreamStatus.Resync) {
          wakeUps.release();
        }
      }
    });
  }

  /**
   * {@return a pause woken by the order's stream events, or {@code fallback} when subscribing fails (the
   * waiter then polls on its own)}
   */
  static OrderWaiter.Pause open(StreamService streams, String symbol, String orderId, OrderWaiter.Pause fallback) {
    try {
      return new OrderEventWake(streams, symbol, orderId);
    } catch (RuntimeException e) {
      LOG.debug("order {}: no order-update stream ({}); polling only", orderId, e.toString());
      return fallback;
    }
  }

  @Override
  public Duration pause(Duration max) throws InterruptedException {
    long start = System.nanoTime();
    if (wakeUps.tryAcquire(max.toNanos(), TimeUnit.NANOSECONDS)) {
      wakeUps.drainPermits(); // one look at the order answers every event so far
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    subscription.close();
  }
}
