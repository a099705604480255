package dev.bpx.mcp.setup;

/**
 * {@code setup} cannot go on: a wrong option, a configuration file it must not rewrite, a file it
 * cannot write. The message says what and what to do; nothing was changed when it is thrown.
 */
public final class SetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  SetupException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  SetupException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** {@return 2 for wrong usage, 1 for a file that cannot be read or written as it is} */
  public int exitCode() {
    return exitCode;
  }
}
