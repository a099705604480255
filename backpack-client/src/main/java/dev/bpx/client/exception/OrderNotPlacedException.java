package dev.bpx.client.exception;

/**
 * Placing an order failed in a way that first left its outcome open (an HTTP 5xx answer, or no
 * answer after the request was sent, even after the allowed re-sends), and the client then confirmed,
 * by asking the exchange for the order's {@code clientId} once the request could no longer be
 * accepted, that the exchange has no such order. Nothing was executed; placing the order again is
 * safe.
 *
 * <p>{@link #getCause()} is the failure that started the check (an {@link ApiException} or a
 * {@link NetworkException}). Thread-safe (immutable).
 */
public final class OrderNotPlacedException extends BackpackException {
  private static final long serialVersionUID = 1L;

  private final String symbol;
  private final long clientId;

  /**
   * Creates an exception for an order the exchange confirmed it does not have.
   *
   * @param message what failed and that nothing was placed
   * @param symbol the order's market
   * @param clientId the order's {@code clientId}
   * @param cause the failure that made the outcome unknown before the check
   */
  public OrderNotPlacedException(String message, String symbol, long clientId, BackpackException cause) {
    super(message, cause);
    this.symbol = symbol;
    this.clientId = clientId;
  }

  /** {@return the order's market} */
  public String symbol() {
    return symbol;
  }

  /** {@return the order's {@code clientId}; the exchange has no order with it} */
  public long clientId() {
    return clientId;
  }
}
