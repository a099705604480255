package dev.bpx.mcp.tools;

/**
 * A tool argument is missing or malformed. Raised before any client call, so nothing was sent; the
 * message names the argument and the fix.
 */
final class ToolInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ToolInputException(String message) {
    super(message, null, false, false);
  }
}
