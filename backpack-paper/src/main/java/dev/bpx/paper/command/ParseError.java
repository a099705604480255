package dev.bpx.paper.command;

/**
 * A request the web framework cannot parse. Backpack answers these with a plain-text 400 body
 * such as {@code failed to parse parameter `limit`: ...} or {@code parse request payload error: ...}
 * (backpack-api.md section 7.1), not with JSON.
 */
public final class ParseError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ParseError(String message) {
    super(message, null, false, false);
  }

  /** {@return the body text for a query parameter that does not parse} */
  public static ParseError param(String name, String detail) {
    return new ParseError("failed to parse parameter `" + name + "`: " + detail);
  }

  /** {@return the body text for a JSON payload that does not parse} */
  public static ParseError payload(String type, String detail) {
    return new ParseError("parse request payload error: " + detail
        + " (occurred while parsing \"" + type + "\")");
  }
}
