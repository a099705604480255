package dev.bpx.client.stream;

/**
 * One listener's subscription to one stream. Closing it stops delivery to that listener and, when no
 * other listener uses the stream, sends {@code UNSUBSCRIBE}. Thread-safe.
 */
public interface Subscription extends AutoCloseable {
  /** {@return the stream name, e.g. {@code depth.SOL_USDC} or {@code account.orderUpdate}} */
  String stream();

  /** Unsubscribes; idempotent. */
  @Override
  void close();
}
