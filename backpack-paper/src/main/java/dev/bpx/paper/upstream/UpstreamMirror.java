package dev.bpx.paper.upstream;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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
 * take a consistent copy under one lock.
 */
public final class UpstreamMirror implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamMirror.class);

  private final UpstreamSettings settings;
  private final Clock clock;
  private final UpstreamRest rest;
  private final ScheduledExecutorService worker;
  private final Map<String, SymbolState> states = new LinkedHashMap<>();
  private final List<String> skipped;
  private final List<dev.bpx.paper.market.AssetSpec> assets;
  private final Object lock = new Object();
  private final StreamConnection stream;
  private volatile boolean closed;
  private volatile BiConsumer<String, String> frames;
  /** Stream frames applied so far; guarded by the lock (see {@link SymbolState#markFrame}). */
  private long framesApplied;

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
    try {
      Map<String, BigDecimal> last = new LinkedHashMap<>();
      List<Ticker> tickers = readTickers();
      tickers.forEach(t -> last.put(t.symbol(), t.lastPrice()));
      MarketListReader.Result list = MarketListReader.read(rest.get("/api/v1/markets", null), last);
      this.skipped = list.skipped();
      for (MarketSpec m : list.markets()) {
        states.put(m.symbol(), new SymbolState(m, settings.keepTrades()));
      }
      this.assets = AssetListReader.read(rest, list.markets());
      applyTickers(tickers, 0);
      refreshAll();
    } catch (RuntimeException e) {
      worker.shutdownNow();
      throw e;
    }
    LOG.info("upstream {}: {} markets ({} of other types not taken)", settings.rest(), states.size(),
        skipped.size());
    this.stream = settings.ws() == null ? null : new StreamConnection(http, settings.ws(), streamNames(),
        settings, worker, new Frames(), clock);
    long poll = settings.pollInterval().toMillis();
    worker.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
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
    synchronized (lock) {
      return states.values().stream().map(s -> s.spec).toList();
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
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return s == null || !s.book.loaded() ? Optional.empty()
          : Optional.of(s.book.snapshot(symbol, s.bookHeardMillis));
    }
  }

  public Optional<Ticker> ticker(String symbol) {
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return Optional.ofNullable(s == null ? null : s.ticker);
    }
  }

  public Optional<MarkPrice> markPrice(String symbol) {
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return Optional.ofNullable(s == null ? null : s.mark);
    }
  }

  /** {@return the open interest of a perp market, in the base asset} */
  public Optional<BigDecimal> openInterest(String symbol) {
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return Optional.ofNullable(s == null ? null : s.openInterest);
    }
  }

  /** {@return up to {@code limit} of the market's latest public trades, newest first} */
  public List<Trade> trades(String symbol, int limit) {
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return s == null ? List.of() : s.trades(limit);
    }
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
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return s == null ? new TradeTape(List.of(), 0) : new TradeTape(s.tradesAfter(count), s.tradesAdded);
    }
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
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      return s == null || s.bookHeardMillis < 0 ? Long.MAX_VALUE
          : Math.max(0, clock.millis() - s.bookHeardMillis);
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
    this.frames = listener;
  }

  @Override
  public void close() {
    closed = true;
    if (stream != null) {
      stream.close();
    }
    worker.shutdownNow();
  }

  // --- REST ------------------------------------------------------------------------------

  private List<String> streamNames() {
    List<String> names = new ArrayList<>();
    for (SymbolState s : states.values()) {
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

  private List<Ticker> readTickers() {
    List<Ticker> out = new ArrayList<>();
    for (Object row : UpstreamJson.array(rest.get("/api/v1/tickers", null), "/api/v1/tickers")) {
      out.add(PayloadReader.ticker(UpstreamJson.object(row, "/api/v1/tickers[]")));
    }
    return out;
  }

  /** {@return the stream frames applied so far: take it before a REST read, pass it to the apply} */
  private long framesApplied() {
    synchronized (lock) {
      return framesApplied;
    }
  }

  /** Applies tickers read after {@code asked} frames, except where a frame since then is newer. */
  private void applyTickers(List<Ticker> tickers, long asked) {
    synchronized (lock) {
      for (Ticker t : tickers) {
        SymbolState s = states.get(t.symbol());
        if (s != null && s.tickerFrame <= asked) {
          s.ticker = t;
        }
      }
    }
  }

  /** Reads everything over REST: summaries, then each market's book and trades. */
  private void refreshAll() {
    refreshSummaries();
    for (String symbol : symbols()) {
      loadBook(symbol);
      loadTrades(symbol);
    }
  }

  /**
   * Reads the tickers, the mark prices and the open interest: they move only on events, so a stream that
   * was not subscribed yet when one came leaves them old until the next.
   */
  private void refreshSummaries() {
    long asked = framesApplied();
    applyTickers(readTickers(), asked);
    List<MarkPrice> marks = readMarks(null);
    marks.addAll(readMarks("marketType=SPOT"));
    applyMarks(marks, asked);
    Object interest = rest.get("/api/v1/openInterest", null);
    synchronized (lock) {
      for (Object row : UpstreamJson.array(interest, "/api/v1/openInterest")) {
        UpstreamJson o = UpstreamJson.object(row, "/api/v1/openInterest[]");
        SymbolState s = states.get(o.string("symbol"));
        if (s != null && s.interestFrame <= asked) {
          s.openInterest = PayloadReader.openInterest(o, false);
        }
      }
    }
  }

  private List<MarkPrice> readMarks(String query) {
    List<MarkPrice> marks = new ArrayList<>();
    for (Object row : UpstreamJson.array(rest.get("/api/v1/markPrices", query), "/api/v1/markPrices")) {
      marks.add(PayloadReader.markPrice(UpstreamJson.object(row, "/api/v1/markPrices[]")));
    }
    return marks;
  }

  private void applyMarks(List<MarkPrice> marks, long asked) {
    synchronized (lock) {
      for (MarkPrice m : marks) {
        SymbolState s = states.get(m.symbol());
        if (s != null && s.markFrame <= asked) {
          s.mark = m;
        }
      }
    }
  }

  private List<String> symbols() {
    synchronized (lock) {
      return List.copyOf(states.keySet());
    }
  }

  private void loadTrades(String symbol) {
    String q = "symbol=" + encode(symbol) + "&limit=" + settings.keepTrades();
    List<Trade> rows = new ArrayList<>();
    for (Object row : UpstreamJson.array(rest.get("/api/v1/trades", q), "/api/v1/trades")) {
      rows.add(PayloadReader.trade(UpstreamJson.object(row, "/api/v1/trades[]")));
    }
    synchronized (lock) {
      states.get(symbol).mergeTrades(rows);
    }
  }

  /**
   * Loads a book snapshot, then the deltas buffered while it was in flight (those it already holds
   * are skipped by the U/u rule). A gap among them leaves the book waiting for the next snapshot.
   */
  private void loadBook(String symbol) {
    UpstreamJson d = UpstreamJson.object(rest.get("/api/v1/depth", "symbol=" + encode(symbol) + "&limit=1000"),
        "/api/v1/depth");
    List<Level> asks = d.levels("asks");
    List<Level> bids = new ArrayList<>(d.levels("bids"));
    long updateId = d.longValue("lastUpdateId");
    synchronized (lock) {
      SymbolState s = states.get(symbol);
      // Bids come ascending on the wire (best last); the book sorts them itself.
      s.book.reset(asks, bids, updateId);
      s.bookHeardMillis = clock.millis();
      s.resyncQueued = false;
      boolean socket = streaming();
      while (!s.pending.isEmpty()) {
        PayloadReader.Delta delta = s.pending.peekFirst();
        if (s.book.apply(delta.first(), delta.last(), delta.asks(), delta.bids()) == Book.Result.GAP) {
          socket = false;
          break;
        }
        s.pending.removeFirst();
      }
      s.live = socket;
      if (!socket && streaming()) {
        queueResync(s, settings.pollInterval().toMillis());
      }
    }
  }

  /** Queues a REST snapshot of a book on the worker. Call under the lock. */
  private void queueResync(SymbolState s, long delayMillis) {
    if (s.resyncQueued || closed) {
      return;
    }
    s.resyncQueued = true;
    String symbol = s.spec.symbol();
    worker.schedule(() -> {
      try {
        loadBook(symbol);
      } catch (UpstreamException e) {
        LOG.debug("upstream book {} not loaded: {}", symbol, e.getMessage());
        synchronized (lock) {
          s.resyncQueued = false;
          queueResync(s, settings.pollInterval().toMillis());
        }
      }
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * While the socket is down (or never configured), REST keeps the mirror current. While it is up,
   * only spot mark prices are read (one request): the streams carry marks for perps only.
   */
  private void poll() {
    if (closed) {
      return;
    }
    try {
      if (streaming()) {
        long asked = framesApplied();
        applyMarks(readMarks("marketType=SPOT"), asked);
      } else {
        refreshAll();
      }
    } catch (UpstreamException e) {
      LOG.debug("upstream poll failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("upstream poll failed", e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // --- stream ----------------------------------------------------------------------------

  /** The stream's frames, applied under the lock. */
  private final class Frames implements StreamConnection.Handler {
    @Override
    public void opened() {
      synchronized (lock) {
        for (SymbolState s : states.values()) {
          s.live = false;
          s.pending.clear();
          s.deltaSinceOpen = false;
        }
      }
    }

    @Override
    public void subscribed() {
      // The streams flow from now on. Read once more what moves only on events, and the trades printed while
      // the socket was down or before the subscriptions stood (kept by id: a trade read twice is added once).
      // Without it a mark that moved in that window would stay old until the upstream next sends one, and a
      // trade printed in it, which may have reached a user's resting order, would never be seen.
      // Books load now, not at open: a snapshot from before the subscriptions could miss a change that no
      // delta will ever report. A book whose delta came already is subscribed, and that delta queued its load.
      synchronized (lock) {
        for (SymbolState s : states.values()) {
          if (!s.deltaSinceOpen) {
            s.live = false;
            s.resyncQueued = false;
            queueResync(s, 0);
          }
        }
      }
      worker.execute(() -> {
        try {
          refreshSummaries();
          for (String symbol : symbols()) {
            loadTrades(symbol);
          }
        } catch (UpstreamException e) {
          LOG.debug("upstream catch-up read failed: {}", e.getMessage());
        }
      });
    }

    @Override
    public void message(String stream, Object data) {
      int dot = stream.indexOf('.');
      if (dot < 0) {
        return;
      }
      String kind = stream.substring(0, dot);
      String symbol = stream.substring(dot + 1);
      UpstreamJson d = UpstreamJson.object(data, stream);
      synchronized (lock) {
        SymbolState s = states.get(symbol);
        if (s == null) {
          return;
        }
        switch (kind) {
          case "depth" -> depth(s, PayloadReader.delta(d));
          case "trade" -> s.addTrade(PayloadReader.tradeEvent(d));
          case "ticker" -> {
            s.ticker = PayloadReader.tickerEvent(d);
            s.tickerFrame = ++framesApplied;
          }
          case "markPrice" -> {
            s.mark = PayloadReader.markPriceEvent(d);
            s.markFrame = ++framesApplied;
          }
          case "openInterest" -> {
            s.openInterest = PayloadReader.openInterest(d, true);
            s.interestFrame = ++framesApplied;
          }
          default -> {
            // bookTicker: the book's own top says the same; the frame only shows the stream is alive.
          }
        }
      }
      BiConsumer<String, String> listener = frames;
      if (listener != null) {
        listener.accept(stream, Json.write(data));
      }
    }

    private void depth(SymbolState s, PayloadReader.Delta delta) {
      if (!s.deltaSinceOpen) {
        // The market's depth stream is subscribed: its next load (queued below) is current.
        s.deltaSinceOpen = true;
        s.live = false;
        s.resyncQueued = false;
      }
      if (!s.live) {
        s.buffer(delta);
        queueResync(s, 0);
        return;
      }
      if (s.book.apply(delta.first(), delta.last(), delta.asks(), delta.bids()) == Book.Result.GAP) {
        LOG.info("upstream depth {}: gap after update {} (next delta starts at {}); reloading",
            s.spec.symbol(), s.book.lastUpdateId(), delta.first());
        s.live = false;
        s.buffer(delta);
        queueResync(s, 0);
        return;
      }
      s.bookHeardMillis = clock.millis();
    }

    @Override
    public void pong() {
      synchronized (lock) {
        long now = clock.millis();
        for (SymbolState s : states.values()) {
          if (s.live) {
            s.bookHeardMillis = now;
          }
        }
      }
    }

    @Override
    public void closed(String reason) {
      synchronized (lock) {
        for (SymbolState s : states.values()) {
          s.live = false;
          s.pending.clear();
        }
      }
    }
  }
}
