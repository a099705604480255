package dev.bpx.client.stream;

/**
 * What a subscription's bounded delivery queue does when its listener falls behind. Each {@link
 * StreamChannel} has one, chosen by what its events mean. Thread-safe (enum).
 */
public enum DeliveryPolicy {
  /**
   * Keep only the newest undelivered event: each event replaces the last state (book ticker, ticker,
   * mark price, open interest, the maintained order book), so older ones have no value once a newer
   * one arrived.
   */
  CONFLATE,
  /**
   * Keep up to the queue capacity, discarding the oldest (public trades, klines, liquidations); the
   * listener gets {@link StreamStatus.Dropped} with the count.
   */
  DROP_OLDEST,
  /**
   * Never discard silently (order, position and RFQ updates; raw depth deltas): every queued event is
   * delivered in order; if the queue is full, later events are lost and, once the queued ones are
   * delivered, the listener gets {@link StreamStatus.Resync} with cause {@code OVERFLOW} and must re-read
   * state over REST.
   */
  RESYNC_ON_OVERFLOW
}
