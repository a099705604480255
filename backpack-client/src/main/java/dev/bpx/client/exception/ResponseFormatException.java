package dev.bpx.client.exception;

/**
 * The exchange answered 2xx but the body could not be read: not JSON, the wrong shape, or a required
 * field missing. Names the endpoint and the JSON path (e.g. {@code $[3].id}); keeps the parser's
 * exception as the cause. The body itself is never put in the message.
 *
 * <p>A read that ends in this exception changed nothing. A write that ends in it was most likely
 * executed by the exchange, only its answer is unreadable; placing one order and cancelling one order
 * never end in it, as the client then looks the order up by its id or {@code clientId} instead.
 * Thread-safe (immutable).
 */
public final class ResponseFormatException extends BackpackException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final String jsonPath;

  /**
   * Creates an exception for an unreadable response.
   *
   * @param endpoint method and path, e.g. {@code GET /api/v1/markets}
   * @param jsonPath where reading failed, e.g. {@code $[3].id}; {@code $} for the whole body
   * @param problem what is wrong, e.g. {@code "required field is missing"}
   * @param cause the parser's exception, or null
   */
  public ResponseFormatException(String endpoint, String jsonPath, String problem, Throwable cause) {
    super("Unreadable response from " + endpoint + " at " + jsonPath + ": " + problem, cause);
    this.endpoint = endpoint;
    this.jsonPath = jsonPath;
  }

  /** {@return the method and path, e.g. {@code GET /api/v1/markets}} */
  public String endpoint() {
    return endpoint;
  }

  /** {@return the JSON path where reading failed, e.g. {@code $[3].id}} */
  public String jsonPath() {
    return jsonPath;
  }
}
