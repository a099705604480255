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
  /** Whether a REST snapshot of the book is queued or in flight. */
  boolean resyncQueued;
  Ticker ticker;
  MarkPrice mark;
  BigDecimal openInterest;
  /** Newest first, at most {@code keep}. */
  private final ArrayDeque<Trade> trades = new ArrayDeque<>();
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

  /** Adds a trade the stream reported; trade ids rise per market (AsyncAPI), so an older one is a repeat. */
  void addTrade(Trade t) {
    if (!trades.isEmpty() && t.id() <= trades.peekFirst().id()) {
      return;
    }
    trades.addFirst(t);
    while (trades.size() > keep) {
      trades.removeLast();
    }
  }

  /** Replaces the trades by a REST answer, in whatever order it lists them. */
  void replaceTrades(List<Trade> rows) {
    List<Trade> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(Trade::id).reversed());
    trades.clear();
    for (Trade t : sorted) {
      if (trades.size() == keep) {
        break;
      }
      trades.addLast(t);
    }
  }

  List<Trade> trades(int limit) {
    return trades.stream().limit(limit).toList();
  }
}
