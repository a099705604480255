package dev.bpx.client.internal.stream;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.stream.RouteTable.Route;
import dev.bpx.client.internal.RetryPolicy;
import dev.bpx.client.stream.StreamListener;
import dev.bpx.client.stream.StreamStatus;
import dev.bpx.client.stream.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to Backpack carrying every subscription of a {@code StreamService}: it connects on the
 * first subscription, routes each frame by its {@code stream} name to the subscriptions' queues,
 * reconnects with jittered backoff (the client's {@link RetryPolicy} backoff), resubscribes everything
 * (private streams re-signed with a fresh timestamp), and replaces a connection that stayed silent longer
 * than {@code staleAfter} while it carries a public market-data stream. A connection with account streams
 * only is quiet whenever the account is (no order for an hour is normal), so silence proves nothing
 * there; OkHttp's ping, which fails the socket when no pong comes back, detects a dead one instead.
 *
 * <p>Threads: OkHttp's reader thread only parses and enqueues; the {@link ConnectionThreads} run the
 * watchdog, the reconnects and the listeners. {@link #close()} ends all of them. Thread-safe.
 */
public final class StreamConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  private final OkHttpClient http;
  private final ConnectionSettings settings;
  private final SubscribeSigner signer;
  private final RetryPolicy backoff;
  private final int id = CONNECTIONS.incrementAndGet();
  private final Object lock = new Object();
  private final RouteTable routes = new RouteTable();
  /** No subscription left: the socket was let go and no reconnect is pending; the next subscribe connects. */
  private boolean idle;
  /** Started with the first subscription. */
  private ConnectionThreads threads;
  private WebSocket socket;
  private SocketListener socketListener;
  /** Bumped whenever a socket is abandoned, so late callbacks of an old socket are ignored. */
  private volatile int generation;
  private boolean open;
  private boolean everOpened;
  private boolean closed;
  private int failedAttempts;
  private volatile long lastFrameNanos;

  /**
   * Creates a connection; nothing connects and no thread starts before the first subscription.
   *
   * @param http the client's OkHttp client; a view of it with WebSocket timeouts is used, sharing its pool
   * @param signer signs private subscriptions, or null for a client without keys
   */
  public StreamConnection(OkHttpClient http, ConnectionSettings settings, SubscribeSigner signer) {
    OkHttpClient.Builder builder = http.newBuilder()
        .readTimeout(Duration.ZERO) // quiet streams are normal; staleness is the watchdog's call
        .callTimeout(Duration.ZERO)
        .pingInterval(settings.pingInterval());
    this.http = builder.build();
    this.settings = settings;
    this.signer = signer;
    this.backoff = new RetryPolicy(0, settings.reconnectInitialDelay(), settings.reconnectMaxDelay(),
        Duration.ZERO, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Subscribes {@code listener} to one channel; connects first when needed.
   *
   * @throws ValidationException for a private channel without keys
   * @throws IllegalStateException after {@link #close()}
   */
  public <E> RouteSubscription subscribe(ChannelSpec<E> spec, StreamListener<? super E> listener) {
    if (spec.isPrivate() && signer == null) {
      throw new ValidationException("keys", spec.name() + " is a private stream and needs a signed subscription",
          "build the client with keys (BACKPACK_PRIVATE_KEY) to subscribe to account streams");
    }
    synchronized (lock) {
      checkOpen();
      start();
      if (idle) {
        idle = false;
        connect();
      }
      DeliveryQueue<E> queue = newQueue(spec, listener);
      Route<E> route = new Route<>(spec, queue);
      boolean first = routes.add(route);
      if (open) {
        if (first) {
          sendSubscribe(List.of(spec));
        }
        queue.status(new StreamStatus.Connected());
      }
      return new RouteSubscription(route);
    }
  }

  /** {@return a queue delivering on this connection's delivery threads} */
  <E> DeliveryQueue<E> newQueue(ChannelSpec<?> spec, StreamListener<? super E> listener) {
    synchronized (lock) {
      checkOpen();
      start();
      return new DeliveryQueue<>(spec.name(), spec.policy(), settings.queueCapacity(), listener, threads.delivery);
    }
  }

  /**
   * Closes the socket (a normal close, then a cancel if the server does not answer within the close
   * timeout), stops delivery, and ends every thread this connection started. Idempotent.
   */
  @Override
  public void close() {
    WebSocket toClose;
    SocketListener listener;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      toClose = socket;
      listener = socketListener;
      socket = null;
      open = false;
      routes.closeAll();
    }
    if (toClose != null) {
      toClose.close(1000, "client closed");
      try {
        listener.terminated.await(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        // Harmless after a completed close handshake; otherwise it releases the socket now instead of
        // after OkHttp's own 60 s close timeout, so no OkHttp task stays busy with this socket.
        toClose.cancel();
      }
    }
    if (threads != null) {
      threads.shutdown();
    }
  }

  /** {@return whether a socket is open now} */
  public boolean isOpen() {
    synchronized (lock) {
      return open;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the stream service is closed");
    }
  }

  /** Starts the threads and the first connection; called under the lock. */
  private void start() {
    if (threads != null) {
      return;
    }
    threads = new ConnectionThreads(id);
    long staleMillis = settings.staleAfter().toMillis();
    if (staleMillis > 0) {
      long period = Math.max(10, staleMillis / 4);
      threads.timer.scheduleWithFixedDelay(this::checkStale, period, period, TimeUnit.MILLISECONDS);
    }
    connect();
  }

  private void connect() {
    synchronized (lock) {
      if (closed || socket != null) {
        return;
      }
      generation++;
      socketListener = new SocketListener(generation);
      LOG.debug("Connecting to {}", settings.url());
      socket = http.newWebSocket(new Request.Builder().url(settings.url()).build(), socketListener);
    }
  }

  private void opened(int gen) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      open = true;
      failedAttempts = 0;
      lastFrameNanos = System.nanoTime();
      boolean reconnect = everOpened;
      everOpened = true;
      List<ChannelSpec<?>> specs = routes.channels();
      sendSubscribe(specs);
      LOG.info("Stream connection open to {} ({} streams{})", settings.url(), specs.size(),
          reconnect ? ", resubscribed" : "");
      routes.forEachQueue(queue -> {
        queue.status(new StreamStatus.Connected());
        if (reconnect) {
          queue.status(new StreamStatus.Resubscribed());
        }
      });
    }
  }

  private void sendSubscribe(List<ChannelSpec<?>> specs) {
    ControlFrames.subscribeAll(specs, signer).forEach(socket::send);
  }

  private void received(int gen, String text) {
    if (gen != generation) {
      return; // a racy read of generation only delays discarding an old socket's frame by one frame
    }
    lastFrameNanos = System.nanoTime();
    WireFrame frame;
    try {
      frame = WireFrame.parse(text);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping a frame that is not JSON ({} chars)", text.length());
      return;
    }
    if (frame.error() != null) {
      LOG.warn("The stream server answered with an error: {}", frame.error());
      routes.forEachQueue(queue -> queue.status(new StreamStatus.ServerError(frame.error())));
      return;
    }
    if (frame.stream() == null || frame.data() == null) {
      return; // a control answer such as {"result":null,"id":...}
    }
    List<Route<?>> targets;
    synchronized (lock) {
      targets = routes.routesOf(frame.stream());
    }
    if (targets.isEmpty()) {
      return;
    }
    Fields fields = new Fields(frame.data());
    Object event;
    try {
      event = targets.get(0).spec().decoder().apply(fields);
    } catch (RuntimeException e) {
      // Only the stream name and the reason: private payloads stay out of logs.
      LOG.warn("Skipping a malformed event on {}: {}", frame.stream(), e.getMessage());
      return;
    }
    for (Route<?> route : targets) {
      route.offerUnchecked(event);
    }
  }

  private void dropped(int gen, String reason) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      generation++;
      boolean wasOpen = open;
      open = false;
      socket = null;
      if (routes.isEmpty()) {
        idle = true; // nobody listens: reconnect when someone subscribes, not in a loop
        return;
      }
      failedAttempts++;
      Duration delay = backoff.backoff(failedAttempts);
      LOG.warn("Stream connection lost ({}); reconnecting in {} ms", reason, delay.toMillis());
      if (wasOpen) {
        routes.forEachQueue(queue -> queue.status(new StreamStatus.Disconnected(reason)));
      }
      threads.timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void checkStale() {
    WebSocket stale = null;
    synchronized (lock) {
      long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFrameNanos);
      if (open && routes.carriesMarketData() && silentMillis > settings.staleAfter().toMillis()) {
        stale = socket;
        dropped(generation, "stale: no frame for " + silentMillis + " ms");
      }
    }
    if (stale != null) {
      stale.cancel();
    }
  }

  private void unsubscribe(Route<?> route) {
    synchronized (lock) {
      route.queue().close();
      if (routes.remove(route)) {
        if (open) {
          socket.send(ControlFrames.unsubscribe(List.of(route.spec().name())));
        }
        if (routes.isEmpty()) {
          goIdle();
        }
      }
    }
  }

  /**
   * The last subscription went: close the socket normally and reconnect only when one comes again, so a
   * client that streamed once (an order wait, say) keeps no connection, and no reconnect loop, behind it.
   * Holds {@code lock}.
   */
  private void goIdle() {
    WebSocket current = socket;
    generation++; // the closing socket's callbacks are now stale
    open = false;
    socket = null;
    idle = true;
    if (current != null) {
      current.close(1000, "no subscriptions");
    }
    LOG.debug("No stream subscriptions left; connection to {} released", settings.url());
  }

  @Override
  public String toString() {
    return "StreamConnection[" + settings.url() + "]";
  }

  /** A subscription handle; package code also reads its backlog. */
  final class RouteSubscription implements Subscription {
    private final Route<?> route;

    RouteSubscription(Route<?> route) {
      this.route = route;
    }

    /** {@return events queued behind the one being delivered} */
    int backlog() {
      return route.queue().pendingEvents();
    }

    @Override
    public String stream() {
      return route.spec().name();
    }

    @Override
    public void close() {
      unsubscribe(route);
    }
  }

  private final class SocketListener extends WebSocketListener {
    private final int gen;
    private final CountDownLatch terminated = new CountDownLatch(1);

    SocketListener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened(gen);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received(gen, text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      // The server is going away (the spec gives a 30 s grace): answer and reconnect at once.
      webSocket.close(1000, null);
      dropped(gen, "server closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      terminated.countDown();
      dropped(gen, "closed (" + code + ")");
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      terminated.countDown();
      dropped(gen, "failure: " + t.getClass().getSimpleName()
          + (t.getMessage() == null ? "" : " " + t.getMessage()));
    }
  }
}
