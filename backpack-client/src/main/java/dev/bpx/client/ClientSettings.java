package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The client's {@code BACKPACK_*} settings, taken from environment variables laid over an optional
 * {@link DotEnv} file: a variable set in the environment wins over the same variable in the file, and a
 * blank value counts as unset. A malformed value is an error naming the variable, never a silent
 * default. Secret values (the private key) never appear in a message or in {@link #toString()}.
 *
 * <p>Reading the settings touches no file: {@link #fromEnvironment()} reads the process environment
 * only, and a {@code .env} file is read only when the application passes one.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.of(System.getenv(), DotEnv.loadIfExists(Path.of(".env")));
 * BackpackClient client = BackpackClient.fromSettings(settings);
 * }</pre>
 *
 * <p>An application with settings of its own (the MCP server's limits) reads them from the same
 * source through {@link #of(Map, DotEnv, Collection)} and {@link #get(String)}.
 *
 * <p>Thread-safe (immutable).
 */
public final class ClientSettings {
  /** Base64 ED25519 private key (API secret). Secret. */
  public static final String PRIVATE_KEY = "BACKPACK_PRIVATE_KEY";
  /** Base64 public key (API key); optional, checked against the private key. */
  public static final String PUBLIC_KEY = "BACKPACK_PUBLIC_KEY";
  /** Base URL, default {@code https://api.backpack.exchange}. */
  public static final String BASE_URL = "BACKPACK_BASE_URL";
  /**
   * WebSocket URL of the streams, default {@code wss://ws.backpack.exchange}; setting it also lets order
   * waits ({@code OrderService.awaitFinished}) listen to the order's updates on the stream.
   */
  public static final String WS_URL = "BACKPACK_WS_URL";
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
  public static final List<String> VARIABLES = List.of(PRIVATE_KEY, PUBLIC_KEY, BASE_URL, WS_URL, WINDOW_MS,
      CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, CALL_TIMEOUT_MS, MAX_RETRIES, SYNC_CLOCK, MARKET_CACHE_TTL_SECONDS,
      CLIENT_ID_LOOKBACK_MINUTES);

  private static final Set<String> SECRETS = Set.of(PRIVATE_KEY);

  private final Map<String, String> values;

  private ClientSettings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** {@return the settings in the process environment ({@code System.getenv()}); no file is read} */
  public static ClientSettings fromEnvironment() {
    return of(System.getenv(), DotEnv.empty());
  }

  /** {@return the settings among the given variables, e.g. {@code System.getenv()}} */
  public static ClientSettings of(Map<String, String> env) {
    return of(env, DotEnv.empty());
  }

  /** {@return the settings of {@code env} laid over those of {@code dotEnv} (the environment wins)} */
  public static ClientSettings of(Map<String, String> env, DotEnv dotEnv) {
    return of(env, dotEnv, List.of());
  }

  /**
   * Like {@link #of(Map, DotEnv)}, also taking {@code extraVariables} (an application's own settings,
   * e.g. the MCP server's) from the environment. Every variable of the file is kept, so that the
   * application can reject names it does not know.
   *
   * @return the merged settings
   */
  public static ClientSettings of(Map<String, String> env, DotEnv dotEnv, Collection<String> extraVariables) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(dotEnv, "dotEnv (DotEnv.empty() for none)");
    Map<String, String> merged = new HashMap<>(dotEnv.variables());
    List<String> names = new ArrayList<>(VARIABLES);
    names.addAll(extraVariables);
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        merged.put(name, value);
      }
    }
    merged.values().removeIf(String::isBlank);
    return new ClientSettings(merged);
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
   * @param meaning what the number is (e.g. "a timeout in milliseconds"), for the error message
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

  /** Names the variables that are set, never their values. */
  @Override
  public String toString() {
    return "ClientSettings" + new TreeSet<>(values.keySet());
  }
}
