package dev.bpx.client.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The exchange answered HTTP 429 (or code {@code TOO_MANY_REQUESTS}): too many requests. Backpack
 * limits each subaccount to about 2000 requests a minute, and history endpoints to 30 a minute
 * ({@code backpack-api.md} section 7.5).
 *
 * <p>Reads are retried automatically before this is thrown; writes never are. Thread-safe (immutable).
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates an exception for a rate-limited response.
   *
   * @param httpStatus HTTP status code (normally 429)
   * @param code Backpack's error code, or null
   * @param apiMessage Backpack's message, or null
   * @param method HTTP method of the request
   * @param path path of the request
   * @param retryAfter the server's {@code Retry-After}, or null when it sent none
   */
  public RateLimitException(
      int httpStatus, String code, String apiMessage, String method, String path, Duration retryAfter) {
    super(httpStatus, code, apiMessage, method, path);
    this.retryAfter = retryAfter;
  }

  /** {@return how long the server asked to wait, when it said (Retry-After header)} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
