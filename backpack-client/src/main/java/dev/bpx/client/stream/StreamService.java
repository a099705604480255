package dev.bpx.client.stream;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SigningKey;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.stream.BookHandle;
import dev.bpx.client.internal.stream.ConnectionSettings;
import dev.bpx.client.internal.stream.StreamConnection;
import dev.bpx.client.internal.stream.SubscribeSigner;
import dev.bpx.client.model.Depth;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;

/**
 * Backpack's WebSocket streams: one connection carrying every subscription, reconnecting and
 * resubscribing by itself. Get it from {@code client.streams()}.
 *
 * <pre>{@code
 * StreamService streams = client.streams();
 * Subscription trades = streams.subscribe(StreamChannel.trade("SOL_USDC"), trade -> System.out.println(trade.price()));
 * OrderBookSubscription book = streams.orderBook("SOL_USDC", view -> { if (view.isLive()) draw(view); });
 * streams.subscribe(StreamChannel.orderUpdates(), new StreamListener<>() {
 *   public void onEvent(OrderUpdateEvent e) { if (e instanceof OrderUpdateEvent.Filled f) record(f.fill()); }
 *   public void onStatus(StreamStatus s) { if (s instanceof StreamStatus.Resubscribed) reloadOpenOrders(); }
 * });
 * }</pre>
 *
 * <p>Nothing connects and no thread starts until the first subscription. {@link #close()} (also called by
 * {@code BackpackClient.close()}) closes the socket and ends every thread it started. Thread-safe.
 */
public final class StreamService implements AutoCloseable {
  private final StreamConnection connection;
  private final Function<String, Depth> depthSnapshots;
  private final StreamSettings settings;

  private StreamService(StreamConnection connection, Function<String, Depth> depthSnapshots, StreamSettings settings) {
    this.connection = connection;
    this.depthSnapshots = depthSnapshots;
    this.settings = settings;
  }

  /**
   * Creates a stream service; {@code BackpackClient} does this for you ({@code client.streams()}).
   *
   * @param http the OkHttp client to share (its pool and dispatcher); WebSocket timeouts are set on a view
   * @param signingKey signs private subscriptions, or null for public streams only
   * @param windowMillis the signing window, 1..60000 ms
   * @param nowMillis the time to sign with, in ms (the REST client's clock-corrected time)
   * @param depthSnapshots reads a REST depth snapshot, for {@link #orderBook}
   */
  public static StreamService create(OkHttpClient http, StreamSettings settings, SigningKey signingKey,
      long windowMillis, LongSupplier nowMillis, Function<String, Depth> depthSnapshots) {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(settings, "settings");
    SubscribeSigner signer = signingKey == null ? null
        : new SubscribeSigner(new RequestSigner(signingKey), windowMillis, Objects.requireNonNull(nowMillis));
    ConnectionSettings resolved = new ConnectionSettings(settings.url(), settings.staleAfter(), settings.pingInterval(),
        settings.queueCapacity(), settings.reconnectInitialDelay(), settings.reconnectMaxDelay(),
        settings.closeTimeout());
    return new StreamService(new StreamConnection(http, resolved, signer), depthSnapshots, settings);
  }

  /**
   * Subscribes {@code listener} to {@code channel}; connects first if needed. Several listeners may
   * subscribe to one stream: it is subscribed on the wire once.
   *
   * @return the subscription; close it to unsubscribe
   * @throws ValidationException for a private ({@code account.}) channel on a client without keys
   * @throws IllegalStateException after {@link #close()}
   */
  public <E> Subscription subscribe(StreamChannel<E> channel, StreamListener<? super E> listener) {
    return connection.subscribe(Objects.requireNonNull(channel, "channel").spec(),
        Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Maintains {@code symbol}'s order book locally: a REST depth snapshot plus {@code depth.<symbol>}
   * deltas, resynced from REST after a gap, an overflow, a crossed book or a reconnect. The listener gets
   * conflated {@link OrderBook} views (only the newest if it falls behind) and a {@link StreamStatus.Resync}
   * for each resync; {@link OrderBookSubscription#book()} reads the current view at any time.
   *
   * @throws ValidationException if the symbol is malformed
   */
  public OrderBookSubscription orderBook(String symbol, StreamListener<OrderBook> listener) {
    return BookHandle.start(connection, StreamChannel.symbol(symbol), depthSnapshots,
        Objects.requireNonNull(listener, "listener"));
  }

  /** Maintains {@code symbol}'s book without a listener: read it with {@link OrderBookSubscription#book()}. */
  public OrderBookSubscription orderBook(String symbol) {
    return orderBook(symbol, view -> {});
  }

  /** {@return whether the WebSocket is open now} */
  public boolean isConnected() {
    return connection.isOpen();
  }

  /** {@return the settings in use} */
  public StreamSettings settings() {
    return settings;
  }

  /** Closes the connection and ends every thread the service started; idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "StreamService[" + settings.url() + "]";
  }
}
