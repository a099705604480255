package dev.bpx.paper;

import java.util.function.BooleanSupplier;

/** Test helper: polls a condition until a deadline (no fixed sleeps); returns the milliseconds it took. */
public final class Await {
  private Await() {}

  public static long until(String what, long timeoutMillis, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + timeoutMillis * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeoutMillis + " ms: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    return (System.nanoTime() - start) / 1_000_000L;
  }
}
