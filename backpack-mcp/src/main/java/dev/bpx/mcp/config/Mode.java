package dev.bpx.mcp.config;

/** Where orders go. Thread-safe (an enum). */
public enum Mode {
  /** The embedded paper exchange: no real money. */
  PAPER,
  /** The configured Backpack exchange with the configured keys: real money. */
  LIVE;

  /** {@return the lower-case name shown to users and assistants} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
