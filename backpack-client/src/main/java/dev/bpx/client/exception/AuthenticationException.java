package dev.bpx.client.exception;

import java.util.Locale;

/**
 * The exchange rejected the request's authentication: HTTP 401 or 403, or Backpack's
 * {@code INVALID_CLIENT_REQUEST} with "Invalid signature", "Request has expired" or an
 * "Invalid X-..." header message ({@code backpack-api.md} section 7.4).
 *
 * <p>Usual fixes: check {@code BACKPACK_PRIVATE_KEY} / {@code BACKPACK_PUBLIC_KEY}; for an expired
 * timestamp, check the machine's clock (the client already corrects its clock offset once and retries
 * such a request automatically). Thread-safe (immutable).
 */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for an authentication failure.
   *
   * @param httpStatus HTTP status code
   * @param code Backpack's error code, or null
   * @param apiMessage Backpack's message, or null
   * @param method HTTP method of the request
   * @param path path of the request
   */
  public AuthenticationException(int httpStatus, String code, String apiMessage, String method, String path) {
    super(httpStatus, code, apiMessage, method, path);
  }

  /**
   * {@return whether the exchange rejected the timestamp ("Request has expired", or a message about
   * the timestamp), which points at clock skew rather than at the keys; such a request was not
   * executed}
   */
  public boolean isTimestampRejected() {
    String message = apiMessage().orElse("").toLowerCase(Locale.ROOT);
    return message.contains("expired") || message.contains("timestamp");
  }
}
