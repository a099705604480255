package dev.bpx.client.internal.stream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one {@link StreamConnection}, all daemons: one timer thread ({@code bpx-stream-timer-N})
 * for the watchdog and the reconnects, and a cached pool ({@code bpx-stream-delivery-N-M}) on which the
 * listeners run, idle threads ending after 30 s. Thread-safe.
 */
final class ConnectionThreads {
  /** Named after the connection, whose close() the one warning is about. */
  private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

  final ScheduledThreadPoolExecutor timer;
  final ExecutorService delivery;

  /** Starts the timer thread; delivery threads start as listeners need them. */
  ConnectionThreads(int connectionId) {
    timer = new ScheduledThreadPoolExecutor(1, daemon("bpx-stream-timer-" + connectionId, false));
    timer.setRemoveOnCancelPolicy(true);
    delivery = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemon("bpx-stream-delivery-" + connectionId, true));
  }

  /** Stops both, interrupting a listener that is running, and waits up to 5 s for each to end. */
  void shutdown() {
    shutdown(timer);
    shutdown(delivery);
  }

  private static void shutdown(ExecutorService executor) {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("A stream listener did not return within 5 s of close()");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String prefix, boolean numbered) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, numbered ? prefix + "-" + count.incrementAndGet() : prefix);
      thread.setDaemon(true);
      return thread;
    };
  }
}
