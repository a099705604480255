package dev.bpx.client.stream;

/**
 * What happened to a subscription besides its events. Sealed because we own it (unlike the exchange's
 * event kinds): a {@code switch} over it can be exhaustive. Thread-safe (immutable records).
 */
public sealed interface StreamStatus {

  /** The WebSocket is open and this subscription's {@code SUBSCRIBE} frame was sent. */
  record Connected() implements StreamStatus {}

  /**
   * The connection was lost (closed by the server, network failure, or replaced because it went stale);
   * the service reconnects by itself with backoff. Events sent meanwhile are lost.
   *
   * @param reason a short description, never containing keys or signatures
   */
  record Disconnected(String reason) implements StreamStatus {}

  /**
   * After a reconnect, the subscription was sent again (private ones signed with a fresh timestamp).
   * Events between {@link Disconnected} and this status were missed: re-read state over REST when it
   * matters (open orders, positions).
   */
  record Resubscribed() implements StreamStatus {}

  /**
   * Events were discarded under the channel's {@link DeliveryPolicy#DROP_OLDEST} policy because the
   * listener fell behind.
   *
   * @param count how many events were dropped since the last report
   */
  record Dropped(long count) implements StreamStatus {}

  /**
   * The stream's state must be rebuilt: the order book resyncs from a REST snapshot, and an order-update
   * listener should re-read open orders over REST.
   *
   * @param cause why
   * @param detail a short description (update ids, number of events lost)
   */
  record Resync(ResyncCause cause, String detail) implements StreamStatus {}

  /**
   * The server answered a frame with an error (for example a rejected signature on a private
   * subscription); other subscriptions keep working.
   *
   * @param message the server's message
   */
  record ServerError(String message) implements StreamStatus {}

  /** Why a {@link Resync} happened. */
  enum ResyncCause {
    /** Depth update ids were not contiguous ({@code U != previous u + 1}). */
    GAP,
    /** The listener fell behind and its bounded queue overflowed; events after the overflow were lost. */
    OVERFLOW,
    /** The book came out crossed (best bid at or above best ask). */
    CROSSED,
    /** The connection was replaced, so events may have been missed. */
    RECONNECT,
    /** The REST snapshot could not be read; the book retries. */
    SNAPSHOT_FAILED
  }
}
