package dev.bpx.client;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.journal.Journal;
import dev.bpx.client.stream.StreamService;
import dev.bpx.client.stream.StreamSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The Backpack Exchange REST client: a facade over small services.
 *
 * <pre>{@code
 * try (BackpackClient client = BackpackClient.fromEnvironment()) {   // BACKPACK_PRIVATE_KEY, ...
 *   List<Order> open = client.orders().listOpenOrders();
 *   Order placed = client.orders().place(
 *       OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("140.00")).build());
 *   List<Balance> balances = client.capital().listBalances();           // includes lent funds
 * }
 * }</pre>
 *
 * <p>The services: {@link #markets()} (public data, no keys needed), {@link #orders()}, {@link #account()},
 * {@link #capital()}, {@link #history()} and {@link #streams()}; each accessor says what its service holds.
 *
 * <p>A client without keys calls every public endpoint; a signed call then fails with a
 * {@link ValidationException} that says to set {@code BACKPACK_PRIVATE_KEY}.
 *
 * <p>Thread-safe: immutable once built; share one instance. It holds one {@link OkHttpClient}; reads
 * and writes use two views of it that share its connection pool. {@link #close()} releases the
 * connection pool and threads when the client created the {@code OkHttpClient} itself.
 */
public final class BackpackClient implements AutoCloseable {
  /** The production REST endpoint. */
  public static final String DEFAULT_BASE_URL = "https://api.backpack.exchange";
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default read timeout. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
  /** Default whole-call timeout. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  /** Default time the market list (filters) is cached. */
  public static final Duration DEFAULT_MARKET_CACHE_TTL = Duration.ofMinutes(5);
  /** Default span within which an order with the same {@code clientId} counts as the same order: 24 hours. */
  public static final Duration DEFAULT_CLIENT_ID_LOOKBACK = Duration.ofHours(24);
  /** Shortest clientId lookback: longer than the longest signing window (60 s) plus a margin. */
  public static final Duration MIN_CLIENT_ID_LOOKBACK = Duration.ofMinutes(2);
  /** Longest clientId lookback: 30 days. */
  public static final Duration MAX_CLIENT_ID_LOOKBACK = Duration.ofDays(30);

  private final ClientParts parts;

  private BackpackClient(ClientParts parts) {
    this.parts = parts;
  }

  /** {@return a builder with the defaults: production URL, no keys, 5000 ms window, 3 retries} */
  public static Builder builder() {
    return new Builder(new ClientOptions());
  }

  /**
   * {@return a client configured from the process environment ({@code BACKPACK_*} variables); no file
   * is read: for a {@code .env} file use {@link #fromEnvironment(DotEnv)}}
   *
   * @throws ValidationException naming the variable when a value is malformed (e.g. a key that is
   *     not base64 of 32 bytes, or {@code BACKPACK_WINDOW_MS=abc})
   * @throws BackpackException if {@code BACKPACK_SYNC_CLOCK=true} and the server time cannot be read
   * @see ClientSettings#VARIABLES
   */
  public static BackpackClient fromEnvironment() {
    return fromSettings(ClientSettings.fromEnvironment());
  }

  /**
   * {@return a client configured from the process environment laid over a {@code .env} file the
   * application read (the environment wins)}
   *
   * <pre>{@code
   * BackpackClient client = BackpackClient.fromEnvironment(DotEnv.loadIfExists(Path.of(".env")));
   * }</pre>
   *
   * @throws ValidationException naming the variable when a value is malformed
   * @throws BackpackException if {@code BACKPACK_SYNC_CLOCK=true} and the server time cannot be read
   */
  public static BackpackClient fromEnvironment(DotEnv dotEnv) {
    return fromSettings(ClientSettings.of(System.getenv(), dotEnv));
  }

  /**
   * {@return a client configured from the given variables laid over the given {@code .env} file};
   * shorthand for {@code fromSettings(ClientSettings.of(env, DotEnv.loadIfExists(dotEnvFile)))}
   *
   * @param env variables, e.g. {@code System.getenv()}; these win over the file
   * @param dotEnvFile a {@code .env} file; ignored when null or absent
   * @throws ValidationException naming the variable when a value is malformed
   */
  public static BackpackClient fromEnvironment(Map<String, String> env, Path dotEnvFile) {
    return builderFromEnvironment(env, dotEnvFile).build();
  }

  /**
   * {@return a builder preset from the given variables and {@code .env} file, to adjust further
   * (e.g. inject an {@code OkHttpClient}) before {@link Builder#build()}}
   *
   * @param dotEnvFile a {@code .env} file; ignored when null or absent
   * @throws ValidationException naming the variable when a value is malformed
   */
  public static Builder builderFromEnvironment(Map<String, String> env, Path dotEnvFile) {
    return builder(ClientSettings.of(env, DotEnv.loadIfExists(dotEnvFile)));
  }

  /**
   * {@return a client configured from {@code settings}}
   *
   * @throws ValidationException naming the variable when a value is malformed
   * @throws BackpackException if {@code BACKPACK_SYNC_CLOCK=true} and the server time cannot be read
   */
  public static BackpackClient fromSettings(ClientSettings settings) {
    return builder(settings).build();
  }

  /**
   * {@return a builder preset from {@code settings}, to adjust further (e.g. inject an
   * {@code OkHttpClient}) before {@link Builder#build()}}
   *
   * @throws ValidationException naming the variable when a value is malformed
   */
  public static Builder builder(ClientSettings settings) {
    return new Builder(SettingsPreset.options(Objects.requireNonNull(settings, "settings")));
  }

  /** {@return public market data: markets, tickers, depth, klines, trades, funding, status...} */
  public MarketService markets() {
    return parts.markets();
  }

  /** {@return orders: open orders, place, cancel, max order quantity, market rules} */
  public OrderService orders() {
    return parts.orders();
  }

  /** {@return the account: settings, positions, collateral summary} */
  public AccountService account() {
    return parts.account();
  }

  /** {@return balances (with lent funds), borrow-lend positions, lend and redeem} */
  public CapitalService capital() {
    return parts.capital();
  }

  /** {@return history: orders, fills, funding payments, interest, borrow-lend movements} */
  public HistoryService history() {
    return parts.history();
  }

  /** {@return the WebSocket streams: market data, account updates, a maintained order book} */
  public StreamService streams() {
    return parts.streams();
  }

  /** {@return whether this client has API keys and can call signed endpoints} */
  public boolean hasCredentials() {
    return parts.transport().hasSigner();
  }

  /**
   * {@return the base64 public key (Backpack's "API key") this client signs for, or empty without
   * keys} The public key identifies the account; it is not a secret, but keep it out of logs anyway.
   */
  public Optional<String> publicKeyBase64() {
    return Optional.ofNullable(parts.publicKey());
  }

  /**
   * {@return the trade journal, when {@link Builder#journal} set one} Reconcile it after a crash with
   * {@link Journal#reconcile()}: intents without an outcome are looked up on the exchange by clientId.
   */
  public Optional<Journal> journal() {
    return Optional.ofNullable(parts.journal());
  }

  /** {@return the safety limits enforced on every order} */
  public SafetyLimits safetyLimits() {
    return parts.safetyLimits();
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return parts.baseUrl().toString();
  }

  /**
   * Measures the offset between this machine's clock and the exchange's ({@code GET /api/v1/time},
   * midpoint of the round trip) and signs every later request with corrected timestamps. The client
   * also does this by itself, once per request, when the exchange rejects a timestamp.
   *
   * @return the offset, server minus local (positive when the local clock is behind)
   * @throws BackpackException if the server time cannot be read
   */
  public Duration syncClock() {
    return parts.transport().syncClock();
  }

  /** {@return the current clock correction, server minus local} */
  public Duration clockOffset() {
    return Duration.ofMillis(parts.transport().clock().offsetMillis());
  }

  /**
   * Closes the streams, then releases the connection pool and dispatcher threads when this client
   * created its {@code OkHttpClient}; an injected one is left to its owner.
   */
  @Override
  public void close() {
    parts.close();
  }

  /** Shows the base URL and whether keys are set; never a key. */
  @Override
  public String toString() {
    return "BackpackClient[" + parts.baseUrl() + ", credentials=" + (hasCredentials() ? "set" : "none") + "]";
  }

  /**
   * Builds a {@link BackpackClient}. Each setter checks its argument at once and throws
   * {@link ValidationException} naming it. Not thread-safe.
   */
  public static final class Builder {
    private final ClientOptions options;

    private Builder(ClientOptions options) {
      this.options = options;
    }

    /**
     * Keeps a trade journal in {@code dir} (created when needed): every request that can change the
     * account (place, batch, cancel, cancel all, close position, emergency stop, lend, redeem, settings)
     * writes an intent to disk before it is sent and its outcome after; see {@link Journal}. Unset (the
     * default), there is no journal and it costs nothing. If an intent cannot be written, the request is
     * not sent ({@link ValidationException} on field {@code journal}).
     *
     * @return this
     */
    public Builder journal(Path dir) {
      options.journalDir = Args.required("journal", dir, "give a directory, e.g. Path.of(\"journal\")");
      return this;
    }

    /** Sets the REST base URL, e.g. a paper exchange's {@code http://localhost:8080}. @return this */
    public Builder baseUrl(String baseUrl) {
      options.baseUrl(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Sets the API keys as Backpack shows them.
     *
     * @param privateKeyBase64 the API secret: base64 of the 32-byte ED25519 seed
     * @param publicKeyBase64 the API key (base64 public key) to check against the secret, or null
     * @return this
     * @throws ValidationException if a key is malformed or the two do not belong together (the message
     *     never contains the keys)
     */
    public Builder keys(String privateKeyBase64, String publicKeyBase64) {
      options.signingKey = ClientOptions.loadKey(privateKeyBase64, publicKeyBase64);
      return this;
    }

    /**
     * Sets the WebSocket URL, staleness bound, queue size and backoff of {@link #streams()}. Setting them
     * also lets {@link OrderService#awaitFinished} listen to the order's updates on the stream (it opens
     * the socket while it waits); without this call it polls REST only. @return this
     */
    public Builder streams(StreamSettings settings) {
      options.streams(Objects.requireNonNull(settings, "settings"));
      return this;
    }

    /** Sets the signing key directly. @return this */
    public Builder signingKey(SigningKey signingKey) {
      options.signingKey = Objects.requireNonNull(signingKey, "signingKey");
      return this;
    }

    /** Sets {@code X-Window}, the time a signed request stays valid: 1..60000 ms (default 5000). @return this */
    public Builder windowMillis(long windowMillis) {
      options.windowMillis(windowMillis);
      return this;
    }

    /** Sets the connect timeout (default 10 s). @return this */
    public Builder connectTimeout(Duration timeout) {
      options.connectTimeout(timeout);
      return this;
    }

    /** Sets the read (and write) timeout (default 15 s). @return this */
    public Builder readTimeout(Duration timeout) {
      options.readTimeout(timeout);
      return this;
    }

    /** Sets the whole-call timeout (default 30 s); zero for none. @return this */
    public Builder callTimeout(Duration timeout) {
      options.callTimeout(timeout);
      return this;
    }

    /** Sets the clock for {@code X-Timestamp} and caches (tests use a fixed clock). @return this */
    public Builder clock(Clock clock) {
      options.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Uses this OkHttp client (its pool, dispatcher, interceptors, proxy); its timeouts are kept unless set
     * on this builder. The client is not closed by {@link BackpackClient#close()}. @return this
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      options.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Sets how the client waits between retries (tests inject one that does not sleep). @return this */
    public Builder sleeper(Sleeper sleeper) {
      options.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the retries of reads after the first attempt: 0..10 (default 3). @return this */
    public Builder maxRetries(int maxRetries) {
      options.maxRetries(maxRetries);
      return this;
    }

    /** Measures the clock offset against the exchange when the client is built. @return this */
    public Builder syncClockOnStart(boolean syncClockOnStart) {
      options.syncClockOnStart = syncClockOnStart;
      return this;
    }

    /** Sets the limits checked on every order before it is sent (default {@link SafetyLimits#none()}). @return this */
    public Builder safetyLimits(SafetyLimits limits) {
      options.safetyLimits = Args.required("safetyLimits", limits, "use SafetyLimits.none() for no limits");
      return this;
    }

    /**
     * Sets how far back an order with the same {@code clientId} counts as the same order, for {@link
     * OrderService#placeIdempotent} (which says why there is a span) and {@link OrderService#findOrder} by
     * clientId: 2 minutes to 30 days, default 24 hours. Keep it longer than any delay after which your
     * application (or an assistant) may repeat a call; a longer span costs more history reads on a busy market.
     *
     * @return this
     */
    public Builder clientIdLookback(Duration lookback) {
      options.clientIdLookback(lookback);
      return this;
    }

    /**
     * Sets the directory where the daily circuit breakers ({@link SafetyLimits#maxDailyNotional()},
     * {@link SafetyLimits#maxDailyLoss()}) keep their state, so that it survives restarts; required when
     * one of them is set. Several clients and processes may share it (one file per account, under a
     * file lock; see {@link BreakerStateFile}). The directory is created when first used.
     *
     * @return this
     */
    public Builder stateDirectory(Path directory) {
      options.stateDirectory = Args.required("stateDirectory", directory, "give a writable directory, e.g. the app's data directory");
      return this;
    }

    /** Sets how long market filters are cached (default 5 minutes); zero disables the cache. @return this */
    public Builder marketCacheTtl(Duration ttl) {
      options.marketCacheTtl(ttl);
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws BackpackException if {@link #syncClockOnStart} is set and the server time cannot be read
     * @throws ValidationException if a daily circuit breaker is set without a {@link #stateDirectory}
     */
    public BackpackClient build() {
      return new BackpackClient(ClientParts.start(options));
    }
  }
}
