package dev.bpx.client;

import com.squareup.moshi.Moshi;
import dev.bpx.auth.KeyFormatException;
import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.SigningString;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.ClockOffset;
import dev.bpx.client.internal.ErrorMapper;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.internal.RetryPolicy;
import dev.bpx.client.internal.json.JsonCodec;
import dev.bpx.client.journal.Journal;
import dev.bpx.client.journal.JournalWriter;
import dev.bpx.client.journal.OrderFinder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <ul>
 *   <li>{@link #markets()}: public market data (no keys needed);
 *   <li>{@link #orders()}: open orders, place, cancel, max order quantity;
 *   <li>{@link #account()}: settings, positions, collateral summary;
 *   <li>{@link #capital()}: balances (with lent funds), borrow-lend positions, lend and redeem;
 *   <li>{@link #history()}: orders, fills, funding, interest, borrow-lend movements.
 * </ul>
 *
 * <p>A client without keys calls every public endpoint; a signed call then fails with a
 * {@link ValidationException} that says to set {@code BACKPACK_PRIVATE_KEY}.
 *
 * <p>Thread-safe: immutable once built; share one instance. It holds one {@link OkHttpClient}; reads
 * and writes use two views of it that share its connection pool. {@link #close()} releases the
 * connection pool and threads when the client created the {@code OkHttpClient} itself.
 */
public final class BackpackClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackpackClient.class);

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
  /**
   * Default span within which an order with the same {@code clientId} counts as the same order
   * ({@link OrderService#placeIdempotent}, {@link OrderService#findOrder}): 24 hours.
   */
  public static final Duration DEFAULT_CLIENT_ID_LOOKBACK = Duration.ofHours(24);
  /** Extra age, past the signing window, before an intent without outcome is reconciled. */
  static final Duration JOURNAL_RECONCILE_MARGIN = Duration.ofSeconds(10);
  /** Shortest clientId lookback: longer than the longest signing window (60 s) plus a margin. */
  public static final Duration MIN_CLIENT_ID_LOOKBACK = Duration.ofMinutes(2);
  /** Longest clientId lookback: 30 days. */
  public static final Duration MAX_CLIENT_ID_LOOKBACK = Duration.ofDays(30);

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final HttpTransport transport;
  private final MarketService markets;
  private final OrderService orders;
  private final AccountService account;
  private final CapitalService capital;
  private final HistoryService history;
  private final SafetyLimits safetyLimits;
  private final String publicKey;
  private final Journal journal;

  private BackpackClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient.Builder httpBuilder = ownsHttp ? new OkHttpClient.Builder() : b.okHttpClient.newBuilder();
    if (ownsHttp || b.connectTimeout != null) {
      httpBuilder.connectTimeout(orDefault(b.connectTimeout, DEFAULT_CONNECT_TIMEOUT));
    }
    if (ownsHttp || b.readTimeout != null) {
      httpBuilder.readTimeout(orDefault(b.readTimeout, DEFAULT_READ_TIMEOUT));
      httpBuilder.writeTimeout(orDefault(b.readTimeout, DEFAULT_READ_TIMEOUT));
    }
    if (ownsHttp || b.callTimeout != null) {
      httpBuilder.callTimeout(orDefault(b.callTimeout, DEFAULT_CALL_TIMEOUT));
    }
    this.http = httpBuilder.build();
    RequestSigner signer = b.signingKey == null ? null : new RequestSigner(b.signingKey);
    RetryPolicy retryPolicy = new RetryPolicy(b.maxRetries, RetryPolicy.DEFAULT_INITIAL_DELAY,
        RetryPolicy.DEFAULT_MAX_DELAY, RetryPolicy.DEFAULT_MAX_RETRY_AFTER,
        () -> ThreadLocalRandom.current().nextDouble());
    Moshi moshi = JsonCodec.newMoshi();
    this.transport = new HttpTransport(http, baseUrl, signer, b.windowMillis, new ClockOffset(b.clock),
        retryPolicy, b.sleeper, new ErrorMapper(b.clock, moshi));
    ResponseDecoder decoder = new ResponseDecoder(moshi);
    this.markets = new MarketService(transport, decoder);
    MarketCache cache = new MarketCache(markets::listMarkets, markets::getMarket, b.clock, b.marketCacheTtl);
    JournalWriter journalWriter = b.journalDir == null ? null
        : new JournalWriter(b.journalDir, b.clock, JournalWriter.DEFAULT_MAX_FILE_BYTES);
    JournalHook hook = journalWriter == null ? JournalHook.NONE : new JournalHook(journalWriter);
    SignedCalls calls = new SignedCalls(transport, decoder, hook);
    this.account = new AccountService(calls);
    this.capital = new CapitalService(calls);
    this.safetyLimits = b.safetyLimits;
    this.publicKey = b.signingKey == null ? null : b.signingKey.publicKeyBase64();
    OrderPreviewer previewer = new OrderPreviewer(cache, markets, account, capital, b.safetyLimits, signer != null);
    BreakerStateFile breakerState = b.stateDirectory == null ? null : new BreakerStateFile(b.stateDirectory, publicKey);
    this.orders = new OrderService(transport, decoder, cache, markets, account, b.safetyLimits, previewer,
        b.clientIdLookback, new DailyBreakers(b.safetyLimits, breakerState, b.clock), hook);
    OrderFinder finder = (symbol, clientId) -> orders.findOrder(symbol, null, clientId).map(found -> found.isOpen()
        ? new OrderFinder.FoundOrder(found.openOrder().id(), JournalHook.wire(found.openOrder().status()))
        : new OrderFinder.FoundOrder(found.historicalOrder().id(), JournalHook.wire(found.historicalOrder().status())));
    // Intents younger than the signing window plus a margin may still be in flight (another process).
    this.journal = journalWriter == null ? null : Journal.reconciling(journalWriter, b.clock, finder,
        Duration.ofMillis(b.windowMillis).plus(JOURNAL_RECONCILE_MARGIN), b.clientIdLookback);
    this.history = new HistoryService(calls);
  }

  /** {@return a builder with the defaults: production URL, no keys, 5000 ms window, 3 retries} */
  public static Builder builder() {
    return new Builder();
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
    return SettingsPreset.apply(Objects.requireNonNull(settings, "settings"), builder());
  }

  /** {@return public market data: markets, tickers, depth, klines, trades, funding, status...} */
  public MarketService markets() {
    return markets;
  }

  /** {@return orders: open orders, place, cancel, max order quantity, market rules} */
  public OrderService orders() {
    return orders;
  }

  /** {@return the account: settings, positions, collateral summary} */
  public AccountService account() {
    return account;
  }

  /** {@return balances (with lent funds), borrow-lend positions, lend and redeem} */
  public CapitalService capital() {
    return capital;
  }

  /** {@return history: orders, fills, funding payments, interest, borrow-lend movements} */
  public HistoryService history() {
    return history;
  }

  /** {@return whether this client has API keys and can call signed endpoints} */
  public boolean hasCredentials() {
    return transport.hasSigner();
  }

  /**
   * {@return the base64 public key (Backpack's "API key") this client signs for, or empty without
   * keys} The public key identifies the account; it is not a secret, but keep it out of logs anyway.
   */
  public Optional<String> publicKeyBase64() {
    return Optional.ofNullable(publicKey);
  }

  /**
   * {@return the trade journal, when {@link Builder#journal} set one} Reconcile it after a crash with
   * {@link Journal#reconcile()}: intents without an outcome are looked up on the exchange by clientId.
   */
  public Optional<Journal> journal() {
    return Optional.ofNullable(journal);
  }

  /** {@return the safety limits enforced on every order} */
  public SafetyLimits safetyLimits() {
    return safetyLimits;
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return baseUrl.toString();
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
    return transport.syncClock();
  }

  /** {@return the current clock correction, server minus local} */
  public Duration clockOffset() {
    return Duration.ofMillis(transport.clock().offsetMillis());
  }

  /**
   * Releases the connection pool and dispatcher threads when this client created its
   * {@code OkHttpClient}; an injected one is left to its owner.
   */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Shows the base URL and whether keys are set; never a key. */
  @Override
  public String toString() {
    return "BackpackClient[" + baseUrl + ", credentials=" + (hasCredentials() ? "set" : "none") + "]";
  }

  static SigningKey loadKey(String privateKey, String publicKey) {
    try {
      return SigningKey.fromBase64(privateKey, publicKey);
    } catch (KeyFormatException e) {
      // KeyFormatException messages name the variable and never contain key material.
      String field = e.getMessage().startsWith(ClientSettings.PUBLIC_KEY)
          ? ClientSettings.PUBLIC_KEY : ClientSettings.PRIVATE_KEY;
      throw new ValidationException(field, e.getMessage(), "copy the key again from Backpack's API key page");
    }
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  /**
   * Builds a {@link BackpackClient}. Each setter checks its argument at once and throws
   * {@link ValidationException} naming it. Not thread-safe.
   */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private SigningKey signingKey;
    private long windowMillis = SigningString.DEFAULT_WINDOW_MILLIS;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private Clock clock = Clock.systemUTC();
    private OkHttpClient okHttpClient;
    private Sleeper sleeper = Sleeper.system();
    private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
    private boolean syncClockOnStart;
    private Duration marketCacheTtl = DEFAULT_MARKET_CACHE_TTL;
    private SafetyLimits safetyLimits = SafetyLimits.none();
    private Duration clientIdLookback = DEFAULT_CLIENT_ID_LOOKBACK;
    private Path stateDirectory;
    private Path journalDir;

    private Builder() {}

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
      this.journalDir = Args.required("journal", dir, "give a directory, e.g. Path.of(\"journal\")");
      return this;
    }

    /** Sets the REST base URL, e.g. a paper exchange's {@code http://localhost:8080}. @return this */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(baseUrl, "baseUrl");
    }

    Builder baseUrl(String url, String field) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
      if (parsed == null) {
        throw new ValidationException(field, "'" + url + "' is not an http or https URL",
            "use e.g. " + DEFAULT_BASE_URL + " or http://localhost:8080");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new ValidationException(field, "'" + url + "' has a query or fragment", "give only scheme, host, port and path");
      }
      this.baseUrl = parsed;
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
      this.signingKey = loadKey(privateKeyBase64, publicKeyBase64);
      return this;
    }

    /** Sets the signing key directly. @return this */
    public Builder signingKey(SigningKey signingKey) {
      this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
      return this;
    }

    /** Sets {@code X-Window}, the time a signed request stays valid: 1..60000 ms (default 5000). @return this */
    public Builder windowMillis(long windowMillis) {
      if (windowMillis < 1 || windowMillis > SigningString.MAX_WINDOW_MILLIS) {
        throw new ValidationException("windowMillis", windowMillis + " is outside 1.." + SigningString.MAX_WINDOW_MILLIS,
            "use a window between 1 and 60000 ms; 5000 is Backpack's default");
      }
      this.windowMillis = windowMillis;
      return this;
    }

    /** Sets the connect timeout (default 10 s). @return this */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** Sets the read (and write) timeout (default 15 s). @return this */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /** Sets the whole-call timeout (default 30 s); zero for none. @return this */
    public Builder callTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new ValidationException("callTimeout", "must be zero or positive", "use e.g. Duration.ofSeconds(30)");
      }
      this.callTimeout = timeout;
      return this;
    }

    /** Sets the clock for {@code X-Timestamp} and caches (tests use a fixed clock). @return this */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Uses this OkHttp client (its pool, dispatcher, interceptors, proxy); its timeouts are kept unless
     * set on this builder. The client is not closed by {@link BackpackClient#close()}.
     *
     * @return this
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Sets how the client waits between retries (tests inject one that does not sleep). @return this */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the retries of reads after the first attempt: 0..10 (default 3). @return this */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new ValidationException("maxRetries", maxRetries + " is outside 0..10", "use a number from 0 to 10");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Measures the clock offset against the exchange when the client is built. @return this */
    public Builder syncClockOnStart(boolean syncClockOnStart) {
      this.syncClockOnStart = syncClockOnStart;
      return this;
    }

    /**
     * Sets the limits checked on every order before it is sent (default {@link SafetyLimits#none()}).
     *
     * @return this
     */
    public Builder safetyLimits(SafetyLimits limits) {
      this.safetyLimits = Args.required("safetyLimits", limits, "use SafetyLimits.none() for no limits");
      return this;
    }

    /**
     * Sets how far back an order with the same {@code clientId} counts as the same order, for {@link
     * OrderService#placeIdempotent} and {@link OrderService#findOrder} by clientId: 2 minutes to 30
     * days, default 24 hours. Backpack refuses a {@code clientId} only while its order is open, so a
     * {@code clientId} may be used again after its order closed; within this span a repeat returns
     * the earlier order, after it a repeat places a new one. Keep it longer than any delay after
     * which your application (or an assistant) may repeat a call. The history search reads the orders
     * placed within this span, so a longer span costs more reads on a busy market.
     *
     * @return this
     */
    public Builder clientIdLookback(Duration lookback) {
      if (lookback == null || lookback.compareTo(MIN_CLIENT_ID_LOOKBACK) < 0 || lookback.compareTo(MAX_CLIENT_ID_LOOKBACK) > 0) {
        throw new ValidationException("clientIdLookback", "must be between 2 minutes and 30 days",
            "use e.g. Duration.ofHours(24)");
      }
      this.clientIdLookback = lookback;
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
      this.stateDirectory = Args.required("stateDirectory", directory, "give a writable directory, e.g. the app's data directory");
      return this;
    }

    /** Sets how long market filters are cached (default 5 minutes); zero disables the cache. @return this */
    public Builder marketCacheTtl(Duration ttl) {
      if (ttl == null || ttl.isNegative()) {
        throw new ValidationException("marketCacheTtl", "must be zero or positive", "use e.g. Duration.ofMinutes(5)");
      }
      this.marketCacheTtl = ttl;
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws BackpackException if {@link #syncClockOnStart} is set and the server time cannot be read
     * @throws ValidationException if a daily circuit breaker is set without a {@link #stateDirectory}
     */
    public BackpackClient build() {
      if (safetyLimits.hasDailyBreakers() && stateDirectory == null) {
        throw new ValidationException("stateDirectory", "the daily circuit breakers (maxDailyNotional, maxDailyLoss) keep"
            + " their state on disk, and no state directory is set", "call stateDirectory(path) with a writable directory");
      }
      BackpackClient client = new BackpackClient(this);
      LOG.info("Backpack client for {} ({}; window {} ms, {} read retries)", client.baseUrl,
          client.hasCredentials() ? "signed" : "public data only", windowMillis, maxRetries);
      if (syncClockOnStart) {
        try {
          Duration offset = client.syncClock();
          LOG.info("Clock offset to the exchange: {} ms", offset.toMillis());
        } catch (BackpackException e) {
          client.close();
          throw e;
        }
      }
      return client;
    }

    private static Duration positive(String field, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new ValidationException(field, "must be positive", "use e.g. Duration.ofSeconds(10)");
      }
      return value;
    }
  }
}
