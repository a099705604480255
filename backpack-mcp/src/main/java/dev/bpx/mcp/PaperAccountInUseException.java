package dev.bpx.mcp;

import java.nio.file.Path;

/**
 * Another server process holds the paper account (its data directory's lock): typically a second MCP
 * client, or a second window of one, started its own server. Nothing was sent. Unlike a configuration
 * error this clears by itself: the lock is the operating system's, released when that process exits,
 * and the next tool call here opens the account without a restart.
 *
 * <p>Thread-safe (immutable).
 */
public final class PaperAccountInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path dataDir;

  PaperAccountInUseException(Path dataDir) {
    super("another backpack-mcp server (probably started by another MCP client or window) is using the paper account in "
        + dataDir);
    this.dataDir = dataDir;
  }

  /** {@return the data directory whose paper account is in use} */
  public Path dataDir() {
    return dataDir;
  }
}
