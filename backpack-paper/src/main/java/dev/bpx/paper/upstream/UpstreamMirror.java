package dev.bpx.paper.upstream;

import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live copy of an upstream Backpack-compatible exchange's public market data. {@link #open} reads
 * the market list, tickers, mark prices, open interest, every book and the recent trades over REST,
 * then keeps them current from the upstream's streams ({@code depth}, {@code trade}, {@code bookTicker},
 * {@code ticker}, {@code markPrice}, {@code openInterest}): books by the spec's {@code U}/{@code u}
 * rule with a REST snapshot whenever a delta is missed, on every (re)connect, and by REST polling
 * while the socket is down. {@link #dataAgeMillis} says how old each book is.
 *
 * <pre>{@code
 * try (UpstreamMirror m = UpstreamMirror.open(UpstreamSettings.of(
 *     URI.create("https://api.backpack.exchange"), URI.create("wss://ws.backpack.exchange")))) {
 *   BookSnapshot sol = m.book("SOL_USDC").orElseThrow();
 * }
 * }</pre>
 *
 * <p>Sends unsigned GETs and SUBSCRIBE frames only. One daemon thread ({@code upstream-mirror}) runs
 * the REST reads, polls and reconnects; the JDK client's threads deliver the frames. Thread-safe: reads
 * take a consistent copy under one lock. This class opens and answers; {@link RestReads} reads REST,
 * {@link StreamFrames} applies the stream, {@link MirrorState} holds what both change.
 */
public final class UpstreamMirror implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamMirror.class);

  private final UpstreamSettings settings;
  private final Clock clock;
  private final UpstreamRest rest;
  private final ScheduledExecutorService worker;
  private final MirrorState state = new MirrorState();
  private final RestReads reads;
  private final StreamFrames frames;
  private final List<String> skipped;
  private final List<dev.bpx.paper.market.AssetSpec> assets;
  private final StreamConnection stream;

  private UpstreamMirror(UpstreamSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    HttpClient http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    this.rest = new UpstreamRest(http, settings.rest(), settings.requestTimeout());
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "upstream-mirror");
      t.setDaemon(true);
      return t;
    });
    this.reads = new RestReads(state, rest, settings, clock, worker, this::streaming);
    this.frames = new StreamFrames(state, reads, clock, worker);
    try {
      Map<String, BigDecimal> last = new LinkedHashMap<>();
      List<Ticker> tickers = reads.readTickers();
      tickers.forEach(t -> last.put(t.symbol(), t.lastPrice()));
      MarketListReader.Result list = MarketListReader.read(rest.get("/api/v1/markets", null), last);
      this.skipped = list.skipped();
      for (MarketSpec m : list.markets()) {
        state.states.put(m.symbol(), new SymbolState(m, settings.keepTrades()));
      }
      this.assets = AssetListReader.read(rest, list.markets());
      reads.applyTickers(tickers, 0);
      reads.refreshAll();
    } catch (RuntimeException e) {
      worker.shutdownNow();
      throw e;
    }
    LOG.info("upstream {}: {} markets ({} of other types not taken)", settings.rest(), state.states.size(),
        skipped.size());
    this.stream = settings.ws() == null ? null : new StreamConnection(http, settings.ws(), streamNames(),
        settings, worker, frames, clock);
    long poll = settings.pollInterval().toMillis();
    worker.scheduleWithFixedDelay(reads::poll, poll, poll, TimeUnit.MILLISECONDS);
    if (stream != null) {
      stream.start();
    }
  }

  /**
   * Reads the upstream's public data and starts following it.
   *
   * @throws UpstreamException if the market list, tickers or books cannot be read now
   */
  public static UpstreamMirror open(UpstreamSettings settings) {
    return new UpstreamMirror(settings, Clock.systemUTC());
  }

  /** As {@link #open(UpstreamSettings)}, with the clock data ages are measured by. */
  public static UpstreamMirror open(UpstreamSettings settings, Clock clock) {
    return new UpstreamMirror(settings, clock);
  }

  /** {@return where the upstream is} */
  public UpstreamSettings settings() {
    return settings;
  }

  /** {@return the spot and perp markets of the upstream, in its order, with its filters} */
  public List<MarketSpec> markets() {
    synchronized (state.lock) {
      return state.states.values().stream().map(s -> s.spec).toList();
    }
  }

  /** {@return the assets the markets trade, as the upstream lists them (read at open)} */
  public List<dev.bpx.paper.market.AssetSpec> assets() {
    return assets;
  }

  /** {@return the symbols of the upstream's markets of other types (not traded here)} */
  public List<String> skippedMarkets() {
    return skipped;
  }

  /** {@return whether the stream socket is open now (false: REST polling)} */
  public boolean streaming() {
    return stream != null && stream.connected();
  }

  /** {@return how many times the stream socket opened (1 after start, more after reconnects)} */
  public int streamConnects() {
    return stream == null ? 0 : stream.connects();
  }

  /** {@return the book of a market as the mirror holds it now, empty for an unknown or never-loaded one} */
  public Optional<BookSnapshot> book(String symbol) {
    return state.read(symbol, s -> s == null || !s.book.loaded() ? Optional.empty()
        : Optional.of(s.book.snapshot(symbol, s.bookHeardMillis)));
  }

  public Optional<Ticker> ticker(String symbol) {
    return state.read(symbol, s -> Optional.ofNullable(s == null ? null : s.ticker));
  }

  public Optional<MarkPrice> markPrice(String symbol) {
    return state.read(symbol, s -> Optional.ofNullable(s == null ? null : s.mark));
  }

  /** {@return the open interest of a perp market, in the base asset} */
  public Optional<BigDecimal> openInterest(String symbol) {
    return state.read(symbol, s -> Optional.ofNullable(s == null ? null : s.openInterest));
  }

  /** {@return up to {@code limit} of the market's latest public trades, newest first} */
  public List<Trade> trades(String symbol, int limit) {
    return state.read(symbol, s -> s == null ? List.of() : s.trades(limit));
  }

  /**
   * The trades of a market taken after a cursor, oldest first, and the cursor after them.
   *
   * @param count pass it to the next {@link #tradesAfter}
   */
  public record TradeTape(List<Trade> trades, long count) {
    public TradeTape {
      trades = List.copyOf(trades);
    }
  }

  /**
   * {@return the market's trades taken after the first {@code count}, oldest first, with the new cursor}
   * Only the last {@code keepTrades} are kept; older ones are gone.
   */
  public TradeTape tradesAfter(String symbol, long count) {
    return state.read(symbol,
        s -> s == null ? new TradeTape(List.of(), 0) : new TradeTape(s.tradesAfter(count), s.tradesAdded));
  }

  /**
   * {@return milliseconds since the market's book was last confirmed current, {@code Long.MAX_VALUE}
   * if never} Confirmed by a REST snapshot, by a delta in sequence, or by a pong on the socket while
   * the book follows it and data flows (frames arrive in order, so a pong proves nothing sent before it is
   * missing). Streams silent for {@link UpstreamSettings#silenceLimit} count as a stalled upstream: pongs stop
   * confirming and the socket is reconnected. A REST answer counts as current when it arrives: an upstream whose
   * REST serves a stopped engine's book cannot be told from a quiet one.
   */
  public long dataAgeMillis(String symbol) {
    return state.read(symbol, s -> s == null || s.bookHeardMillis < 0 ? Long.MAX_VALUE
          : Math.max(0, clock.millis() - s.bookHeardMillis));
  }

  /**
   * Reads a market's book over REST now, on the caller's thread: for an order on a book older than the paper
   * exchange's bound (while the socket is down, the polls read each book only every 30 s). Does nothing for an
   * unknown market.
   *
   * @throws UpstreamException if the upstream cannot answer now
   */
  public void refreshBook(String symbol) {
    if (state.states.containsKey(symbol)) {
      reads.loadBook(symbol);
    }
  }

  /**
   * {@return the upstream's answer to a public read that no state here depends on (klines, funding
   * history), as it sent it, whatever its status}
   *
   * @param query already encoded, or null
   * @throws UpstreamException if the upstream cannot answer now
   */
  public PublicAnswer publicGet(String path, String query) {
    return rest.fetch(path, query);
  }

  /**
   * Hands every stream frame the mirror takes to {@code listener} too, after applying it: the stream
   * name and the {@code data} object as JSON text (the paper exchange passes the upstream's public
   * streams on). Called on the socket's thread, one frame at a time, in the upstream's order.
   */
  public void onFrame(BiConsumer<String, String> listener) {
    frames.listener(listener);
  }

  @Override
  public void close() {
    reads.close();
    if (stream != null) {
      stream.close();
    }
    worker.shutdownNow();
  }

  private List<String> streamNames() {
    List<String> names = new ArrayList<>();
    for (SymbolState s : state.states.values()) {
      String sym = s.spec.symbol();
      names.add("depth." + sym);
      names.add("trade." + sym);
      names.add("bookTicker." + sym);
      names.add("ticker." + sym);
      if (s.spec.isPerp()) {
        names.add("markPrice." + sym);
        names.add("openInterest." + sym);
      }
    }
    return names;
  }
}
