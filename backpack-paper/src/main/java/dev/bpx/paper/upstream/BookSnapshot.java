package dev.bpx.paper.upstream;

import java.util.List;

/**
 * An upstream order book as the mirror held it at one moment. Immutable.
 *
 * @param asks best (lowest) first
 * @param bids best (highest) first
 * @param lastUpdateId the upstream's update id the book is at ({@code lastUpdateId} / {@code u})
 * @param receivedMillis when the mirror last heard that this book was current (see
 *     {@link UpstreamMirror#dataAgeMillis})
 */
public record BookSnapshot(String symbol, List<Level> asks, List<Level> bids, long lastUpdateId,
                           long receivedMillis) {
  public BookSnapshot {
    asks = List.copyOf(asks);
    bids = List.copyOf(bids);
  }

  /** {@return the best bid, or null on an empty side} */
  public Level bestBid() {
    return bids.isEmpty() ? null : bids.get(0);
  }

  /** {@return the best ask, or null on an empty side} */
  public Level bestAsk() {
    return asks.isEmpty() ? null : asks.get(0);
  }
}
