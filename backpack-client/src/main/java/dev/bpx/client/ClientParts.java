package dev.bpx.client;

import com.squareup.moshi.Moshi;
import dev.bpx.auth.RequestSigner;
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
import dev.bpx.client.stream.StreamService;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a {@link BackpackClient}, wired from what its builder collected: one OkHttp client (made
 * here, or a variant of the injected one sharing its pool), the signing transport, the services, and the
 * journal when one is kept.
 *
 * @param ownsHttp whether {@code http} was made here, so that closing the client releases it
 * @param publicKey the base64 public key signed for, or null without keys
 * @param journal the trade journal, or null when none is kept
 * @param streams the WebSocket streams (idle until the first subscription)
 */
record ClientParts(HttpUrl baseUrl, OkHttpClient http, boolean ownsHttp, HttpTransport transport,
    MarketService markets, OrderService orders, AccountService account, CapitalService capital,
    HistoryService history, SafetyLimits safetyLimits, String publicKey, Journal journal, StreamService streams) {

  /** Named after the client, whose start-up it reports. */
  private static final Logger LOG = LoggerFactory.getLogger(BackpackClient.class);
  /** Extra age, past the signing window, before an intent without outcome is reconciled. */
  static final Duration JOURNAL_RECONCILE_MARGIN = Duration.ofSeconds(10);

  /**
   * {@return the parts wired from {@code options}, reported in the log, with the clock offset measured
   * when {@code syncClockOnStart} asks for it}
   *
   * @throws ValidationException if a daily circuit breaker is set without a state directory
   * @throws BackpackException if the server time cannot be read (what was made here is released)
   */
  static ClientParts start(ClientOptions options) {
    options.checkComplete();
    ClientParts parts = assemble(options);
    parts.announce(options);
    return parts;
  }

  private static ClientParts assemble(ClientOptions b) {
    boolean ownsHttp = b.okHttpClient == null;
    OkHttpClient http = httpClient(b, ownsHttp);
    RequestSigner signer = b.signingKey == null ? null : new RequestSigner(b.signingKey);
    RetryPolicy retryPolicy = new RetryPolicy(b.maxRetries, RetryPolicy.DEFAULT_INITIAL_DELAY,
        RetryPolicy.DEFAULT_MAX_DELAY, RetryPolicy.DEFAULT_MAX_RETRY_AFTER,
        () -> ThreadLocalRandom.current().nextDouble());
    // One Moshi for the answers and the error bodies: the codec of the client's models, built once.
    Moshi moshi = JsonCodec.newMoshi();
    HttpTransport transport = new HttpTransport(http, b.baseUrl, signer, b.windowMillis, new ClockOffset(b.clock),
        retryPolicy, b.sleeper, new ErrorMapper(b.clock, moshi));
    ResponseDecoder decoder = new ResponseDecoder(moshi);
    MarketService markets = new MarketService(transport, decoder);
    MarketCache cache = new MarketCache(markets::listMarkets, markets::getMarket, b.clock, b.marketCacheTtl);
    JournalWriter journalWriter = b.journalDir == null ? null
        : new JournalWriter(b.journalDir, b.clock, JournalWriter.DEFAULT_MAX_FILE_BYTES);
    JournalHook hook = journalWriter == null ? JournalHook.NONE : new JournalHook(journalWriter);
    SignedCalls calls = new SignedCalls(transport, decoder, hook);
    AccountService account = new AccountService(calls);
    CapitalService capital = new CapitalService(calls);
    String publicKey = b.signingKey == null ? null : b.signingKey.publicKeyBase64();
    OrderPreviewer previewer = new OrderPreviewer(cache, markets, account, capital, b.safetyLimits, signer != null);
    BreakerStateFile breakerState = b.stateDirectory == null ? null : new BreakerStateFile(b.stateDirectory, publicKey);
    StreamService streams = StreamService.create(http, b.streamSettings, b.signingKey, b.windowMillis,
        transport.clock()::nowMillis, markets::getDepth);
    OrderService orders = new OrderService(OrderParts.wire(transport, decoder, cache, markets, account,
        b.safetyLimits, previewer, b.clientIdLookback, new DailyBreakers(b.safetyLimits, breakerState, b.clock),
        hook, b.streamsConfigured ? streams : null, Duration.ofMillis(b.windowMillis).plus(JOURNAL_RECONCILE_MARGIN)));
    OrderFinder finder = (symbol, clientId) -> orders.findPlaced(symbol, clientId).map(found -> found.isOpen()
        ? new OrderFinder.FoundOrder(found.openOrder().id(), JournalHook.wire(found.openOrder().status()))
        : new OrderFinder.FoundOrder(found.historicalOrder().id(), JournalHook.wire(found.historicalOrder().status())));
    // Intents younger than the signing window plus a margin may still be in flight (another process).
    Journal journal = journalWriter == null ? null : Journal.reconciling(journalWriter, b.clock, finder,
        Duration.ofMillis(b.windowMillis).plus(JOURNAL_RECONCILE_MARGIN), b.clientIdLookback);
    return new ClientParts(b.baseUrl, http, ownsHttp, transport, markets, orders, account, capital,
        new HistoryService(calls, cache), b.safetyLimits, publicKey, journal, streams);
  }

  /** Reports what was built and, when asked, measures the clock offset; releases what was made here when that fails. */
  private void announce(ClientOptions options) {
    LOG.info("Backpack client for {} ({}; window {} ms, {} read retries)", baseUrl,
        transport.hasSigner() ? "signed" : "public data only", options.windowMillis, options.maxRetries);
    if (options.syncClockOnStart) {
      try {
        Duration offset = transport.syncClock();
        LOG.info("Clock offset to the exchange: {} ms", offset.toMillis());
      } catch (BackpackException e) {
        close();
        throw e;
      }
    }
  }

  /** Releases the connection pool and dispatcher threads of an OkHttp client made here; an injected one is left. */
  void close() {
    streams.close(); // first: its socket uses the dispatcher shut down below
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** An injected client keeps its own timeouts unless the builder set them. */
  private static OkHttpClient httpClient(ClientOptions b, boolean ownsHttp) {
    OkHttpClient.Builder httpBuilder = ownsHttp ? new OkHttpClient.Builder() : b.okHttpClient.newBuilder();
    if (ownsHttp || b.connectTimeout != null) {
      httpBuilder.connectTimeout(orDefault(b.connectTimeout, BackpackClient.DEFAULT_CONNECT_TIMEOUT));
    }
    if (ownsHttp || b.readTimeout != null) {
      httpBuilder.readTimeout(orDefault(b.readTimeout, BackpackClient.DEFAULT_READ_TIMEOUT));
      httpBuilder.writeTimeout(orDefault(b.readTimeout, BackpackClient.DEFAULT_READ_TIMEOUT));
    }
    if (ownsHttp || b.callTimeout != null) {
      httpBuilder.callTimeout(orDefault(b.callTimeout, BackpackClient.DEFAULT_CALL_TIMEOUT));
    }
    return httpBuilder.build();
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  /** Shows the base URL only: the parts hold the public key, which stays out of logs. */
  @Override
  public String toString() {
    return "ClientParts[" + baseUrl + "]";
  }
}
