package dev.bpx.client.internal.stream;

import dev.bpx.client.stream.DeliveryPolicy;
import dev.bpx.client.stream.StreamListener;
import dev.bpx.client.stream.StreamStatus;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription's bounded queue between the socket's reader thread and the listener. {@link #offer}
 * and {@link #status} never block: the reader thread only enqueues, and a drain task on the delivery
 * executor calls the listener, one item at a time, so a slow listener stalls only its own queue.
 *
 * <p>Events are bounded by {@code capacity} under the channel's {@link DeliveryPolicy}; statuses are few
 * and always kept, in order with the events. Thread-safe.
 *
 * @param <E> the event type
 */
final class DeliveryQueue<E> {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);
  /** Items one drain task delivers before yielding its thread, so a busy stream does not hog it. */
  private static final int BATCH = 256;

  private final String name;
  private final DeliveryPolicy policy;
  private final int capacity;
  private final StreamListener<? super E> listener;
  private final Executor executor;
  private final ArrayDeque<Object> items = new ArrayDeque<>();
  private int events;
  private long dropped;
  private long overflowed;
  private boolean scheduled;
  private boolean closed;

  DeliveryQueue(String name, DeliveryPolicy policy, int capacity, StreamListener<? super E> listener, Executor executor) {
    this.name = name;
    this.policy = policy;
    this.capacity = capacity;
    this.listener = listener;
    this.executor = executor;
  }

  /** Enqueues an event under the policy; never blocks. */
  void offer(E event) {
    synchronized (this) {
      if (closed) {
        return;
      }
      switch (policy) {
        case CONFLATE -> {
          removeOneEvent();
          append(event);
        }
        case DROP_OLDEST -> {
          if (events >= capacity) {
            removeOneEvent();
            dropped++;
          }
          append(event);
        }
        default -> {
          if (events >= capacity || overflowed > 0) {
            // Keep what is queued (a contiguous prefix, delivered in order) and count what is lost;
            // the drain reports it as one Resync once the prefix is out.
            overflowed++;
          } else {
            append(event);
          }
        }
      }
    }
    schedule();
  }

  /** Enqueues a status; statuses are never dropped. */
  void status(StreamStatus status) {
    synchronized (this) {
      if (closed) {
        return;
      }
      items.addLast(status);
    }
    schedule();
  }

  /** Stops delivery: queued items are discarded and later offers ignored. */
  void close() {
    synchronized (this) {
      closed = true;
      items.clear();
      events = 0;
    }
  }

  /** {@return events waiting (for tests and metrics)} */
  synchronized int pendingEvents() {
    return events;
  }

  private void append(E event) {
    items.addLast(new Event<>(event));
    events++;
  }

  /** Removes the oldest queued event (statuses stay). */
  private void removeOneEvent() {
    for (Iterator<Object> it = items.iterator(); it.hasNext(); ) {
      if (it.next() instanceof Event<?>) {
        it.remove();
        events--;
        return;
      }
    }
  }

  private void schedule() {
    synchronized (this) {
      if (scheduled || closed) {
        return;
      }
      scheduled = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        scheduled = false; // the service is closing
      }
    }
  }

  private void drain() {
    for (int i = 0; i < BATCH; i++) {
      Object item = next();
      if (item == null) {
        return;
      }
      deliver(item);
    }
    synchronized (this) {
      scheduled = false;
    }
    schedule();
  }

  /** {@return the next item, or null after clearing {@code scheduled} when there is none} */
  private synchronized Object next() {
    if (closed) {
      scheduled = false;
      return null;
    }
    if (dropped > 0) {
      long count = dropped;
      dropped = 0;
      return new StreamStatus.Dropped(count);
    }
    Object item = items.pollFirst();
    if (item == null && overflowed > 0) {
      long lost = overflowed;
      overflowed = 0;
      return new StreamStatus.Resync(StreamStatus.ResyncCause.OVERFLOW,
          lost + " events lost after the listener fell " + capacity + " events behind");
    }
    if (item == null) {
      scheduled = false;
      return null;
    }
    if (item instanceof Event<?>) {
      events--;
    }
    return item;
  }

  @SuppressWarnings("unchecked")
  private void deliver(Object item) {
    try {
      if (item instanceof Event<?> event) {
        listener.onEvent((E) event.value());
      } else {
        listener.onStatus((StreamStatus) item);
      }
    } catch (RuntimeException e) {
      // One listener's bug must not end its subscription or reach the socket thread.
      LOG.warn("Listener of {} threw; continuing with the next event", name, e);
    }
  }

  private record Event<E>(E value) {}
}
