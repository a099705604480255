package dev.bpx.mcp.setup;

import java.util.Locale;

/** The operating systems whose client configuration locations differ. */
public enum Os {
  LINUX,
  MACOS,
  WINDOWS;

  /** {@return the OS of an {@code os.name} value; anything not macOS or Windows is treated as Linux (Unix layout)} */
  public static Os of(String osName) {
    String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    if (name.contains("mac") || name.contains("darwin")) {
      return MACOS;
    }
    return LINUX;
  }

  /** {@return the OS this JVM runs on} */
  public static Os current() {
    return of(System.getProperty("os.name"));
  }
}
