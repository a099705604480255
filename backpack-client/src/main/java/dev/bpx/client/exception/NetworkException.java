package dev.bpx.client.exception;

import java.util.OptionalLong;

/**
 * No usable answer came back: connection refused or reset, timeout, DNS failure, interrupted call.
 *
 * <p>{@link #requestMayHaveReachedExchange()} is the important part for writes: when true, the bytes
 * of the request were sent, so the exchange may have executed it. The client handles that case for
 * order placement itself (it looks the order up by {@code clientId} before any resend); when even
 * that lookup fails, this exception says the outcome is unknown and {@link #clientId()} names the
 * order to look for. Thread-safe (immutable).
 */
public final class NetworkException extends BackpackException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final boolean requestMayHaveReachedExchange;
  private final Long clientId;
  private final String symbol;

  /**
   * Creates an exception for a failed exchange of messages.
   *
   * @param message what happened and what to do
   * @param method HTTP method of the request
   * @param path path of the request
   * @param requestMayHaveReachedExchange whether any byte of the request was sent
   * @param clientId the order's {@code clientId} when the request placed an order, or null
   * @param cause the I/O failure, or null
   */
  public NetworkException(
      String message,
      String method,
      String path,
      boolean requestMayHaveReachedExchange,
      Long clientId,
      Throwable cause) {
    this(message, method, path, requestMayHaveReachedExchange, null, clientId, cause);
  }

  /**
   * Creates an exception for a failed exchange of messages about one order.
   *
   * @param message what happened and what to do
   * @param method HTTP method of the request
   * @param path path of the request
   * @param requestMayHaveReachedExchange whether any byte of the request was sent
   * @param symbol the order's market, or null
   * @param clientId the order's {@code clientId}, or null
   * @param cause the I/O failure, or null
   */
  public NetworkException(
      String message,
      String method,
      String path,
      boolean requestMayHaveReachedExchange,
      String symbol,
      Long clientId,
      Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
    this.requestMayHaveReachedExchange = requestMayHaveReachedExchange;
    this.symbol = symbol;
    this.clientId = clientId;
  }

  /** {@return the HTTP method of the failed request} */
  public String method() {
    return method;
  }

  /** {@return the path of the failed request} */
  public String path() {
    return path;
  }

  /**
   * {@return whether the request may have reached the exchange (bytes were sent before the failure),
   * so a write may have been executed}
   */
  public boolean requestMayHaveReachedExchange() {
    return requestMayHaveReachedExchange;
  }

  /** {@return the market of the order whose outcome is unknown, when the request was about one order} */
  public java.util.Optional<String> symbol() {
    return java.util.Optional.ofNullable(symbol);
  }

  /**
   * {@return the {@code clientId} of the order whose outcome is unknown, when the request placed or
   * cancelled one order by {@code clientId}}
   */
  public OptionalLong clientId() {
    return clientId == null ? OptionalLong.empty() : OptionalLong.of(clientId);
  }
}
