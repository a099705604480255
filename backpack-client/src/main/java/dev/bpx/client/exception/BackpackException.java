package dev.bpx.client.exception;

/**
 * The base of every exception the Backpack client throws. Unchecked; catch it at the boundary of
 * your application and switch on the subtype:
 *
 * <pre>{@code
 * try {
 *   client.orders().place(request);
 * } catch (ValidationException e) {        // nothing was sent; fix the request
 * } catch (RateLimitException e) {         // back off for e.retryAfter()
 * } catch (ApiException e) {               // the exchange said no: e.code(), e.apiMessage()
 * } catch (NetworkException e) {           // no answer: e.requestMayHaveReachedExchange()
 * } catch (ResponseFormatException e) {    // the answer could not be read
 * } catch (OrderNotPlacedException e) {    // failed, and the exchange confirmed it has no such order
 * }
 * }</pre>
 *
 * <p>Messages never contain API keys, signatures or signed request bodies. Thread-safe (immutable).
 */
public abstract sealed class BackpackException extends RuntimeException
    permits ValidationException, ApiException, NetworkException, ResponseFormatException,
        OrderNotPlacedException {
  private static final long serialVersionUID = 1L;

  BackpackException(String message, Throwable cause) {
    super(message, cause);
  }
}
