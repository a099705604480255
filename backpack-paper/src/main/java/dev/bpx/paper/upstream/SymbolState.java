package dev.bpx.paper.upstream;

import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the mirror holds of one market. Not thread-safe: the mirror's lock guards every field.
 */
final class SymbolState {
  /** Deltas kept while the book waits for a snapshot; more means a snapshot is long overdue. */
  static final int MAX_PENDING = 10_000;

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
  /** Newest first (by arrival), at most {@code keep}. */
  private final ArrayDeque<Trade> trades = new ArrayDeque<>();
  private final java.util.Set<Long> tradeIds = new java.util.HashSet<>();
  /** Trades ever added: a cursor for readers of what is new. */
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
   * Adds a trade the upstream reported, unless it is already here (by id). Ids are not assumed to rise:
   * the spec says they are sequential per symbol, but an upstream may number trades from several sources.
   */
  void addTrade(Trade t) {
    if (!tradeIds.add(t.id())) {
      return;
    }
    trades.addFirst(t);
    tradesAdded++;
    while (trades.size() > keep) {
      tradeIds.remove(trades.removeLast().id());
    }
  }

  /** Adds the trades of a REST answer that are not here yet, oldest first (by time, then id). */
  void mergeTrades(List<Trade> rows) {
    List<Trade> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(Trade::timeMillis).thenComparingLong(Trade::id));
    for (Trade t : sorted) {
      addTrade(t);
    }
  }

  /** {@return the trades added after the first {@code count} ever added, oldest first (as many as are kept)} */
  List<Trade> tradesAfter(long count) {
    long fresh = Math.min(tradesAdded - count, trades.size());
    List<Trade> out = new ArrayList<>(trades.stream().limit(Math.max(0, fresh)).toList());
    java.util.Collections.reverse(out);
    return out;
  }

  List<Trade> trades(int limit) {
    return trades.stream().limit(limit).toList();
  }
}
