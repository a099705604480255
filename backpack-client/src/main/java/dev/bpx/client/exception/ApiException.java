package dev.bpx.client.exception;

import java.util.Optional;

/**
 * The exchange answered with a non-2xx status. Carries the HTTP status, Backpack's error code (e.g.
 * {@code INSUFFICIENT_FUNDS}; absent when the body was plain text, as for request-parsing errors),
 * Backpack's message, and the method and path of the request.
 *
 * <p>Subclasses: {@link AuthenticationException} (401/403, bad signature, expired timestamp) and
 * {@link RateLimitException} (429). See {@code backpack-api.md} section 7 for the codes.
 * Thread-safe (immutable).
 */
public sealed class ApiException extends BackpackException
    permits AuthenticationException, RateLimitException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_MESSAGE_CHARS = 300;

  private final int httpStatus;
  private final String code;
  private final String apiMessage;
  private final String method;
  private final String path;

  /**
   * Creates an exception for an error response.
   *
   * @param httpStatus HTTP status code, e.g. 400
   * @param code Backpack's error code, or null when the body had none
   * @param apiMessage Backpack's message (or the plain-text body), or null
   * @param method HTTP method of the request
   * @param path path of the request, without query string
   */
  public ApiException(int httpStatus, String code, String apiMessage, String method, String path) {
    super(describe(httpStatus, code, apiMessage, method, path), null);
    this.httpStatus = httpStatus;
    this.code = code;
    this.apiMessage = apiMessage == null ? null : truncate(apiMessage);
    this.method = method;
    this.path = path;
  }

  /** {@return the HTTP status code, e.g. 400} */
  public int httpStatus() {
    return httpStatus;
  }

  /** {@return Backpack's error code, e.g. {@code INVALID_ORDER}; empty for plain-text error bodies} */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** {@return Backpack's error message (or the plain-text body), e.g. {@code "Invalid order"}} */
  public Optional<String> apiMessage() {
    return Optional.ofNullable(apiMessage);
  }

  /** {@return the HTTP method of the failed request} */
  public String method() {
    return method;
  }

  /** {@return the path of the failed request, without query string} */
  public String path() {
    return path;
  }

  /**
   * {@return whether the exchange said the thing asked for does not exist (HTTP 404 or code
   * {@code RESOURCE_NOT_FOUND}, or a "not found" message such as "Order not found")}
   */
  public boolean isNotFound() {
    if (httpStatus == 404 || "RESOURCE_NOT_FOUND".equals(code)) {
      return true;
    }
    return apiMessage != null && apiMessage.toLowerCase(java.util.Locale.ROOT).contains("not found");
  }

  private static String describe(int status, String code, String message, String method, String path) {
    StringBuilder out = new StringBuilder();
    out.append(method).append(' ').append(path).append(" failed: HTTP ").append(status);
    if (code != null) {
      out.append(' ').append(code);
    }
    if (message != null && !message.isBlank()) {
      out.append(": ").append(truncate(message));
    }
    return out.toString();
  }

  private static String truncate(String message) {
    String oneLine = message.strip();
    return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
  }
}
