package dev.bpx.client.stream;

/**
 * A locally maintained order book ({@link StreamService#orderBook}). Thread-safe.
 */
public interface OrderBookSubscription extends Subscription {
  /**
   * {@return the current book} Check {@link OrderBook#state()}: before the first sync, during a resync
   * and while disconnected it is not {@link OrderBook.BookState#LIVE}.
   */
  OrderBook book();
}
