package dev.bpx.mcp.tools;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.mcp.PaperAccountInUseException;
import dev.bpx.mcp.config.ConfigException;

/**
 * Turns a failure into the text an assistant reads: what went wrong, what to change, and whether
 * retrying can help. Messages come from our own exceptions, which never carry keys or signatures.
 */
final class ToolErrors {
  private ToolErrors() {}

  static String describe(Throwable failure) {
    if (failure instanceof ToolInputException) {
      return "Invalid arguments: " + failure.getMessage() + ". Nothing was sent to the exchange. Fix the arguments and call again.";
    }
    if (failure instanceof BackpackException e) {
      return describe(e);
    }
    if (failure instanceof ConfigException e) {
      // A wrong setting found at start, or keys checked when the exchange connection opens.
      return "The server's configuration is wrong: " + withoutFinalStop(e.getMessage()) + ". Nothing was sent to the exchange. "
          + e.fix() + "; retrying will not help until then. Tell the user.";
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
      return "Refused before sending: " + e.getMessage() + ". Nothing was sent to the exchange. Change the request and call again.";
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
      boolean serverSide = e.httpStatus() >= 500;
      return "The exchange rejected the request (HTTP " + e.httpStatus() + e.code().map(c -> " " + c).orElse("") + "): "
          + e.apiMessage().orElse("no message") + ". "
          + (serverSide
              ? "This is an exchange-side problem; retrying later may help (for orders, check list_orders / get_order first)."
              : "Change the request before retrying; the same request will fail again.");
    }
    if (failure instanceof NetworkException e) {
      String ids = e.clientId().isPresent() ? " Check with get_order using clientId " + e.clientId().getAsLong() + " before placing it again." : "";
      return "Could not complete the call to the exchange: " + e.getMessage() + ". "
          + (e.requestMayHaveReachedExchange()
              ? "The request may have reached the exchange, so its outcome is unknown." + ids
              : "The request did not reach the exchange; retrying is safe.");
    }
    if (failure instanceof ResponseFormatException e) {
      return "The exchange answered in an unexpected format (" + e.getMessage() + "). The request may have been executed;"
          + " check with the read tools before retrying.";
    }
    return failure.getMessage();
  }
}
