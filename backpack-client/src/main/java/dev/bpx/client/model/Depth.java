package dev.bpx.client.model;

import dev.bpx.client.internal.json.EpochMicros;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order-book snapshot from {@code GET /api/v1/depth}. See {@code backpack-api.md} section 2.1
 * and gotchas 5-6 in section 9.
 *
 * <p>Both sides are kept in wire order, which is <b>ascending by price on both sides</b>: {@code
 * asks} start with the best ask, but {@code bids} <em>end</em> with the best bid. Use {@link
 * #bestBid()} and {@link #bestAsk()} rather than indexing. Thread-safe.
 *
 * @param asks asks, ascending (best first); never null
 * @param bids bids, ascending (best <b>last</b>); never null
 * @param lastUpdateId id of the update that last changed the book (a string holding an int64)
 * @param timestamp matching-engine time (wire: <b>microseconds</b> since the epoch)
 */
public record Depth(
    List<PriceLevel> asks,
    List<PriceLevel> bids,
    String lastUpdateId,
    @EpochMicros Instant timestamp) {

  /** Copies both sides; a missing side becomes an empty list. */
  public Depth {
    asks = ModelLists.copyOf(asks);
    bids = ModelLists.copyOf(bids);
  }

  /**
   * Returns the highest bid, which is the <b>last</b> element of {@link #bids()} because Backpack
   * sends bids in ascending order.
   *
   * @return the best bid, or empty when there are no bids
   */
  public Optional<PriceLevel> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(bids.size() - 1));
  }

  /**
   * Returns the lowest ask, the first element of {@link #asks()}.
   *
   * @return the best ask, or empty when there are no asks
   */
  public Optional<PriceLevel> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }
}
