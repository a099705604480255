package dev.bpx.paper.upstream;

import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the mirror holds of one market. Not thread-safe: the mirror's lock guards every field.
 */
final class SymbolState {
  /** Deltas kept while the book waits for a snapshot; more means a snapshot is long overdue. */
  static final int MAX_PENDING = 10_000;
  private static final Comparator<Trade> TIME_ORDER =
      Comparator.comparingLong(Trade::timeMillis).thenComparingLong(Trade::id);

  final MarketSpec spec;
  final Book book = new Book();
  /** Whether the socket's deltas apply to {@link #book} now (false: buffered in {@link #pending}). */
  boolean live;
  final ArrayDeque<PayloadReader.Delta> pending = new ArrayDeque<>();
  /** Whether a depth delta arrived on the current socket: its book's stream is subscribed. */
  boolean deltaSinceOpen;
  /** Whether a REST snapshot of the book is queued or in flight. */
  boolean resyncQueued;
  Ticker ticker;
  MarkPrice mark;
  BigDecimal openInterest;
  /**
   * The mirror's frame count when a stream frame last set {@link #ticker}, {@link #mark}, {@link #openInterest}:
   * a REST answer asked for before then is older than the frame and must not replace it.
   */
  long tickerFrame;
  long markFrame;
  long interestFrame;
  /**
   * The trades kept, at most {@code keep}, oldest first by time then id: not by arrival, since the stream and the
   * REST catch-up reads interleave and a read taken before a stream trade may be applied after it.
   */
  private final TreeSet<Trade> trades = new TreeSet<>(TIME_ORDER);
  private final Set<Long> tradeIds = new HashSet<>();
  /** The last {@code keep} trades taken, in the order they were taken: what {@link #tradesAfter} reads. */
  private final ArrayDeque<Trade> arrivals = new ArrayDeque<>();
  /** Trades ever taken: a cursor for readers of what is new. */
  long tradesAdded;
  private final int keep;
  /** When the book was last confirmed current (epoch ms), -1 never. */
  long bookHeardMillis = -1;

  SymbolState(MarketSpec spec, int keep) {
    this.spec = spec;
    this.keep = keep;
  }

  void buffer(PayloadReader.Delta d) {
    if (pending.size() == MAX_PENDING) {
      pending.clear();
    }
    pending.add(d);
  }

  /**
   * Takes a trade the upstream reported, unless it is here already (by id) or is older than every trade kept while
   * the window is full. Ids are not assumed to rise: the spec says they are sequential per symbol, but an upstream
   * may number trades from several sources.
   *
   * <p>The second rule is what keeps a catch-up read honest: its answer holds the {@code keep} latest trades as
   * they were when it was asked, so once a stream trade has pushed the oldest out, that answer's oldest row is
   * one let go, not news. Taken again it would push out a newer trade (in turn, the whole answer) and reach the
   * users' resting orders as a fresh print at an old price.
   */
  void addTrade(Trade t) {
    if (tradeIds.contains(t.id())
        || trades.size() >= keep && TIME_ORDER.compare(t, trades.first()) < 0) {
      return;
    }
    trades.add(t);
    tradeIds.add(t.id());
    if (trades.size() > keep) {
      tradeIds.remove(trades.pollFirst().id());
    }
    arrivals.addLast(t);
    if (arrivals.size() > keep) {
      arrivals.pollFirst();
    }
    tradesAdded++;
  }

  /** Takes the trades of a REST answer that are not here yet, oldest first (by time, then id). */
  void mergeTrades(List<Trade> rows) {
    List<Trade> sorted = new ArrayList<>(rows);
    sorted.sort(TIME_ORDER);
    for (Trade t : sorted) {
      addTrade(t);
    }
  }

  /**
   * {@return the trades taken after the first {@code count} ever taken (as many as are kept), oldest first by time}
   * A trade the stream missed and a catch-up read brought is among them, although newer ones came before it.
   */
  List<Trade> tradesAfter(long count) {
    long fresh = Math.max(0, Math.min(tradesAdded - count, arrivals.size()));
    List<Trade> out = new ArrayList<>();
    Iterator<Trade> newestFirst = arrivals.descendingIterator();
    for (long i = 0; i < fresh; i++) {
      out.add(newestFirst.next());
    }
    out.sort(TIME_ORDER);
    return out;
  }

  /** {@return up to {@code limit} of the trades kept, newest first by time} */
  List<Trade> trades(int limit) {
    return trades.descendingSet().stream().limit(limit).toList();
  }
}
