package dev.bpx.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition by asking again (every 20 ms) until a deadline, instead of sleeping a fixed time. */
final class Poll {
  private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(20).toNanos();

  private Poll() {}

  static <T> T until(Duration timeout, String what, Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last: " + last);
      }
      LockSupport.parkNanos(POLL_INTERVAL_NANOS);
      last = read.get();
    }
    return last;
  }
}
