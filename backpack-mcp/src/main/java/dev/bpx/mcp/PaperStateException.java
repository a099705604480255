package dev.bpx.mcp;

import java.nio.file.Path;

/**
 * The paper account's saved state cannot be opened: its journal is damaged, was written by a newer
 * version, or replays differently from what the exchange acknowledged (the paper exchange stops
 * rather than silently drop acknowledged orders). Nothing was sent, and the file is left untouched.
 * Unlike a configuration error no setting fixes it: the person decides between keeping the file (and
 * running the version that wrote it) and starting a fresh paper account with the file moved aside.
 *
 * <p>Thread-safe (immutable).
 */
public final class PaperStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path stateFile;

  PaperStateException(Path stateFile, RuntimeException cause) {
    super("the paper account's saved state cannot be opened: " + cause.getMessage(), cause);
    this.stateFile = stateFile;
  }

  /** {@return the paper exchange's state file, to move aside for a fresh paper account} */
  public Path stateFile() {
    return stateFile;
  }

  /** {@return what the person can do, in one sentence} */
  public String fix() {
    return "The file is left as it is. To trade on paper again, either run the backpack-mcp version that wrote it,"
        + " or move " + stateFile + " aside (keep it to report the problem) and call again: a fresh paper account"
        + " starts";
  }
}
