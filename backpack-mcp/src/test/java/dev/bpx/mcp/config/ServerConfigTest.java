package dev.bpx.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  private static final SigningKey KEY = SigningKey.generate();
  private static final String PRIVATE = KEY.exportPrivateKeyBase64();
  private static final String PUBLIC = KEY.publicKeyBase64();

  @TempDir Path home;

  private ServerConfig load(Map<String, String> env) {
    return ServerConfig.load(List.of(), env, null, home);
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private void assertRefused(Map<String, String> env, String... messageParts) {
    assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigException.class).hasMessageContainingAll(messageParts);
  }

  @Test
  void noKeysMeansPaperModeWithNoLimits() {
    ServerConfig config = load(Map.of("PATH", "/usr/bin", "HOME", "/somewhere"));
    assertThat(config.mode()).isEqualTo(Mode.PAPER);
    assertThat(config.hasKeys()).isFalse();
    assertThat(config.baseUrl()).isNull();
    assertThat(config.readOnly()).isFalse();
    assertThat(config.maxOrderNotional()).isNull();
    assertThat(config.allowedSymbols()).isEmpty();
    assertThat(config.dataDir().startsWith(home)).as("data dir %s under the home directory", config.dataDir()).isTrue();
    assertThat(config.limitsSummary()).contains("orders allowed", "no max order notional", "all symbols");
  }

  @Test
  void dataDirectoryComesFromTheSettingWhenGiven() {
    Path dir = home.resolve("state");
    assertThat(load(env("BACKPACK_DATA_DIR", dir.toString())).dataDir()).isEqualTo(dir);
  }

  @Test
  void privateKeyMeansLiveModeOnTheRealApiByDefault() {
    ServerConfig config = load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_PUBLIC_KEY", PUBLIC));
    assertThat(config.mode()).isEqualTo(Mode.LIVE);
    assertThat(config.hasKeys()).isTrue();
    assertThat(config.baseUrl()).isEqualTo(BackpackClient.DEFAULT_BASE_URL).startsWith("https://");
  }

  @Test
  void paperOptionForcesPaperModeEvenWithKeys() {
    ServerConfig config = ServerConfig.load(List.of("--paper"), env("BACKPACK_PRIVATE_KEY", PRIVATE), null, home);
    assertThat(config.mode()).isEqualTo(Mode.PAPER);
    assertThat(config.hasKeys()).isTrue();
    assertThat(config.baseUrl()).isNull();
  }

  @Test
  void unknownOptionIsRefused() {
    assertThatThrownBy(() -> ServerConfig.load(List.of("--live"), Map.of(), null, home))
        .isInstanceOf(ConfigException.class)
        .hasMessageContainingAll("unknown option '--live'", "--paper");
  }

  @Test
  void misspeltVariableIsRefusedWithTheLikelyName() {
    assertRefused(env("BACKPACK_READONLY", "true"), "BACKPACK_READONLY", "Did you mean BACKPACK_READ_ONLY?");
    assertRefused(env("BACKPACK_MAX_ORDER_NOTIONL", "100"), "BACKPACK_MAX_ORDER_NOTIONL", "Did you mean BACKPACK_MAX_ORDER_NOTIONAL?");
    assertRefused(env("BACKPACK_API_SECRET", PRIVATE), "BACKPACK_API_SECRET", "Known settings");
  }

  @Test
  void variablesOfOtherProgramsAreIgnored() {
    ServerConfig config = load(env("BACKPACK", "x", "MY_BACKPACK_READONLY", "true", "OTHER", "y"));
    assertThat(config.mode()).isEqualTo(Mode.PAPER);
  }

  @Test
  void clientIdLookbackOutsideItsRangeStopsTheServerNamingIt() {
    assertRefused(env("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", "0"), "BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", "2..43200");
    assertRefused(env("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", "a day"), "BACKPACK_CLIENT_ID_LOOKBACK_MINUTES");
    assertThat(load(env("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", "60")).clientTuning())
        .containsEntry("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", "60");
  }

  @Test
  void readOnlyAcceptsTrueOrFalseInAnyCaseOnly() {
    assertThat(load(env("BACKPACK_READ_ONLY", "TRUE")).readOnly()).isTrue();
    assertThat(load(env("BACKPACK_READ_ONLY", "false")).readOnly()).isFalse();
    assertRefused(env("BACKPACK_READ_ONLY", "yes"), "BACKPACK_READ_ONLY", "'yes'", "true or false");
    assertRefused(env("BACKPACK_READ_ONLY", "1"), "BACKPACK_READ_ONLY", "true or false");
  }

  @Test
  void maxOrderNotionalMustBeAPositiveDecimal() {
    assertThat(load(env("BACKPACK_MAX_ORDER_NOTIONAL", "250.5")).maxOrderNotional()).isEqualByComparingTo("250.5");
    assertRefused(env("BACKPACK_MAX_ORDER_NOTIONAL", "abc"), "BACKPACK_MAX_ORDER_NOTIONAL", "'abc'", "not a decimal number");
    assertRefused(env("BACKPACK_MAX_ORDER_NOTIONAL", "100 USDC"), "BACKPACK_MAX_ORDER_NOTIONAL", "not a decimal number");
    assertRefused(env("BACKPACK_MAX_ORDER_NOTIONAL", "0"), "BACKPACK_MAX_ORDER_NOTIONAL", "must be positive");
    assertRefused(env("BACKPACK_MAX_ORDER_NOTIONAL", "-5"), "BACKPACK_MAX_ORDER_NOTIONAL", "must be positive");
  }

  @Test
  void circuitBreakerSettingsAreReadStrictlyAndUnsetByDefault() {
    ServerConfig none = load(env());
    assertThat(none.maxPositionNotional()).isNull();
    assertThat(none.maxLeverage()).isNull();
    assertThat(none.maxOpenOrders()).isNull();
    ServerConfig set = load(env("BACKPACK_MAX_POSITION_NOTIONAL", "2000", "BACKPACK_MAX_LEVERAGE", "2.5",
        "BACKPACK_MAX_OPEN_ORDERS", "10"));
    assertThat(set.maxPositionNotional()).isEqualByComparingTo("2000");
    assertThat(set.maxLeverage()).isEqualByComparingTo("2.5");
    assertThat(set.maxOpenOrders()).isEqualTo(10);
    assertThat(set.limitsSummary()).contains("max position notional 2000", "max leverage 2.5", "max open orders 10");
    assertRefused(env("BACKPACK_MAX_POSITION_NOTIONAL", "2k"), "BACKPACK_MAX_POSITION_NOTIONAL", "'2k'", "not a decimal number");
    assertRefused(env("BACKPACK_MAX_POSITION_NOTIONAL", "0"), "BACKPACK_MAX_POSITION_NOTIONAL", "must be positive");
    assertRefused(env("BACKPACK_MAX_LEVERAGE", "3x"), "BACKPACK_MAX_LEVERAGE", "'3x'", "not a decimal number");
    assertRefused(env("BACKPACK_MAX_LEVERAGE", "-1"), "BACKPACK_MAX_LEVERAGE", "must be positive");
    assertRefused(env("BACKPACK_MAX_OPEN_ORDERS", "ten"), "BACKPACK_MAX_OPEN_ORDERS", "ten");
    assertRefused(env("BACKPACK_MAX_OPEN_ORDERS", "2.5"), "BACKPACK_MAX_OPEN_ORDERS");
    assertRefused(env("BACKPACK_MAX_OPEN_ORDERS", "-1"), "BACKPACK_MAX_OPEN_ORDERS");
  }

  @Test
  void dailyBreakerSettingsAreReadStrictlyAndUnsetByDefault() {
    ServerConfig none = load(env());
    assertThat(none.maxDailyNotional()).isNull();
    assertThat(none.maxDailyLoss()).isNull();
    ServerConfig set = load(env("BACKPACK_MAX_DAILY_NOTIONAL", "5_000", "BACKPACK_MAX_DAILY_LOSS", "200.5"));
    assertThat(set.maxDailyNotional()).isEqualByComparingTo("5000");
    assertThat(set.maxDailyLoss()).isEqualByComparingTo("200.5");
    assertThat(set.limitsSummary()).contains("max daily notional 5000 (rolling 24 h)", "max daily loss 200.5");
    assertRefused(env("BACKPACK_MAX_DAILY_NOTIONAL", "5k"), "BACKPACK_MAX_DAILY_NOTIONAL", "'5k'", "not a decimal number");
    assertRefused(env("BACKPACK_MAX_DAILY_NOTIONAL", "0"), "BACKPACK_MAX_DAILY_NOTIONAL", "must be positive");
    assertRefused(env("BACKPACK_MAX_DAILY_LOSS", "1e"), "BACKPACK_MAX_DAILY_LOSS", "'1e'", "not a decimal number");
    assertRefused(env("BACKPACK_MAX_DAILY_LOSS", "-100"), "BACKPACK_MAX_DAILY_LOSS", "must be positive");
    assertRefused(env("BACKPACK_MAX_DAILY_LOS", "100"), "BACKPACK_MAX_DAILY_LOS", "Did you mean BACKPACK_MAX_DAILY_LOSS");
  }

  @Test
  void allowedSymbolsAreACommaSeparatedListOfMarketSymbols() {
    assertThat(load(env("BACKPACK_ALLOWED_SYMBOLS", " SOL_USDC, BTC_USDC_PERP ,")).allowedSymbols())
        .containsExactly("SOL_USDC", "BTC_USDC_PERP");
    assertRefused(env("BACKPACK_ALLOWED_SYMBOLS", "SOL/USDC"), "BACKPACK_ALLOWED_SYMBOLS", "'SOL/USDC'", "not a market symbol");
    assertRefused(env("BACKPACK_ALLOWED_SYMBOLS", "SOL_USDC;BTC_USDC"), "BACKPACK_ALLOWED_SYMBOLS", "not a market symbol");
    assertRefused(env("BACKPACK_ALLOWED_SYMBOLS", " , ,"), "BACKPACK_ALLOWED_SYMBOLS", "lists no symbol");
  }

  @Test
  void limitsAppearInTheSummary() {
    ServerConfig config = load(env("BACKPACK_READ_ONLY", "true", "BACKPACK_MAX_ORDER_NOTIONAL", "500",
        "BACKPACK_ALLOWED_SYMBOLS", "SOL_USDC"));
    assertThat(config.limitsSummary()).contains("read-only", "max order notional 500", "symbols SOL_USDC");
  }

  @Test
  void plainHttpBaseUrlIsRefusedUnlessLoopback() {
    assertRefused(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", "http://api.backpack.exchange"),
        "BACKPACK_BASE_URL", "https://");
    assertRefused(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", "api.backpack.exchange"), "https://");
    assertRefused(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", "ftp://127.0.0.1"), "https://");
    for (String loopback : List.of("http://127.0.0.1:8090", "http://localhost:8090", "http://LOCALHOST", "http://[::1]:8090/")) {
      ServerConfig config = load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", loopback));
      assertThat(config.mode()).isEqualTo(Mode.LIVE);
      assertThat(config.baseUrl()).isEqualTo(loopback);
    }
    assertThat(load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", "https://example.org")).baseUrl())
        .isEqualTo("https://example.org");
  }

  @Test
  void theWebSocketUrlIsWssUnlessLoopbackAndOnlyLiveModeHasOne() {
    assertThat(load(env("BACKPACK_PRIVATE_KEY", PRIVATE)).wsUrl()).isEqualTo("wss://ws.backpack.exchange");
    assertThat(load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_WS_URL", "ws://127.0.0.1:8091/")).wsUrl())
        .isEqualTo("ws://127.0.0.1:8091/");
    for (String clear : List.of("ws://ws.backpack.exchange", "ws://localhost.attacker.example/", "https://ws.backpack.exchange")) {
      assertRefused(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_WS_URL", clear), "BACKPACK_WS_URL", "wss://");
    }
    assertThat(load(env("BACKPACK_WS_URL", "ws://ws.backpack.exchange")).wsUrl()).as("paper mode").isNull();
  }

  @Test
  void plainHttpToAHostThatOnlyLooksLikeLoopbackIsRefused() {
    // Prefix checks on the URL text would let these through: each sends signed requests in clear text
    // to a remote host.
    for (String remote : List.of("http://localhost.attacker.example", "http://localhost@attacker.example/",
        "http://127.0.0.1.attacker.example", "http://127.attacker.example:8090", "http://localhost:80@attacker.example")) {
      assertRefused(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", remote), "BACKPACK_BASE_URL", "https://");
    }
  }

  @Test
  void baseUrlIsNotCheckedInPaperMode() {
    // Paper mode never uses it; refusing would block --paper with a live configuration.
    ServerConfig config = ServerConfig.load(List.of("--paper"),
        env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", "http://remote.example"), null, home);
    assertThat(config.mode()).isEqualTo(Mode.PAPER);
  }

  @Test
  void publicKeyWithoutPrivateKeyIsRefused() {
    assertRefused(env("BACKPACK_PUBLIC_KEY", PUBLIC), "BACKPACK_PUBLIC_KEY", "BACKPACK_PRIVATE_KEY is not");
  }

  @Test
  void dotEnvFileIsReadAndTheEnvironmentWins() throws Exception {
    Path dotEnv = home.resolve(".env");
    Files.writeString(dotEnv, String.join("\n",
        "# settings",
        "BACKPACK_MAX_ORDER_NOTIONAL=100",
        "export BACKPACK_ALLOWED_SYMBOLS=\"SOL_USDC,SOL_USDC_PERP\"",
        "BACKPACK_READ_ONLY=true # comment",
        "OTHER_TOOL_SETTING=whatever",
        ""), StandardCharsets.UTF_8);
    ServerConfig config = ServerConfig.load(List.of(), env("BACKPACK_MAX_ORDER_NOTIONAL", "200"), dotEnv, home);
    assertThat(config.maxOrderNotional()).isEqualByComparingTo("200");
    assertThat(config.allowedSymbols()).containsExactly("SOL_USDC", "SOL_USDC_PERP");
    assertThat(config.readOnly()).isTrue();
    assertThat(config.mode()).isEqualTo(Mode.PAPER);
  }

  @Test
  void privateKeyInTheDotEnvFileMeansLiveMode() throws Exception {
    Path dotEnv = home.resolve(".env");
    Files.writeString(dotEnv, "BACKPACK_PRIVATE_KEY=" + PRIVATE + "\n", StandardCharsets.UTF_8);
    assertThat(ServerConfig.load(List.of(), Map.of(), dotEnv, home).mode()).isEqualTo(Mode.LIVE);
  }

  @Test
  void misspeltVariableInTheDotEnvFileIsRefused() throws Exception {
    Path dotEnv = home.resolve(".env");
    Files.writeString(dotEnv, "BACKPACK_READONLY=true\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ServerConfig.load(List.of(), Map.of(), dotEnv, home))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Did you mean BACKPACK_READ_ONLY?");
  }

  @Test
  void missingDotEnvFileIsFine() {
    assertThat(ServerConfig.load(List.of(), Map.of(), home.resolve("absent.env"), home).mode()).isEqualTo(Mode.PAPER);
  }

  @Test
  void messagesNeverContainThePrivateKey() throws Exception {
    Path dotEnv = home.resolve(".env");
    Files.writeString(dotEnv, "BACKPACK_PRIVATE_KEY " + PRIVATE + "\n", StandardCharsets.UTF_8); // '=' missing
    List<Runnable> failures = List.of(
        () -> ServerConfig.load(List.of(), Map.of(), dotEnv, home),
        () -> load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_BASE_URL", "http://remote.example")),
        () -> load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_READONLY", "true")),
        () -> load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_READ_ONLY", "maybe")),
        () -> load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_MAX_ORDER_NOTIONAL", "lots")),
        () -> load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_ALLOWED_SYMBOLS", "*")),
        () -> load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_PAPER_SEED", "-1")),
        () -> load(env("BACKPACK_SECRET_KEY", PRIVATE)));
    for (Runnable failure : failures) {
      assertThatThrownBy(failure::run).isInstanceOf(ConfigException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PRIVATE).doesNotContain(PRIVATE.substring(0, 16)));
    }
    ServerConfig live = load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_MAX_ORDER_NOTIONAL", "10"));
    assertThat(live.toString()).doesNotContain(PRIVATE).contains("live");
    assertThat(live.limitsSummary()).doesNotContain(PRIVATE);
  }

  @Test
  void paperSeedMustBeANonNegativeWholeNumber() {
    assertThat(load(env("BACKPACK_PAPER_SEED", "42")).paperSeed()).isEqualTo(42L);
    assertThat(load(Map.of()).paperSeed()).isNull();
    assertRefused(env("BACKPACK_PAPER_SEED", "4.2"), "BACKPACK_PAPER_SEED");
  }

  @Test
  void clientTuningVariablesAreKnownSettings() {
    assertThat(load(env("BACKPACK_WINDOW_MS", "5000", "BACKPACK_MAX_RETRIES", "2", "BACKPACK_SYNC_CLOCK", "true")).mode())
        .isEqualTo(Mode.PAPER);
  }

  @Test
  void theWorkingDirectorysDotEnvWinsAndTheUserWideOneIsThenNotReadAtAll() throws Exception {
    Path project = Files.createDirectories(home.resolve("project")).resolve(".env");
    Path userWide = Files.createDirectories(home.resolve("config")).resolve(".env");
    Files.writeString(project, "BACKPACK_MAX_ORDER_NOTIONAL=100\n", StandardCharsets.UTF_8);
    // A live key in the user-wide file must not turn the project's paper setup into live trading.
    Files.writeString(userWide, "BACKPACK_PRIVATE_KEY=" + PRIVATE + "\nBACKPACK_READ_ONLY=true\n", StandardCharsets.UTF_8);
    ServerConfig config = ServerConfig.load(List.of(), Map.of(), project, userWide, home);
    assertThat(config.settingsFile()).isEqualTo(project);
    assertThat(config.maxOrderNotional()).isEqualByComparingTo("100");
    assertThat(config.mode()).isEqualTo(Mode.PAPER);
    assertThat(config.readOnly()).isFalse();
  }

  @Test
  void theUserWideDotEnvIsReadWhenTheWorkingDirectoryHasNoneAndTheEnvironmentStillWins() throws Exception {
    Path userWide = Files.createDirectories(home.resolve("config")).resolve(".env");
    Files.writeString(userWide, "BACKPACK_MAX_ORDER_NOTIONAL=100\nBACKPACK_READ_ONLY=true\n", StandardCharsets.UTF_8);
    ServerConfig config = ServerConfig.load(List.of(), env("BACKPACK_MAX_ORDER_NOTIONAL", "250"),
        home.resolve("cwd").resolve(".env"), userWide, home);
    assertThat(config.settingsFile()).isEqualTo(userWide);
    assertThat(config.readOnly()).isTrue();
    assertThat(config.maxOrderNotional()).isEqualByComparingTo("250");
    assertThat(ServerConfig.load(List.of(), Map.of(), null, null, home).settingsFile()).isNull();
  }

  @Test
  void theUserWideDotEnvLivesInTheUsersConfigurationDirectory() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
    assertThat(ServerConfig.configDotEnv(Map.of(), home)).isEqualTo(home.resolve(".config/backpack-mcp/.env"));
    assertThat(ServerConfig.configDotEnv(Map.of("XDG_CONFIG_HOME", "/xdg"), home)).isEqualTo(Path.of("/xdg/backpack-mcp/.env"));
  }

  @Test
  void aConfigurationErrorNamesTheSettingAndWhereItWasSet() throws Exception {
    ConfigException fromEnv = catchConfig(() -> load(env("BACKPACK_READONLY", "true")));
    assertThat(fromEnv.setting()).isEqualTo("BACKPACK_READONLY");
    assertThat(fromEnv.fix()).isEqualTo("Fix BACKPACK_READONLY in the environment (the \"env\" of this server in the MCP"
        + " client's configuration), then restart the server");

    Path userWide = Files.createDirectories(home.resolve("config")).resolve(".env");
    Files.writeString(userWide, "BACKPACK_MAX_ORDER_NOTIONAL=lots\n", StandardCharsets.UTF_8);
    ConfigException fromFile = catchConfig(() -> ServerConfig.load(List.of(), Map.of(), null, userWide, home));
    assertThat(fromFile.fix()).isEqualTo("Fix BACKPACK_MAX_ORDER_NOTIONAL in " + userWide + ", then restart the server");

    Files.writeString(userWide, "BACKPACK_PRIVATE_KEY " + PRIVATE + "\n", StandardCharsets.UTF_8);
    ConfigException badLine = catchConfig(() -> ServerConfig.load(List.of(), Map.of(), null, userWide, home));
    assertThat(badLine.fix()).isEqualTo("Fix " + userWide + " line 1, then restart the server").doesNotContain(PRIVATE);

    ConfigException option = catchConfig(() -> ServerConfig.load(List.of("--live"), Map.of(), null, home));
    assertThat(option.fix()).contains("'--live'", "command line");
  }

  private static ConfigException catchConfig(Runnable load) {
    try {
      load.run();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no ConfigException");
  }

  @Test
  void ordersAreConfirmedAlwaysInLiveModeAndNeverInPaperModeByDefault() {
    assertThat(load(env("BACKPACK_PRIVATE_KEY", PRIVATE)).confirmOrders()).isEqualTo(dev.bpx.client.ConfirmationPolicy.always());
    assertThat(load(env()).confirmOrders()).isEqualTo(dev.bpx.client.ConfirmationPolicy.never());
    ServerConfig forcedPaper = ServerConfig.load(List.of("--paper"), env("BACKPACK_PRIVATE_KEY", PRIVATE), null, home);
    assertThat(forcedPaper.confirmOrders()).isEqualTo(dev.bpx.client.ConfirmationPolicy.never());
    assertThat(load(env()).confirmTimeout()).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(load(env("BACKPACK_PRIVATE_KEY", PRIVATE)).limitsSummary()).contains("confirm orders always");
  }

  @Test
  void confirmationSettingsAreReadStrictly() {
    ServerConfig above = load(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_CONFIRM_ORDERS", "above:250",
        "BACKPACK_CONFIRM_TIMEOUT_SECONDS", "5"));
    assertThat(above.confirmOrders().aboveNotional()).isEqualByComparingTo("250");
    assertThat(above.confirmTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(load(env("BACKPACK_CONFIRM_ORDERS", "always")).confirmOrders()).isEqualTo(dev.bpx.client.ConfirmationPolicy.always());
    assertThat(above.limitsSummary()).contains("confirm orders above:250");

    assertRefused(env("BACKPACK_PRIVATE_KEY", PRIVATE, "BACKPACK_CONFIRM_ORDERS", "yes"),
        "BACKPACK_CONFIRM_ORDERS", "'yes'", "always, never, or above:<notional>");
    assertRefused(env("BACKPACK_CONFIRM_ORDERS", "above:-1"), "BACKPACK_CONFIRM_ORDERS", "positive");
    assertRefused(env("BACKPACK_CONFIRM_TIMEOUT_SECONDS", "60"), "BACKPACK_CONFIRM_TIMEOUT_SECONDS", "50");
    assertRefused(env("BACKPACK_CONFIRM_TIMEOUT_SECONDS", "0"), "BACKPACK_CONFIRM_TIMEOUT_SECONDS");
  }

  @Test
  void theDeadManSwitchIsOffByDefaultAndNamedWhenArmed() {
    ServerConfig off = load(env());
    assertThat(off.cancelAfterIdle()).isNull();
    assertThat(off.cancelOnExit()).isFalse();
    assertThat(off.deadManSummary()).isNull();

    assertThat(load(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "10")).deadManSummary())
        .isEqualTo("Dead-man switch armed: open orders are cancelled after 10 min without a tool call");
    assertThat(load(env("BACKPACK_CANCEL_ON_EXIT", "true")).deadManSummary())
        .isEqualTo("Dead-man switch armed: open orders are cancelled when this session ends");
    assertThat(load(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "0.5", "BACKPACK_CANCEL_ON_EXIT", "TRUE")).deadManSummary())
        .isEqualTo("Dead-man switch armed: open orders are cancelled after 0.5 min without a tool call and when this session ends");
    assertThat(load(env("BACKPACK_CANCEL_ON_EXIT", "false")).deadManSummary()).isNull();
  }

  @Test
  void idleMinutesAreADecimalFromOneSecondToAWeekCountedToTheMillisecond() {
    assertThat(load(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "10")).cancelAfterIdle()).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(load(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "0.05")).cancelAfterIdle()).isEqualTo(java.time.Duration.ofSeconds(3));
    assertThat(load(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "0.0167")).cancelAfterIdle()).isEqualTo(java.time.Duration.ofMillis(1002));
    assertThat(load(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "10080")).cancelAfterIdle()).isEqualTo(java.time.Duration.ofDays(7));
    for (String bad : List.of("0", "-5", "0.0166", "10080.01")) {
      assertRefused(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", bad), "BACKPACK_CANCEL_AFTER_IDLE_MINUTES",
          "at least 1 second", "at most a week", bad);
    }
    for (String bad : List.of("ten", "10m", "1,5")) {
      assertRefused(env("BACKPACK_CANCEL_AFTER_IDLE_MINUTES", bad), "BACKPACK_CANCEL_AFTER_IDLE_MINUTES", "not a number of minutes");
    }
    assertRefused(env("BACKPACK_CANCEL_ON_EXIT", "yes"), "BACKPACK_CANCEL_ON_EXIT", "true or false");
  }

  @Test
  void paperMarketDataIsAutoFromBackpackByDefault() {
    PaperMarketData data = load(env()).paperMarketData();
    assertThat(data.choice()).isEqualTo(PaperMarketData.Choice.AUTO);
    assertThat(data.upstreamUrl()).hasToString("https://api.backpack.exchange");
    assertThat(data.upstreamWsUrl()).hasToString("wss://ws.backpack.exchange");
    assertThat(data.describeChoice()).isEqualTo("real market data from https://api.backpack.exchange when it answers"
        + " as the paper exchange opens, simulated prices otherwise");
  }

  @Test
  void paperMarketDataSettingsAreReadStrictly() {
    PaperMarketData live = load(env("BACKPACK_PAPER_MARKET_DATA", "Live", "BACKPACK_PAPER_UPSTREAM_URL", "http://127.0.0.1:18111",
        "BACKPACK_PAPER_UPSTREAM_WS_URL", "ws://127.0.0.1:18112/")).paperMarketData();
    assertThat(live.choice()).isEqualTo(PaperMarketData.Choice.LIVE);
    assertThat(live.upstreamUrl()).hasToString("http://127.0.0.1:18111");
    assertThat(live.upstreamWsUrl()).hasToString("ws://127.0.0.1:18112/");
    assertThat(live.describeChoice()).isEqualTo("real market data from http://127.0.0.1:18111");
    assertThat(load(env("BACKPACK_PAPER_MARKET_DATA", "simulated")).paperMarketData().describeChoice()).isEqualTo("simulated prices");

    assertRefused(env("BACKPACK_PAPER_MARKET_DATA", "real"), "BACKPACK_PAPER_MARKET_DATA", "'real'", "auto, live, simulated");
    for (String bad : List.of("api.backpack.exchange", "wss://ws.backpack.exchange", "https://user:pw@api.backpack.exchange",
        "https://api.backpack.exchange?x=1", "https:///nohost")) {
      assertRefused(env("BACKPACK_PAPER_UPSTREAM_URL", bad), "BACKPACK_PAPER_UPSTREAM_URL", "http:// or https:// URL with a host");
    }
    for (String bad : List.of("https://ws.backpack.exchange", "ws.backpack.exchange")) {
      assertRefused(env("BACKPACK_PAPER_UPSTREAM_WS_URL", bad), "BACKPACK_PAPER_UPSTREAM_WS_URL", "ws:// or wss:// URL");
    }
  }
}
