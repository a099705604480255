package dev.bpx.client.internal;

import dev.bpx.client.exception.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Client settings from environment variables and an optional {@code .env} file. A variable set in the
 * environment wins over the same variable in the file; a blank value counts as unset. A malformed
 * value is an error naming the variable, never a silent default. Secret values (the keys) never
 * appear in a message or in {@link #toString()}.
 *
 * <p>{@code .env} syntax: {@code KEY=value} lines, optional {@code export } prefix, {@code #}
 * comments, values optionally in single or double quotes. Thread-safe (immutable).
 */
public final class EnvironmentConfig {
  /** Base64 ED25519 private key (API secret). Secret. */
  public static final String PRIVATE_KEY = "BACKPACK_PRIVATE_KEY";
  /** Base64 public key (API key); optional, checked against the private key. */
  public static final String PUBLIC_KEY = "BACKPACK_PUBLIC_KEY";
  /** Base URL, default {@code https://api.backpack.exchange}. */
  public static final String BASE_URL = "BACKPACK_BASE_URL";
  /** Signature validity window in ms, 1..60000, default 5000. */
  public static final String WINDOW_MS = "BACKPACK_WINDOW_MS";
  /** Connect timeout in ms. */
  public static final String CONNECT_TIMEOUT_MS = "BACKPACK_CONNECT_TIMEOUT_MS";
  /** Read timeout in ms. */
  public static final String READ_TIMEOUT_MS = "BACKPACK_READ_TIMEOUT_MS";
  /** Whole-call timeout in ms; 0 for none. */
  public static final String CALL_TIMEOUT_MS = "BACKPACK_CALL_TIMEOUT_MS";
  /** Retries of reads, 0..10. */
  public static final String MAX_RETRIES = "BACKPACK_MAX_RETRIES";
  /** {@code true} to measure the clock offset at start. */
  public static final String SYNC_CLOCK = "BACKPACK_SYNC_CLOCK";
  /** How long the market list is cached, seconds. */
  public static final String MARKET_CACHE_TTL_SECONDS = "BACKPACK_MARKET_CACHE_TTL_SECONDS";
  /** How far back an order with the same clientId counts as the same order, minutes. */
  public static final String CLIENT_ID_LOOKBACK_MINUTES = "BACKPACK_CLIENT_ID_LOOKBACK_MINUTES";

  /** Every variable this client reads. */
  public static final List<String> VARIABLES = List.of(PRIVATE_KEY, PUBLIC_KEY, BASE_URL, WINDOW_MS,
      CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, CALL_TIMEOUT_MS, MAX_RETRIES, SYNC_CLOCK, MARKET_CACHE_TTL_SECONDS,
      CLIENT_ID_LOOKBACK_MINUTES);

  private static final Set<String> SECRETS = Set.of(PRIVATE_KEY);
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> values;

  private EnvironmentConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Reads the {@code .env} file (when it exists) and lays the environment over it.
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @param dotEnvFile the {@code .env} file, or null for none
   * @throws ValidationException if the file cannot be read or a line is not {@code KEY=value}
   */
  public static EnvironmentConfig load(Map<String, String> env, Path dotEnvFile) {
    return load(env, dotEnvFile, List.of());
  }

  /**
   * Like {@link #load(Map, Path)}, also taking {@code extraVariables} (an application's own settings,
   * e.g. the MCP server's) from the environment.
   *
   * @throws ValidationException if the file cannot be read or a line is not {@code KEY=value}
   */
  public static EnvironmentConfig load(Map<String, String> env, Path dotEnvFile, java.util.Collection<String> extraVariables) {
    Map<String, String> merged = new HashMap<>();
    if (dotEnvFile != null && Files.isRegularFile(dotEnvFile)) {
      merged.putAll(parseDotEnv(dotEnvFile));
    }
    java.util.List<String> names = new java.util.ArrayList<>(VARIABLES);
    names.addAll(extraVariables);
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        merged.put(name, value);
      }
    }
    merged.values().removeIf(String::isBlank);
    return new EnvironmentConfig(merged);
  }

  /** {@return the names of every variable that has a value, from the environment or the file} */
  public Set<String> names() {
    return values.keySet();
  }

  /** {@return the value of a variable, stripped; empty when unset or blank} */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip);
  }

  /**
   * {@return a whole-number variable, checked to lie in {@code min..max}}
   *
   * @throws ValidationException naming the variable when it is not a whole number in range
   */
  public OptionalLong longValue(String name, long min, long max, String meaning) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    long value;
    try {
      value = Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw new ValidationException(name, shown(name, text.get()) + " is not a whole number",
          "set " + name + " to " + meaning + " between " + min + " and " + max + ", or remove it for the default");
    }
    if (value < min || value > max) {
      throw new ValidationException(name, shown(name, text.get()) + " is outside " + min + ".." + max,
          "set " + name + " to " + meaning + " between " + min + " and " + max + ", or remove it for the default");
    }
    return OptionalLong.of(value);
  }

  /**
   * {@return a boolean variable: {@code true} or {@code false}, any case}
   *
   * @throws ValidationException naming the variable for any other text
   */
  public Optional<Boolean> booleanValue(String name) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return Optional.of(Boolean.parseBoolean(t));
    }
    throw new ValidationException(name, shown(name, text.get()) + " is not true or false",
        "set " + name + " to true or false, or remove it");
  }

  private static String shown(String name, String value) {
    if (SECRETS.contains(name)) {
      return "the value";
    }
    String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "'" + v + "'";
  }

  static Map<String, String> parseDotEnv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ValidationException(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")",
          "check the file's permissions, or delete it and use environment variables");
    }
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (eq < 0 || !KEY.matcher(key).matches()) {
        // The line is not echoed: it may hold a secret.
        throw new ValidationException(file + " line " + (i + 1), "is not KEY=value",
            "write it as NAME=value (e.g. BACKPACK_WINDOW_MS=5000), or start it with # to comment it out");
      }
      out.put(key, unquote(line.substring(eq + 1).strip(), file, i + 1));
    }
    return out;
  }

  private static String unquote(String raw, Path file, int lineNumber) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char quote = raw.charAt(0);
      int end = raw.indexOf(quote, 1);
      if (end < 0) {
        throw new ValidationException(file + " line " + lineNumber, "has an opening " + quote + " without a closing one",
            "close the quote at the end of the value");
      }
      return raw.substring(1, end);
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }

  /** Names the variables that are set, never their values. */
  @Override
  public String toString() {
    return "EnvironmentConfig" + new TreeSet<>(values.keySet());
  }
}
