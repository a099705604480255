package dev.bpx.client.stream;

import dev.bpx.client.model.PriceLevel;
import java.time.Instant;
import java.util.List;

/**
 * An incremental depth update from {@code depth.<symbol>} or an aggregated {@code
 * depth.<200ms|600ms|1000ms>.<symbol>}. Quantities are absolute; quantity {@code 0} removes the level.
 * Updates are sequential: {@code firstUpdateId} must equal the previous {@code lastUpdateId + 1}. For a
 * maintained book use {@link StreamService#orderBook}. Thread-safe (immutable).
 *
 * @param symbol market ({@code s})
 * @param asks ask changes, {@code [price, quantity]} ({@code a}); never null
 * @param bids bid changes ({@code b}); never null
 * @param firstUpdateId first update id in the event ({@code U})
 * @param lastUpdateId last update id in the event ({@code u})
 * @param eventTime event time ({@code E}, microseconds)
 * @param engineTime matching-engine time ({@code T}, microseconds)
 */
public record DepthEvent(String symbol, List<PriceLevel> asks, List<PriceLevel> bids, long firstUpdateId,
    long lastUpdateId, Instant eventTime, Instant engineTime) {
  /** Copies both lists; a missing side becomes empty. */
  public DepthEvent {
    asks = asks == null ? List.of() : List.copyOf(asks);
    bids = bids == null ? List.of() : List.copyOf(bids);
  }
}
