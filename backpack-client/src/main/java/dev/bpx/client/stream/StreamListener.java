package dev.bpx.client.stream;

/**
 * Receives one subscription's events and the connection's status changes.
 *
 * <p>Callbacks run on a delivery thread of the stream service, never on the socket's reader thread, and
 * never two at a time for one subscription: events arrive in wire order, except where the channel's
 * {@link DeliveryPolicy} conflates or drops (and then a {@link StreamStatus} says so). A slow listener
 * only fills its own queue. An exception thrown by a callback is logged and the next event is delivered.
 *
 * <p>Implementations need not be thread-safe for one subscription; a listener shared by several
 * subscriptions is called from several threads.
 *
 * @param <E> the event type of the channel
 */
@FunctionalInterface
public interface StreamListener<E> {
  /** Called for each event, in order. */
  void onEvent(E event);

  /**
   * Called when the connection or the subscription changes state: connected, disconnected, resubscribed
   * after a reconnect, events dropped or a resync needed. The default ignores it.
   */
  default void onStatus(StreamStatus status) {}
}
