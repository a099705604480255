package dev.bpx.paper.upstream;

import dev.bpx.auth.json.Json;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream's frames applied to the mirror's state under its lock: books by the U/u rule (a snapshot queued on a
 * gap or when the book is not live yet), trades, tickers, marks and open interest; what a (re)connect, the
 * subscriptions standing, a pong and a close mean for the books. Called by {@link StreamConnection}.
 */
final class StreamFrames implements StreamConnection.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(StreamFrames.class);

  private final MirrorState state;
  private final RestReads reads;
  private final Clock clock;
  private final ScheduledExecutorService worker;
  private volatile BiConsumer<String, String> listener;

  StreamFrames(MirrorState state, RestReads reads, Clock clock, ScheduledExecutorService worker) {
    this.state = state;
    this.reads = reads;
    this.clock = clock;
    this.worker = worker;
  }

  /** Hands every frame taken to {@code listener} too, after applying it (see {@link UpstreamMirror#onFrame}). */
  void listener(BiConsumer<String, String> listener) {
    this.listener = listener;
  }

  @Override
  public void opened() {
    synchronized (state.lock) {
      for (SymbolState s : state.states.values()) {
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
    synchronized (state.lock) {
      for (SymbolState s : state.states.values()) {
        if (!s.deltaSinceOpen) {
          s.live = false;
          s.resyncQueued = false;
          reads.queueResync(s, 0);
        }
      }
    }
    worker.execute(() -> {
      try {
        reads.catchUp();
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
    synchronized (state.lock) {
      SymbolState s = state.states.get(symbol);
      if (s == null) {
        return;
      }
      switch (kind) {
        case "depth" -> depth(s, PayloadReader.delta(d));
        case "trade" -> s.addTrade(PayloadReader.tradeEvent(d));
        case "ticker" -> {
          s.ticker = PayloadReader.tickerEvent(d);
          s.tickerFrame = ++state.framesApplied;
        }
        case "markPrice" -> {
          s.mark = PayloadReader.markPriceEvent(d);
          s.markFrame = ++state.framesApplied;
        }
        case "openInterest" -> {
          s.openInterest = PayloadReader.openInterest(d, true);
          s.interestFrame = ++state.framesApplied;
        }
        default -> {
          // bookTicker: the book's own top says the same; the frame only shows the stream is alive.
        }
      }
    }
    BiConsumer<String, String> l = listener;
    if (l != null) {
      l.accept(stream, Json.write(data));
    }
  }

  private void depth(SymbolState s, PayloadReader.Delta delta) {
    // The market's depth stream is subscribed: no need for a load once the subscriptions stand.
    s.deltaSinceOpen = true;
    if (!s.live && s.pending.isEmpty() && s.book.loaded()
        && s.book.apply(delta.first(), delta.last(), delta.asks(), delta.bids()) != Book.Result.GAP) {
      // The book held (from a snapshot, or from before a reconnect) continues with this delta by the U/u rule:
      // nothing was missed, so it follows the socket from here without a reload that would only lag it.
      s.live = true;
      s.bookHeardMillis = clock.millis();
      return;
    }
    if (!s.live) {
      s.buffer(delta);
      reads.queueResync(s, 0);
      return;
    }
    if (s.book.apply(delta.first(), delta.last(), delta.asks(), delta.bids()) == Book.Result.GAP) {
      LOG.info("upstream depth {}: gap after update {} (next delta starts at {}); reloading",
          s.spec.symbol(), s.book.lastUpdateId(), delta.first());
      s.live = false;
      s.buffer(delta);
      reads.queueResync(s, 0);
      return;
    }
    s.bookHeardMillis = clock.millis();
  }

  @Override
  public void pong() {
    synchronized (state.lock) {
      long now = clock.millis();
      for (SymbolState s : state.states.values()) {
        if (s.live) {
          s.bookHeardMillis = now;
        }
      }
    }
  }

  @Override
  public void closed(String reason) {
    synchronized (state.lock) {
      for (SymbolState s : state.states.values()) {
        s.live = false;
        s.pending.clear();
      }
    }
  }
}
