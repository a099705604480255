package dev.bpx.client.internal;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.RateLimitException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The one place that decides whether a failed call is tried again, and after how long.
 *
 * <ul>
 *   <li>Reads ({@link ApiRequest.Kind#READ}) are retried on network failures, HTTP 429 and HTTP
 *       500/502/503/504.
 *   <li>Writes are retried only when the exchange certainly did not act: the connection failed before
 *       any byte of the request was sent. A write that may have reached the exchange, or got any HTTP
 *       answer, is never repeated here (order placement has its own look-up-then-resend logic).
 *   <li>Backoff: {@code initialDelay * 2^(attempt-1)}, capped at {@code maxDelay}, times a random
 *       factor in [0.75, 1.0] (the numbers Stripe uses: 0.5 s doubling to 5 s).
 *   <li>A {@code Retry-After} from the server is honoured exactly; when it asks for longer than
 *       {@code maxRetryAfter} the call is not retried and the caller gets the
 *       {@link RateLimitException} with the delay.
 * </ul>
 *
 * <p>Thread-safe (immutable; the random source must be thread-safe).
 */
public final class RetryPolicy {
  /** Default number of retries after the first attempt. */
  public static final int DEFAULT_MAX_RETRIES = 3;
  /** Default first backoff. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);
  /** Default cap on one backoff. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);
  /** Default longest server-requested wait the client sits out by itself. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final DoubleSupplier random;

  /**
   * Creates a policy.
   *
   * @param maxRetries retries after the first attempt, 0 to disable
   * @param initialDelay the first backoff
   * @param maxDelay the cap on one backoff
   * @param maxRetryAfter the longest {@code Retry-After} honoured by waiting
   * @param random a source of doubles in [0, 1) for jitter
   */
  public RetryPolicy(
      int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter, DoubleSupplier random) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0");
    }
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  /** {@return retries allowed after the first attempt} */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Decides about one failure.
   *
   * @param kind whether the request reads or writes
   * @param failure what went wrong
   * @param attempt the attempt that just failed, counting from 1
   * @return how long to wait before the next attempt, or empty to give up and throw {@code failure}
   */
  public Optional<Duration> delayBeforeRetry(ApiRequest.Kind kind, BackpackException failure, int attempt) {
    if (attempt > maxRetries) {
      return Optional.empty();
    }
    if (failure instanceof NetworkException network) {
      if (kind == ApiRequest.Kind.WRITE && network.requestMayHaveReachedExchange()) {
        return Optional.empty();
      }
      return Optional.of(backoff(attempt));
    }
    if (kind == ApiRequest.Kind.WRITE) {
      return Optional.empty();
    }
    if (failure instanceof RateLimitException rateLimit) {
      Optional<Duration> asked = rateLimit.retryAfter();
      if (asked.isPresent()) {
        return asked.get().compareTo(maxRetryAfter) <= 0 ? asked : Optional.empty();
      }
      return Optional.of(backoff(attempt));
    }
    if (failure instanceof ApiException api && isRetryableStatus(api.httpStatus())) {
      return Optional.of(backoff(attempt));
    }
    return Optional.empty();
  }

  /** {@return the jittered backoff before attempt {@code attempt + 1}} */
  public Duration backoff(int attempt) {
    long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    double factor = 0.75 + 0.25 * random.getAsDouble();
    return Duration.ofMillis(Math.round(capped * factor));
  }

  private static boolean isRetryableStatus(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }
}
