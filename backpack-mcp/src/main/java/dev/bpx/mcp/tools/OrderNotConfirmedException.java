package dev.bpx.mcp.tools;

/**
 * An order that needed the user's confirmation did not get it (declined, dismissed, no answer in time,
 * or a client that cannot ask). Nothing was sent; the message says so and what the user can do.
 */
final class OrderNotConfirmedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OrderNotConfirmedException(String message) {
    super(message, null, false, false);
  }
}
