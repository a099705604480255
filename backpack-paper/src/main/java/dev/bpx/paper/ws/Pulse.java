package dev.bpx.paper.ws;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a quiet exchange's streams moving: the paper exchange's time advances only when asked, so while anyone is
 * subscribed this runs a task at every {@value #PERIOD_MILLIS} ms boundary of the exchange clock (the aggregated
 * depth windows end on such boundaries, and the walk steps on every fifth, the whole seconds). The task goes
 * through the engine's queue like a read; it must not block for long. One daemon thread, {@code paper-ws-pulse};
 * {@link #close} stops and joins it. Thread-safe.
 */
final class Pulse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pulse.class);
  /** The shortest aggregation window; 600 ms and 1 s boundaries are among its boundaries. */
  static final long PERIOD_MILLIS = 200;

  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final BooleanSupplier anyoneListening;
  private final Runnable task;
  private volatile boolean closed;

  Pulse(Clock clock, BooleanSupplier anyoneListening, Runnable task) {
    this.clock = clock;
    this.anyoneListening = anyoneListening;
    this.task = task;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "paper-ws-pulse");
      t.setDaemon(true);
      return t;
    });
    scheduleNext();
  }

  /**
   * Waits for the next boundary of the exchange clock, not a fixed wall-clock period: the clock may be offset
   * or stand still (a fixed clock moved by {@code advance}), and a window must end when the exchange says so.
   */
  private void scheduleNext() {
    if (closed) {
      return;
    }
    long delay = PERIOD_MILLIS - Math.floorMod(clock.millis(), PERIOD_MILLIS);
    try {
      timer.schedule(this::beat, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing.
    }
  }

  private void beat() {
    try {
      if (!closed && anyoneListening.getAsBoolean()) {
        task.run();
      }
    } catch (RuntimeException e) {
      // The exchange is closing (its queue refuses work) or a beat failed: the next beat tries again.
      LOG.debug("stream pulse failed: {}", e.toString());
    } finally {
      scheduleNext();
    }
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
