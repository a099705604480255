package dev.bpx.paper.ws;

/**
 * Where the engine sends stream events. The WebSocket front implements it and fans each event out to
 * the connections subscribed at that moment; with nobody subscribed a call costs a map lookup.
 *
 * <p>Frames of one stream leave in the order of the calls, so call from one thread (the engine's
 * writer) to keep engine order. {@code dataJson} is one JSON object, the event payload exactly as the
 * AsyncAPI spec documents it; it is copied into the frame's {@code data} member as is, not re-parsed.
 * Neither method blocks on a slow connection: that connection is closed instead (see {@link WsFront}).
 */
public interface StreamPublisher {

  /**
   * Sends a public event, such as {@code depth.SOL_USDC} or {@code trade.SOL_USDC_PERP}, to every
   * connection subscribed to that exact stream name.
   */
  void publish(String stream, String dataJson);

  /**
   * {@return whether anyone is subscribed to this public stream now} Lets the caller skip writing a
   * payload nobody reads (fourteen kline intervals per market, say). The default says yes.
   */
  default boolean hasSubscribers(String stream) {
    return true;
  }

  /**
   * Sends an account event to the connections that subscribed for that account (the verifying key of
   * their subscription's signature).
   *
   * @param accountKey the account's base64 verifying key, as REST's {@code X-API-Key}
   * @param stream the per-symbol name, such as {@code account.orderUpdate.SOL_USDC}; subscribers of the
   *     all-symbols stream ({@code account.orderUpdate}) get it too, under their own stream name
   */
  void publishPrivate(String accountKey, String stream, String dataJson);
}
