package dev.bpx.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by asking again until a deadline; never sleeps a fixed time. */
final class Poll {
  private Poll() {}

  static <T> T until(Duration timeout, String what, Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last: " + last);
      }
      Thread.onSpinWait();
      last = read.get();
    }
    return last;
  }
}
