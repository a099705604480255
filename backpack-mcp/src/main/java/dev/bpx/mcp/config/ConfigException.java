package dev.bpx.mcp.config;

/**
 * The server's configuration is wrong; the message says which setting and how to fix it, and never
 * contains a secret. The server refuses to start rather than guess.
 *
 * <p>Thread-safe (immutable).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the setting and the fix. */
  public ConfigException(String message) {
    super(message);
  }

  /** Creates an exception with a message that names the setting and the fix, and its cause. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
