package dev.bpx.paper.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirror's REST reads and what they change: everything at open and on each poll while the socket is down,
 * the summaries and trades again once the subscriptions stand, and a book's snapshot whenever its deltas cannot
 * be applied. A REST answer never replaces a stream frame that came after it was asked for
 * ({@link SymbolState#markFrame}). Runs on the mirror's worker thread (and, at open, the opener's).
 */
final class RestReads {
  private static final Logger LOG = LoggerFactory.getLogger(RestReads.class);
  /** Without a socket, every market's book and trades are read over REST once in this long. */
  static final long POLL_CYCLE_MILLIS = 30_000;
  /** REST reads of the markets in flight at once, at open and after a connect. */
  static final int PARALLEL_READS = 8;

  private final MirrorState state;
  private final UpstreamRest rest;
  private final UpstreamSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService worker;
  private final BooleanSupplier streaming;
  private volatile boolean closed;
  /** Where the next poll without a socket starts reading books and trades (the worker's thread only). */
  private int pollCursor;

  /**
   * @param worker the mirror's one thread, where book snapshots are queued
   * @param streaming whether the stream socket is open now
   */
  RestReads(MirrorState state, UpstreamRest rest, UpstreamSettings settings, Clock clock,
            ScheduledExecutorService worker, BooleanSupplier streaming) {
    this.state = state;
    this.rest = rest;
    this.settings = settings;
    this.clock = clock;
    this.worker = worker;
    this.streaming = streaming;
  }

  /** Queues nothing more. */
  void close() {
    closed = true;
  }

  /**
   * Reads once more what the streams may have missed before they stood: the summaries and each market's recent
   * trades (kept by id: a trade read twice is added once).
   */
  void catchUp() {
    refreshSummaries();
    forEachMarket(this::loadTrades);
  }

  List<Ticker> readTickers() {
    List<Ticker> out = new ArrayList<>();
    for (Object row : UpstreamJson.array(rest.get("/api/v1/tickers", null), "/api/v1/tickers")) {
      out.add(PayloadReader.ticker(UpstreamJson.object(row, "/api/v1/tickers[]")));
    }
    return out;
  }

  /** Applies tickers read after {@code asked} frames, except where a frame since then is newer. */
  void applyTickers(List<Ticker> tickers, long asked) {
    synchronized (state.lock) {
      for (Ticker t : tickers) {
        SymbolState s = state.states.get(t.symbol());
        if (s != null && s.tickerFrame <= asked) {
          s.ticker = t;
        }
      }
    }
  }

  /** Reads everything over REST: summaries, then each market's book and trades. */
  void refreshAll() {
    refreshSummaries();
    forEachMarket(symbol -> {
      loadBook(symbol);
      loadTrades(symbol);
    });
  }

  /**
   * Runs {@code read} for every market, {@value #PARALLEL_READS} at a time, and returns when all are done: one
   * after the other, the 250-odd reads of Backpack's markets would hold the first answer for seconds.
   *
   * @throws UpstreamException the first read's failure, once all have ended
   */
  private void forEachMarket(Consumer<String> read) {
    List<String> symbols = state.symbols();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_READS, symbols.size())), r -> {
      Thread t = new Thread(r, "upstream-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (String symbol : symbols) {
        reads.add(pool.submit(() -> read.accept(symbol)));
      }
      RuntimeException first = null;
      for (Future<?> f : reads) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException r ? r : new UpstreamException(e.getCause().toString(), e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("interrupted while reading the upstream's markets", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads the tickers, the mark prices and the open interest: they move only on events, so a stream that
   * was not subscribed yet when one came leaves them old until the next.
   */
  void refreshSummaries() {
    long asked = state.frameCount();
    applyTickers(readTickers(), asked);
    List<MarkPrice> marks = readMarks(null);
    marks.addAll(readMarks("marketType=SPOT"));
    applyMarks(marks, asked);
    Object interest = rest.get("/api/v1/openInterest", null);
    synchronized (state.lock) {
      for (Object row : UpstreamJson.array(interest, "/api/v1/openInterest")) {
        UpstreamJson o = UpstreamJson.object(row, "/api/v1/openInterest[]");
        SymbolState s = state.states.get(o.string("symbol"));
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
    synchronized (state.lock) {
      for (MarkPrice m : marks) {
        SymbolState s = state.states.get(m.symbol());
        if (s != null && s.markFrame <= asked) {
          s.mark = m;
        }
      }
    }
  }

  void loadTrades(String symbol) {
    String q = "symbol=" + encode(symbol) + "&limit=" + settings.keepTrades();
    List<Trade> rows = new ArrayList<>();
    for (Object row : UpstreamJson.array(rest.get("/api/v1/trades", q), "/api/v1/trades")) {
      rows.add(PayloadReader.trade(UpstreamJson.object(row, "/api/v1/trades[]")));
    }
    synchronized (state.lock) {
      state.states.get(symbol).mergeTrades(rows);
    }
  }

  /**
   * Loads a book snapshot, then the deltas buffered while it was in flight (those it already holds
   * are skipped by the U/u rule). A gap among them leaves the book waiting for the next snapshot.
   */
  void loadBook(String symbol) {
    UpstreamJson d = UpstreamJson.object(rest.get("/api/v1/depth", "symbol=" + encode(symbol) + "&limit=1000"),
        "/api/v1/depth");
    List<Level> asks = d.levels("asks");
    List<Level> bids = new ArrayList<>(d.levels("bids"));
    long updateId = d.longValue("lastUpdateId");
    synchronized (state.lock) {
      SymbolState s = state.states.get(symbol);
      if (s.live && s.book.lastUpdateId() >= updateId) {
        // The socket brought the book past this answer while it was in flight (a REST behind a cache lags
        // the stream): the book is current, the older snapshot would only take it back.
        s.resyncQueued = false;
        s.bookHeardMillis = clock.millis();
        return;
      }
      // Bids come ascending on the wire (best last); the book sorts them itself.
      s.book.reset(asks, bids, updateId);
      s.bookHeardMillis = clock.millis();
      s.resyncQueued = false;
      boolean socket = streaming.getAsBoolean();
      while (!s.pending.isEmpty()) {
        PayloadReader.Delta delta = s.pending.peekFirst();
        if (s.book.apply(delta.first(), delta.last(), delta.asks(), delta.bids()) == Book.Result.GAP) {
          socket = false;
          break;
        }
        s.pending.removeFirst();
      }
      s.live = socket;
      if (!socket && streaming.getAsBoolean()) {
        queueResync(s, settings.pollInterval().toMillis());
      }
    }
  }

  /** Queues a REST snapshot of a book on the worker. Call under the state's lock. */
  void queueResync(SymbolState s, long delayMillis) {
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
        synchronized (state.lock) {
          s.resyncQueued = false;
          queueResync(s, settings.pollInterval().toMillis());
        }
      }
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * While the socket is down (or never configured), REST keeps the mirror current: the summaries on every poll, and
   * the books and trades of so many markets per poll that each is read once per {@link #POLL_CYCLE_MILLIS} (all
   * of them every poll would be some 250 requests every 2 s on Backpack's 100-odd markets, beyond its rate limit
   * of 2,000 a minute; the market an order is about is read at once, see {@link UpstreamMirror#refreshBook}).
   * While the socket is up, only spot mark prices are read (one request): the streams carry marks for perps only.
   */
  void poll() {
    if (closed) {
      return;
    }
    try {
      if (streaming.getAsBoolean()) {
        long asked = state.frameCount();
        applyMarks(readMarks("marketType=SPOT"), asked);
      } else {
        refreshSummaries();
        List<String> symbols = state.symbols();
        for (int i = 0, n = marketsPerPoll(symbols.size()); i < n; i++) {
          String symbol = symbols.get(Math.floorMod(pollCursor++, symbols.size()));
          loadBook(symbol);
          loadTrades(symbol);
        }
      }
    } catch (UpstreamException e) {
      LOG.debug("upstream poll failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("upstream poll failed", e);
    }
  }

  /** {@return how many markets' books and trades one poll reads: all of them once per cycle} */
  int marketsPerPoll(int markets) {
    long polls = Math.max(1, POLL_CYCLE_MILLIS / settings.pollInterval().toMillis());
    return (int) Math.min(markets, (markets + polls - 1) / polls);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
