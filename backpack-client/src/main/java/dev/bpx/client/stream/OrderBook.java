package dev.bpx.client.stream;

import dev.bpx.client.model.PriceLevel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A view of the locally maintained order book of one market ({@link StreamService#orderBook}). Unlike
 * REST's {@code Depth}, <b>bids are best first</b> (descending) and asks best first (ascending). Check
 * {@link #state()} before trusting it: only {@link BookState#LIVE} is current and uncrossed.
 * Thread-safe (immutable).
 *
 * @param symbol market
 * @param bids bids, highest first
 * @param asks asks, lowest first
 * @param lastUpdateId id of the last depth update applied (the snapshot's id before any)
 * @param state whether the book is current
 * @param engineTime matching-engine time of the last update applied, or null before any
 */
public record OrderBook(String symbol, List<PriceLevel> bids, List<PriceLevel> asks, long lastUpdateId,
    BookState state, Instant engineTime) {
  /** Copies both sides. */
  public OrderBook {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }

  /** {@return the highest bid, or empty} */
  public Optional<PriceLevel> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  /** {@return the lowest ask, or empty} */
  public Optional<PriceLevel> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }

  /** {@return whether the book is synchronized with the stream: snapshot plus contiguous deltas, uncrossed} */
  public boolean isLive() {
    return state == BookState.LIVE;
  }

  /** Whether a maintained book can be trusted. */
  public enum BookState {
    /** Snapshot plus every delta since, contiguous and uncrossed. */
    LIVE,
    /**
     * Being rebuilt from a REST snapshot (at start, after a gap, an overflow, a crossed book or a
     * reconnect); the levels shown are the last known and may be outdated.
     */
    RESYNCING,
    /** The connection is down; the levels are the last known. */
    DISCONNECTED
  }
}
