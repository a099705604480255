package dev.bpx.mcp.config;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.ConfirmationPolicy;
import dev.bpx.client.DotEnv;
import dev.bpx.client.stream.StreamSettings;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.ClientSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the server decides at start: the mode, where it trades, and the safety limits.
 *
 * <p>Paper mode unless a private key is configured; {@code --paper} forces paper mode even with keys.
 * Every setting is parsed strictly: a malformed value or an unknown {@code BACKPACK_*} variable (a
 * typo such as {@code BACKPACK_READONLY}) stops the server with a message naming it, so live mode and
 * missing limits are never the result of a mistake. {@link #toString()} holds no secret.
 *
 * <p>Thread-safe (immutable).
 *
 * @param mode paper or live
 * @param baseUrl the exchange URL in live mode; null in paper mode (the embedded exchange picks its own)
 * @param wsUrl the exchange's WebSocket URL in live mode (order waits listen there); null in paper mode
 * @param readOnly whether write tools are hidden
 * @param maxOrderNotional the largest order notional in quote currency, or null for no limit
 * @param allowedSymbols symbols orders may use; empty for all
 * @param maxPositionNotional circuit breaker: largest perp position notional at the mark, or null for none
 * @param maxLeverage circuit breaker: largest account leverage after an order, or null for none
 * @param maxOpenOrders circuit breaker: most open orders on the account (an order's take-profit/stop-loss
 *     triggers count), or null for none
 * @param dataDir where paper-mode state lives
 * @param paperSeed the paper price walk's seed, or null for the default
 * @param paperMarketData where the paper exchange's market comes from (real or simulated)
 * @param environment the parsed environment (the client reads its own settings from it)
 * @param settingsFile the {@code .env} file the settings were read from, or null when none was read
 * @param confirmOrders which orders the user confirms through the MCP client (default: always in live
 *     mode, never in paper mode)
 * @param confirmTimeout how long a confirmation waits for the user's answer before the order is not placed
 * @param cancelAfterIdle dead-man switch: cancel every open order after this long without a tool call, or null for never
 * @param cancelOnExit whether every open order is cancelled when the MCP session ends
 * @param maxDailyNotional circuit breaker: largest notional sent in a rolling 24 hours, or null for none
 * @param maxDailyLoss circuit breaker: net-equity loss since the start of the UTC day at which the
 *     server goes reduce-only, or null for none
 */
public record ServerConfig(
    Mode mode,
    String baseUrl,
    String wsUrl,
    boolean readOnly,
    BigDecimal maxOrderNotional,
    Set<String> allowedSymbols,
    BigDecimal maxPositionNotional,
    BigDecimal maxLeverage,
    Integer maxOpenOrders,
    Path dataDir,
    Long paperSeed,
    PaperMarketData paperMarketData,
    ClientSettings environment,
    Path settingsFile,
    ConfirmationPolicy confirmOrders,
    Duration confirmTimeout,
    Duration cancelAfterIdle,
    boolean cancelOnExit,
    BigDecimal maxDailyNotional,
    BigDecimal maxDailyLoss) {

  /**
   * The longest wait for a confirmation: safely under the 60 s a host gives a tool call by default
   * (the TypeScript SDK's request timeout), so the server always answers before the host gives up.
   */
  public static final int MAX_CONFIRM_TIMEOUT_SECONDS = 50;
  /** The default wait for a confirmation, in seconds. */
  public static final int DEFAULT_CONFIRM_TIMEOUT_SECONDS = 45;

  /** Compact constructor: copies the set. */
  public ServerConfig {
    allowedSymbols = Collections.unmodifiableSet(new LinkedHashSet<>(allowedSymbols));
  }

  /**
   * Reads the command line, the environment and one {@code .env} file.
   *
   * @param args the command-line arguments; {@code --paper} is the only option that changes the mode
   * @param env the environment, e.g. {@code System.getenv()}
   * @param dotEnvFile the {@code .env} file to read when it exists, or null
   * @param userHome the user's home directory, for the default data directory
   * @throws ConfigException naming the wrong setting, where it was set and how to fix it
   */
  public static ServerConfig load(List<String> args, Map<String, String> env, Path dotEnvFile, Path userHome) {
    return load(args, env, dotEnvFile, null, userHome);
  }

  /**
   * Reads the command line, the environment and the first {@code .env} file that exists: the working
   * directory's, else the one in the user's configuration directory ({@link #configDotEnv}). Only one
   * file is read, so a project's {@code .env} without a key can never be topped up with the live key
   * of the user-wide file. A variable set in the environment wins over the file.
   *
   * @param workingDirDotEnv {@code .env} in the working directory, or null
   * @param configDirDotEnv {@code .env} in the user's configuration directory, or null
   * @throws ConfigException naming the wrong setting, where it was set and how to fix it
   */
  public static ServerConfig load(List<String> args, Map<String, String> env, Path workingDirDotEnv,
      Path configDirDotEnv, Path userHome) {
    Path file = chooseDotEnv(workingDirDotEnv, configDirDotEnv);
    try {
      return read(args, env, file, userHome);
    } catch (ConfigException e) {
      throw e.where() != null ? e : e.locatedIn(where(e.setting(), env, file));
    }
  }

  /** {@return the {@code .env} file that is read: the first of the two that is a regular file, or null} */
  public static Path chooseDotEnv(Path workingDirDotEnv, Path configDirDotEnv) {
    if (workingDirDotEnv != null && Files.isRegularFile(workingDirDotEnv)) {
      return workingDirDotEnv;
    }
    return configDirDotEnv != null && Files.isRegularFile(configDirDotEnv) ? configDirDotEnv : null;
  }

  /**
   * {@return the user-wide settings file: {@code $XDG_CONFIG_HOME/backpack-mcp/.env} (default
   * {@code ~/.config/backpack-mcp/.env}) on Linux, {@code ~/Library/Application Support/backpack-mcp/.env}
   * on macOS, {@code %APPDATA%\backpack-mcp\.env} on Windows}
   * GUI MCP clients start servers from {@code /} or the home directory, where a checkout's {@code .env}
   * is not found; this file is.
   */
  public static Path configDotEnv(Map<String, String> env, Path userHome) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") && env.get("APPDATA") != null) {
      return Path.of(env.get("APPDATA"), "backpack-mcp", ".env");
    }
    if (os.contains("mac")) {
      return userHome.resolve("Library").resolve("Application Support").resolve("backpack-mcp").resolve(".env");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".config");
    return base.resolve("backpack-mcp").resolve(".env");
  }

  /** Where a setting was made, in words the user can act on; never its value. */
  static String where(String setting, Map<String, String> env, Path file) {
    if (setting == null || !setting.startsWith("BACKPACK_")) {
      return null; // the command line, or a file line (which the setting names)
    }
    String fromEnv = env.get(setting);
    if (fromEnv != null && (!fromEnv.isBlank() || file == null)) {
      return "the environment (the \"env\" of this server in the MCP client's configuration)";
    }
    return file != null ? file.toString() : "the environment";
  }

  private static ServerConfig read(List<String> args, Map<String, String> env, Path dotEnvFile, Path userHome) {
    boolean forcePaper = false;
    for (String arg : args) {
      if (arg.equals("--paper")) {
        forcePaper = true;
      } else {
        throw new ConfigException("the argument '" + arg + "'", "unknown option '" + arg
            + "': the server takes --paper (force paper mode), --help or --version",
            "the server's command line (\"args\" in the MCP client's configuration)", null);
      }
    }
    List<String> known = new ArrayList<>(ClientSettings.VARIABLES);
    known.addAll(Settings.SERVER_VARIABLES);
    UnknownSettings.reject(env.keySet(), known);
    ClientSettings config;
    try {
      config = ClientSettings.of(env, DotEnv.loadIfExists(dotEnvFile), Settings.SERVER_VARIABLES);
      UnknownSettings.reject(config.names(), known);
      boolean hasKey = config.get(ClientSettings.PRIVATE_KEY).isPresent();
      if (!hasKey && config.get(ClientSettings.PUBLIC_KEY).isPresent()) {
        throw new ConfigException(ClientSettings.PUBLIC_KEY, ClientSettings.PUBLIC_KEY + " is set but " + ClientSettings.PRIVATE_KEY
            + " is not: set the private key (API secret) too for live trading, or remove the public key for paper mode", null, null);
      }
      Mode mode = hasKey && !forcePaper ? Mode.LIVE : Mode.PAPER;
      String baseUrl = mode == Mode.LIVE
          ? LiveBaseUrl.check(config.get(ClientSettings.BASE_URL).orElse(BackpackClient.DEFAULT_BASE_URL))
          : null;
      String wsUrl = mode == Mode.LIVE
          ? LiveBaseUrl.checkWebSocket(config.get(ClientSettings.WS_URL).orElse(StreamSettings.DEFAULT_URL))
          : null;
      boolean readOnly = config.booleanValue(Settings.READ_ONLY).orElse(false);
      BigDecimal maxNotional = LimitSettings.positive(Settings.MAX_ORDER_NOTIONAL, config.get(Settings.MAX_ORDER_NOTIONAL),
          "the largest order value in quote currency, e.g. 500 or 1000.50");
      BigDecimal maxPosition = LimitSettings.positive(Settings.MAX_POSITION_NOTIONAL, config.get(Settings.MAX_POSITION_NOTIONAL),
          "the largest value of one perp position at the mark in quote currency, e.g. 2000");
      BigDecimal maxLeverage = LimitSettings.positive(Settings.MAX_LEVERAGE, config.get(Settings.MAX_LEVERAGE),
          "the largest account leverage (exposure / net equity), e.g. 3 or 2.5");
      Integer maxOpenOrders = config.longValue(Settings.MAX_OPEN_ORDERS, 0, 100_000, "a whole number of orders")
          .stream().mapToObj(n -> (int) n).findFirst().orElse(null);
      Set<String> symbols = LimitSettings.symbols(config.get(Settings.ALLOWED_SYMBOLS));
      Path dataDir = config.get(Settings.DATA_DIR).map(Path::of).orElseGet(() -> defaultDataDir(env, userHome));
      Long seed = config.longValue(Settings.PAPER_SEED, 0, Long.MAX_VALUE, "a whole number").stream().boxed().findFirst().orElse(null);
      PaperMarketData marketData = PaperMarketData.parse(config.get(Settings.PAPER_MARKET_DATA),
          config.get(Settings.PAPER_UPSTREAM_URL), config.get(Settings.PAPER_UPSTREAM_WS_URL));
      ConfirmationPolicy confirm = ConfirmationSettings.parse(config.get(Settings.CONFIRM_ORDERS), mode);
      Duration confirmTimeout = Duration.ofSeconds(config.longValue(Settings.CONFIRM_TIMEOUT_SECONDS, 1, MAX_CONFIRM_TIMEOUT_SECONDS,
          "a whole number of seconds, at most " + MAX_CONFIRM_TIMEOUT_SECONDS + " (hosts give a tool call 60 s)")
          .orElse(DEFAULT_CONFIRM_TIMEOUT_SECONDS));
      BigDecimal maxDailyNotional = LimitSettings.positive(Settings.MAX_DAILY_NOTIONAL, config.get(Settings.MAX_DAILY_NOTIONAL),
          "the largest value of the orders sent in a rolling 24 hours in quote currency, e.g. 5000");
      BigDecimal maxDailyLoss = LimitSettings.positive(Settings.MAX_DAILY_LOSS, config.get(Settings.MAX_DAILY_LOSS),
          "the loss of net equity since 00:00 UTC at which orders become reduce-only, in USDC, e.g. 200");
      ServerConfig result = new ServerConfig(mode, baseUrl, wsUrl, readOnly, maxNotional, symbols, maxPosition, maxLeverage,
          maxOpenOrders, dataDir, seed, marketData, config, dotEnvFile, confirm, confirmTimeout,
          DeadManSettings.parseIdleMinutes(config.get(Settings.CANCEL_AFTER_IDLE_MINUTES)), config.booleanValue(Settings.CANCEL_ON_EXIT).orElse(false),
          maxDailyNotional, maxDailyLoss);
      // The client's own settings (window, timeouts, retries) and, in live mode, the key format are
      // checked now, so a mistake stops the server at start rather than at the first tool call.
      BackpackClient.builderFromEnvironment(mode == Mode.LIVE ? result.clientEnvironment() : result.clientTuning(), null);
      return result;
    } catch (ValidationException e) {
      String field = e.fields().get(0);
      throw new ConfigException(field, e.getMessage(), null, e);
    }
  }

  /** {@return the client's variables (keys included), as the client reads them} */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new java.util.HashMap<>();
    for (String name : ClientSettings.VARIABLES) {
      environment.get(name).ifPresent(v -> env.put(name, v));
    }
    return env;
  }

  /** {@return the client's tuning variables only (no keys, no URLs), for the paper-mode client} */
  public Map<String, String> clientTuning() {
    Map<String, String> env = clientEnvironment();
    env.remove(ClientSettings.PRIVATE_KEY);
    env.remove(ClientSettings.PUBLIC_KEY);
    env.remove(ClientSettings.BASE_URL);
    env.remove(ClientSettings.WS_URL);
    return env;
  }

  /** {@return whether a private key is configured (whatever the mode)} */
  public boolean hasKeys() {
    return environment.get(ClientSettings.PRIVATE_KEY).isPresent();
  }

  /** {@return one line describing the limits, for logs, instructions and the status tool} */
  public String limitsSummary() {
    List<String> parts = new ArrayList<>();
    parts.add(readOnly ? "read-only (no order tools)" : "orders allowed");
    parts.add(maxOrderNotional == null ? "no max order notional" : "max order notional " + maxOrderNotional.toPlainString() + " (quote currency)");
    parts.add(allowedSymbols.isEmpty() ? "all symbols" : "symbols " + String.join(", ", allowedSymbols));
    if (maxPositionNotional != null) {
      parts.add("max position notional " + maxPositionNotional.toPlainString() + " (quote currency)");
    }
    if (maxLeverage != null) {
      parts.add("max leverage " + maxLeverage.toPlainString());
    }
    if (maxOpenOrders != null) {
      parts.add("max open orders " + maxOpenOrders);
    }
    parts.add("confirm orders " + confirmOrders);
    if (maxDailyNotional != null) {
      parts.add("max daily notional " + maxDailyNotional.toPlainString() + " (rolling 24 h)");
    }
    if (maxDailyLoss != null) {
      parts.add("max daily loss " + maxDailyLoss.toPlainString() + " (then reduce-only until 00:00 UTC)");
    }
    return String.join("; ", parts);
  }

  /**
   * {@return the dead-man switch in words, e.g. "Dead-man switch armed: open orders are cancelled after 10 min
   * without a tool call and when this session ends"; null when neither setting is on}
   */
  public String deadManSummary() {
    if (cancelAfterIdle == null && !cancelOnExit) {
      return null;
    }
    String idle = cancelAfterIdle == null ? null : "after " + BigDecimal.valueOf(cancelAfterIdle.toMillis())
        .divide(BigDecimal.valueOf(60_000), java.math.MathContext.DECIMAL64).stripTrailingZeros().toPlainString() + " min without a tool call";
    String exit = cancelOnExit ? "when this session ends" : null;
    return "Dead-man switch armed: open orders are cancelled "
        + (idle != null && exit != null ? idle + " and " + exit : idle != null ? idle : exit);
  }

  @Override
  public String toString() {
    return "ServerConfig[mode=" + mode.label() + ", baseUrl=" + baseUrl + ", " + limitsSummary() + ", dataDir=" + dataDir + "]";
  }

  static Path defaultDataDir(Map<String, String> env, Path userHome) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") && env.get("APPDATA") != null) {
      return Path.of(env.get("APPDATA"), "backpack-mcp");
    }
    if (os.contains("mac")) {
      return userHome.resolve("Library").resolve("Application Support").resolve("backpack-mcp");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
    return base.resolve("backpack-mcp");
  }
}
