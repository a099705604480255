package dev.bpx.client;

import java.time.Duration;

/**
 * Waits between retries and before order reconciliation. Inject a fake in tests so they run without
 * sleeping ({@link BackpackClient.Builder#sleeper(Sleeper)}).
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Blocks for {@code duration}.
   *
   * @param duration how long to wait; never negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** {@return a sleeper that blocks the calling thread with {@link Thread#sleep(long)}} */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
