package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.exception.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientSettings}, {@link DotEnv} and {@code BackpackClient.fromEnvironment}: variables, the .env file, and errors that name the variable. */
class ClientSettingsTest {
  private static final SigningKey KEY = SigningKey.generate();
  private static final String SECRET = KEY.exportPrivateKeyBase64();

  @TempDir Path dir;
  private final TestExchange exchange = new TestExchange();

  @AfterEach
  void close() {
    exchange.close();
  }

  private Path dotEnv(String content) throws IOException {
    Path file = dir.resolve(".env");
    Files.writeString(file, content);
    return file;
  }

  private String url() {
    return exchange.server.url("/").toString();
  }

  @Test
  void keysAndUrlFromTheDotEnvFileMakeASigningClient() throws Exception {
    Path file = dotEnv("""
        # Backpack credentials
        export BACKPACK_PRIVATE_KEY="%s"
        BACKPACK_PUBLIC_KEY='%s'
        BACKPACK_BASE_URL=%s   # the test server
        BACKPACK_WINDOW_MS=5000
        """.formatted(SECRET, KEY.publicKeyBase64(), url()));
    exchange.enqueueJson("{\"autoLend\":true}");

    try (BackpackClient client = BackpackClient.fromEnvironment(Map.of(), file)) {
      assertThat(client.hasCredentials()).isTrue();
      client.account().getSettings();
    }

    assertThat(exchange.take().getHeaders().get("X-API-Key")).isEqualTo(KEY.publicKeyBase64());
  }

  @Test
  void theEnvironmentWinsOverTheDotEnvFile() throws Exception {
    Path file = dotEnv("BACKPACK_BASE_URL=http://localhost:1/\nBACKPACK_WINDOW_MS=abc\n");

    try (BackpackClient client = BackpackClient.fromEnvironment(
        Map.of("BACKPACK_BASE_URL", url(), "BACKPACK_WINDOW_MS", "6000"), file)) {
      assertThat(client.baseUrl()).isEqualTo(url());
    }
  }

  @Test
  void noKeysMeansAPublicClient() {
    try (BackpackClient client = BackpackClient.fromEnvironment(Map.of("BACKPACK_BASE_URL", url()), null)) {
      assertThat(client.hasCredentials()).isFalse();
      assertThat(client.toString()).contains("credentials=none");
    }
  }

  @Test
  void aMissingDotEnvFileIsIgnoredAndTheDefaultUrlIsProduction() {
    try (BackpackClient client = BackpackClient.fromEnvironment(Map.of(), dir.resolve("absent.env"))) {
      assertThat(client.baseUrl()).isEqualTo("https://api.backpack.exchange/");
    }
  }

  @Test
  void aWebSocketUrlSetsTheStreamsAndAMalformedOneNamesTheVariable() {
    try (BackpackClient client = BackpackClient.fromEnvironment(Map.of("BACKPACK_WS_URL", "ws://127.0.0.1:9/"), null)) {
      assertThat(client.streams().settings().url()).isEqualTo("ws://127.0.0.1:9/");
    }
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_WS_URL", "https://ws.backpack.exchange"), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("BACKPACK_WS_URL");
          assertThat(e.getMessage()).contains("must start with ws:// or wss://", "wss://ws.backpack.exchange");
        });
  }

  @Test
  void aMalformedWindowIsAnErrorNamingTheVariable() {
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_WINDOW_MS", "5s"), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("BACKPACK_WINDOW_MS");
          assertThat(e.getMessage()).contains("'5s' is not a whole number").contains("between 1 and 60000");
        });
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_WINDOW_MS", "60001"), null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactly("BACKPACK_WINDOW_MS"));
  }

  @Test
  void theClientIdLookbackIsReadInMinutesWithinTwoMinutesToThirtyDays() {
    try (BackpackClient client = BackpackClient.fromEnvironment(Map.of("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", "90"), null)) {
      assertThat(client.orders().clientIdLookback()).isEqualTo(java.time.Duration.ofMinutes(90));
    }
    try (BackpackClient client = BackpackClient.fromEnvironment(Map.of(), null)) {
      assertThat(client.orders().clientIdLookback()).isEqualTo(java.time.Duration.ofHours(24));
    }
    for (String bad : new String[] {"1", "43201", "1d"}) {
      assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES", bad), null))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.fields()).containsExactly("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES"));
    }
  }

  @Test
  void otherMalformedValuesNameTheirVariable() {
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_MAX_RETRIES", "many"), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("BACKPACK_MAX_RETRIES"));
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_SYNC_CLOCK", "yes"), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("BACKPACK_SYNC_CLOCK"));
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_BASE_URL", "api.backpack.exchange"), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("BACKPACK_BASE_URL"));
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_READ_TIMEOUT_MS", "-5"), null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactly("BACKPACK_READ_TIMEOUT_MS"));
  }

  @Test
  void aMalformedPrivateKeyIsReportedWithoutEchoingIt() {
    String broken = SECRET.substring(0, 20) + "!!" + SECRET.substring(22);

    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_PRIVATE_KEY", broken), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("BACKPACK_PRIVATE_KEY");
          assertThat(e.getMessage()).doesNotContain(broken).doesNotContain(SECRET.substring(0, 20));
        });
  }

  @Test
  void aPublicKeyThatDoesNotMatchIsReportedWithoutEchoingEither() {
    String otherPublic = SigningKey.generate().publicKeyBase64();

    assertThatThrownBy(() -> BackpackClient.fromEnvironment(
        Map.of("BACKPACK_PRIVATE_KEY", SECRET, "BACKPACK_PUBLIC_KEY", otherPublic), null))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.fields()).containsExactly("BACKPACK_PUBLIC_KEY");
          assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(otherPublic);
        });
  }

  @Test
  void aPublicKeyWithoutPrivateKeyIsAnError() {
    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of("BACKPACK_PUBLIC_KEY", KEY.publicKeyBase64()), null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactly("BACKPACK_PRIVATE_KEY"));
  }

  @Test
  void aMalformedDotEnvLineNamesTheLineButNotItsContent() throws Exception {
    Path file = dotEnv("BACKPACK_WINDOW_MS=5000\nthis line holds " + SECRET + "\n");

    assertThatThrownBy(() -> BackpackClient.fromEnvironment(Map.of(), file))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).contains("line 2").doesNotContain(SECRET);
        });
  }

  @Test
  void secretsNeverAppearInToString() {
    try (BackpackClient client = BackpackClient.fromEnvironment(
        Map.of("BACKPACK_PRIVATE_KEY", SECRET, "BACKPACK_BASE_URL", url()), null)) {
      assertThat(client.toString()).doesNotContain(SECRET).doesNotContain(KEY.publicKeyBase64()).contains("credentials=set");
    }
    assertThat(ClientSettings.of(Map.of("BACKPACK_PRIVATE_KEY", SECRET)).toString())
        .isEqualTo("ClientSettings[BACKPACK_PRIVATE_KEY]");
  }

  @Test
  void aDotEnvFileNamesItsVariablesButNeverTheirValues() throws Exception {
    Path file = dotEnv("BACKPACK_PRIVATE_KEY=" + SECRET + "\nBACKPACK_WINDOW_MS=5000\n");

    DotEnv loaded = DotEnv.load(file);

    assertThat(loaded.variables()).containsEntry("BACKPACK_WINDOW_MS", "5000").containsEntry("BACKPACK_PRIVATE_KEY", SECRET);
    assertThat(loaded.toString()).isEqualTo("DotEnv[BACKPACK_PRIVATE_KEY, BACKPACK_WINDOW_MS]");
  }

  @Test
  void loadingADotEnvFileThatDoesNotExistFailsNamingItButLoadIfExistsReadsNothing() {
    Path absent = dir.resolve("absent.env");

    assertThatThrownBy(() -> DotEnv.load(absent))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly(absent.toString()));
    assertThat(DotEnv.loadIfExists(absent).variables()).isEmpty();
    assertThat(DotEnv.loadIfExists(null).variables()).isEmpty();
  }

  @Test
  void settingsLayTheEnvironmentOverTheDotEnvFileAndDropBlankValues() throws Exception {
    Path file = dotEnv("BACKPACK_WINDOW_MS=4000\nBACKPACK_MAX_RETRIES=2\nBACKPACK_SYNC_CLOCK=\nOTHER=x\n");

    ClientSettings settings = ClientSettings.of(
        Map.of("BACKPACK_WINDOW_MS", "6000", "BACKPACK_MAX_RETRIES", " ", "BACKPACK_READ_ONLY", "true"),
        DotEnv.load(file), java.util.List.of("BACKPACK_READ_ONLY"));

    assertThat(settings.get("BACKPACK_WINDOW_MS")).contains("6000");
    assertThat(settings.get("BACKPACK_MAX_RETRIES")).contains("2");
    assertThat(settings.get("BACKPACK_READ_ONLY")).contains("true");
    assertThat(settings.names()).containsExactlyInAnyOrder("BACKPACK_WINDOW_MS", "BACKPACK_MAX_RETRIES", "BACKPACK_READ_ONLY", "OTHER");
  }

  @Test
  void aClientBuiltFromSettingsUsesThemAndTheBuilderCanAdjustThem() {
    ClientSettings settings = ClientSettings.of(Map.of("BACKPACK_BASE_URL", "http://localhost:1/", "BACKPACK_MAX_RETRIES", "0"));

    try (BackpackClient client = BackpackClient.builder(settings).baseUrl(url()).build()) {
      assertThat(client.baseUrl()).isEqualTo(url());
    }
    try (BackpackClient client = BackpackClient.fromSettings(settings)) {
      assertThat(client.baseUrl()).isEqualTo("http://localhost:1/");
    }
  }

  @Test
  void theProcessEnvironmentIsLaidOverTheDotEnvFileTheApplicationGives() throws Exception {
    Path file = dotEnv("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES=90\n");
    // The test JVM's own environment sets no BACKPACK_* variable, so the file's value shows through.
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("BACKPACK_CLIENT_ID_LOOKBACK_MINUTES") == null);

    try (BackpackClient client = BackpackClient.fromEnvironment(DotEnv.load(file))) {
      assertThat(client.orders().clientIdLookback()).isEqualTo(Duration.ofMinutes(90));
    }
  }

  @Test
  void builderSettersRejectBadValuesNamingTheArgument() {
    assertThatThrownBy(() -> BackpackClient.builder().windowMillis(0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("windowMillis"));
    assertThatThrownBy(() -> BackpackClient.builder().windowMillis(60_001)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BackpackClient.builder().maxRetries(-1))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("maxRetries"));
    assertThatThrownBy(() -> BackpackClient.builder().readTimeout(Duration.ZERO)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BackpackClient.builder().baseUrl("ftp://x")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BackpackClient.builder().keys("not base64 at all", null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).doesNotContain("not base64 at all"));
  }

  @Test
  void anInjectedOkHttpClientIsUsedAndNotClosed() {
    okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
    exchange.enqueueText(200, "pong");
    try (BackpackClient client = BackpackClient.builder().baseUrl(url()).okHttpClient(shared).build()) {
      client.markets().ping();
    }
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
  }
}
