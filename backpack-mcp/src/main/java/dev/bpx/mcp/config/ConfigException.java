package dev.bpx.mcp.config;

/**
 * The server's configuration is wrong; the message says which setting and how to fix it, and never
 * contains a secret. The server refuses to trade rather than guess.
 *
 * <p>{@link #setting()} names what to change (a variable, a file line or the command line) and
 * {@link #where()} where it was set, so the fix can be stated in one sentence: see {@link #fix()}.
 *
 * <p>Thread-safe (immutable).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String where;

  /** Creates an exception with a message that names the setting and the fix. */
  public ConfigException(String message) {
    this(null, message, null, null);
  }

  /** Creates an exception with a message that names the setting and the fix, and its cause. */
  public ConfigException(String message, Throwable cause) {
    this(null, message, null, cause);
  }

  /**
   * Creates an exception about one setting.
   *
   * @param setting what to change, e.g. {@code BACKPACK_READ_ONLY}; null when it is not one setting
   */
  public ConfigException(String setting, String message, String where, Throwable cause) {
    super(message, cause);
    this.setting = setting;
    this.where = where;
  }

  /** {@return the same problem, said to be set in {@code where} (e.g. a file path)} */
  public ConfigException locatedIn(String where) {
    return new ConfigException(setting, getMessage(), where, getCause());
  }

  /** {@return what to change, e.g. {@code BACKPACK_READ_ONLY}, or null when it is not one setting} */
  public String setting() {
    return setting;
  }

  /** {@return where the setting was made (the environment, a file), or null when unknown} */
  public String where() {
    return where;
  }

  /** {@return one sentence: what to fix, where, and that the server must then be restarted} */
  public String fix() {
    String what = setting != null ? setting : "the setting";
    String in = where != null ? " in " + where : "";
    return "Fix " + what + in + ", then restart the server";
  }
}
