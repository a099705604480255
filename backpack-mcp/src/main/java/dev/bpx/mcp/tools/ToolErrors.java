package dev.bpx.mcp.tools;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.mcp.PaperAccountInUseException;
import dev.bpx.mcp.PaperStateException;
import dev.bpx.mcp.config.ConfigException;
import java.util.concurrent.CancellationException;

/**
 * Turns a failure into the text an assistant reads: what went wrong, what to change, and whether
 * retrying can help. Messages come from our own exceptions, which never carry keys or signatures.
 *
 * <p>The outcome is always one an assistant can act on: nothing was sent or changed (a failed read,
 * or a write the exchange confirmed it does not have: safe to retry); or the outcome is unknown, and
 * then the text names the order's clientId and the tool to call ({@code get_order}) before anything
 * is placed again. A failed read never says a request "may have been executed".
 */
final class ToolErrors {
  private static final String READ_FAILED = " Nothing was placed, cancelled or changed: this call only reads.";

  private ToolErrors() {}

  /** {@return the text for {@code failure}; any value it repeats is cut (see {@link ToolWords#capRuns})} */
  static String describe(Throwable failure) {
    return ToolWords.capRuns(describeWhole(failure));
  }

  private static String describeWhole(Throwable failure) {
    if (failure instanceof ToolInputException) {
      return "Invalid arguments: " + failure.getMessage() + ". Nothing was sent to the exchange. Fix the arguments and call again.";
    }
    if (failure instanceof OrderNotConfirmedException) {
      return failure.getMessage();
    }
    if (failure instanceof CancellationException) {
      // Only reads wait (get_order's waitSeconds); a write is never interrupted half-way by the server.
      return "Stopped: " + failure.getMessage() + "." + READ_FAILED;
    }
    if (failure instanceof BackpackException e) {
      return describe(e);
    }
    if (failure instanceof ConfigException e) {
      // A wrong setting found at start, or keys checked when the exchange connection opens.
      return "The server's configuration is wrong: " + withoutFinalStop(e.getMessage()) + ". Nothing was sent to the exchange. "
          + e.fix() + "; retrying will not help until then. Tell the user.";
    }
    if (failure instanceof PaperStateException e) {
      String message = withoutFinalStop(e.getMessage());
      return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ". Nothing was sent to the exchange. " + e.fix()
          + ". Retrying will not help until then. Tell the user.";
    }
    if (failure instanceof PaperAccountInUseException e) {
      return "The paper account is busy: " + e.getMessage() + ". Nothing was sent to the exchange. This clears by itself"
          + " when that other server exits (close the other MCP client or window); then call again, no restart of this"
          + " server is needed. To run both at once, give one of them its own BACKPACK_DATA_DIR.";
    }
    return "Internal error in the server (" + failure.getClass().getSimpleName() + "): " + failure.getMessage()
        + ". Nothing is known to have been sent. Retrying will probably fail the same way; please report it.";
  }

  private static String withoutFinalStop(String message) {
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private static String describe(BackpackException failure) {
    if (failure instanceof ValidationException e) {
      return "Refused before sending: " + ToolWords.problems(e) + ". Nothing was sent to the exchange. Change the"
          + " arguments and call again.";
    }
    if (failure instanceof OrderNotPlacedException e) {
      return "Not placed: " + e.getMessage() + ". Nothing was executed. Calling create_order again is safe; with the"
          + " same clientId " + e.clientId() + " it can never place the order twice.";
    }
    if (failure instanceof RateLimitException e) {
      return "The exchange is rate limiting requests (HTTP 429)"
          + e.retryAfter().map(d -> "; retry after " + Math.max(1, d.toSeconds()) + " s").orElse("; wait a few seconds and retry")
          + ". Nothing was executed.";
    }
    if (failure instanceof AuthenticationException e) {
      return "The exchange rejected the credentials (HTTP " + e.httpStatus() + e.code().map(c -> " " + c).orElse("") + ": "
          + e.apiMessage().orElse("unauthorized") + "). Check BACKPACK_PRIVATE_KEY / BACKPACK_PUBLIC_KEY and the computer's clock."
          + " Retrying will not help until that is fixed. Nothing was executed.";
    }
    if (failure instanceof ApiException e) {
      return describe(e);
    }
    if (failure instanceof NetworkException e) {
      return describe(e);
    }
    if (failure instanceof ResponseFormatException e) {
      String what = "The exchange answered in an unexpected format (" + e.getMessage() + ").";
      return isRead(e.endpoint())
          ? what + READ_FAILED + " Retrying is safe; if it keeps failing, the exchange or a proxy is sending bad answers."
          : what + " The request was most likely executed; check with the read tools (get_order, list_orders,"
              + " get_balances) before repeating it.";
    }
    return failure.getMessage();
  }

  private static String describe(ApiException e) {
    String what = "The exchange rejected the request (HTTP " + e.httpStatus() + e.code().map(c -> " " + c).orElse("") + "): "
        + e.apiMessage().orElse("no message") + ".";
    if (e.httpStatus() < 500) {
      if (e.isNotFound() && "DELETE".equals(e.method())) {
        return what + " The order is not open (already filled, cancelled or expired, or never placed): get_order"
            + " shows how it ended. Nothing was changed.";
      }
      return what + " Change the request before retrying; the same request will fail again.";
    }
    if ("GET".equals(e.method())) {
      return what + READ_FAILED + " This is an exchange-side problem; retrying later is safe.";
    }
    return what + " This is an exchange-side problem, and the request may or may not have been executed; check with"
        + " the read tools (get_order, list_orders, get_balances) before repeating it.";
  }

  private static String describe(NetworkException e) {
    String what = "Could not complete the call to the exchange: " + e.getMessage() + ".";
    if (!e.requestMayHaveReachedExchange()) {
      return what + " The request did not reach the exchange; nothing was executed and retrying is safe.";
    }
    if ("GET".equals(e.method())) {
      return what + READ_FAILED + " Retrying is safe.";
    }
    String symbol = e.symbol().map(s -> "symbol " + s + " and ").orElse("symbol and ");
    if ("DELETE".equals(e.method())) {
      String which = e.clientId().isPresent() ? symbol + "clientId " + e.clientId().getAsLong() : symbol + "orderId";
      return what + " Call get_order with " + which + " to see whether the order is still open. Cancelling again is"
          + " safe: a cancel never adds exposure.";
    }
    if (e.clientId().isPresent()) {
      long clientId = e.clientId().getAsLong();
      return what + " Whether the order with clientId " + clientId + " was placed is unknown. Call get_order with "
          + symbol + "clientId " + clientId + " before placing it again. Do not place it again with another"
          + " clientId; create_order with the same clientId " + clientId + " never places it twice.";
    }
    return what + " The request may have reached the exchange, so its outcome is unknown; check with the read"
        + " tools (get_order, list_orders, get_balances) before repeating it.";
  }

  private static boolean isRead(String endpoint) {
    return endpoint != null && endpoint.startsWith("GET ");
  }
}
