package dev.bpx.paper.ws;

import dev.bpx.auth.SignatureVerifier;
import dev.bpx.auth.VerificationResult;
import dev.bpx.paper.events.StreamEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side: Backpack's stream protocol at the root path of a loopback port, on Java-WebSocket.
 *
 * <p>Clients send {@code SUBSCRIBE}/{@code UNSUBSCRIBE} control frames ({@link ControlFrame}); private
 * streams are checked with {@link SignatureVerifier#verifySubscribe}, the REST verifier's rules for the
 * {@code subscribe} instruction, and the verifying key is the account, as {@code X-API-Key} is on REST.
 * A stream that fails (unknown name, bad signature) gets an error frame ({@link Frames}); the frame's
 * other streams are subscribed all the same.
 *
 * <p>Backpressure: each connection may have at most {@code maxQueuedFrames} frames waiting for the
 * network. Publishing never blocks: a connection whose queue is full is closed with 1008 (policy
 * violation) and a reason, and gets nothing more, so one slow reader never holds up the others or the
 * engine. Keep-alive per the spec ({@link Heartbeat}). Threads: Java-WebSocket's selector and one
 * decoder, plus the ping timer and, when asked for, the {@link Pulse}; {@link #close} stops and joins them.
 * Thread-safe.
 */
public final class WsFront implements StreamPublisher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WsFront.class);
  /** Frames a connection may have queued before it is closed as a slow consumer. */
  public static final int DEFAULT_MAX_QUEUED_FRAMES = 10_000;
  private static final String POSITION_UPDATE = "account.positionUpdate";
  /** The spec's ping interval. */
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(60);

  private final Server server;
  private final Subscribers subscribers = new Subscribers();
  private final SignatureVerifier verifier;
  private final Predicate<String> knownSymbol;
  private final int maxQueuedFrames;
  private final Heartbeat heartbeat;
  private final OpenPositions openPositions;
  /** Null unless the builder was given a pulse task. */
  private final Pulse pulse;

  private WsFront(Builder b) {
    this.verifier = new SignatureVerifier(b.clock);
    this.knownSymbol = b.knownSymbol;
    this.maxQueuedFrames = b.maxQueuedFrames;
    this.openPositions = b.openPositions;
    this.server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port));
    server.start();
    try {
      server.started.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      stopServer();
      throw new IllegalStateException("cannot serve WebSocket on 127.0.0.1:" + b.port, e.getCause() != null ? e.getCause() : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopServer();
      throw new IllegalStateException("interrupted while starting the WebSocket server", e);
    }
    this.heartbeat = new Heartbeat(b.pingInterval, this::connections);
    this.pulse = b.pulse == null ? null : new Pulse(b.clock, () -> !subscribers.isEmpty(), b.pulse);
  }

  /** {@return a builder; {@code clock} judges signature freshness, as on REST} */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** {@return the bound port} */
  public int port() {
    return server.getPort();
  }

  /** {@return {@code ws://127.0.0.1:<port>}, the root path where the protocol is served} */
  public String url() {
    return "ws://127.0.0.1:" + port();
  }

  /** {@return connections currently open or closing} (tests: a cut-off connection is gone) */
  int connectionCount() {
    return server.getConnections().size();
  }

  @Override
  public boolean hasSubscribers(String stream) {
    return !subscribers.get(Subscribers.key(null, stream)).isEmpty();
  }

  @Override
  public void publish(String stream, String dataJson) {
    Set<Connection> targets = subscribers.get(Subscribers.key(null, stream));
    if (!targets.isEmpty()) {
      send(targets, Frames.data(stream, dataJson));
    }
  }

  @Override
  public void publishPrivate(String accountKey, String stream, String dataJson) {
    Objects.requireNonNull(accountKey, "accountKey");
    Set<Connection> exact = subscribers.get(Subscribers.key(accountKey, stream));
    if (!exact.isEmpty()) {
      send(exact, Frames.data(stream, dataJson));
    }
    int dot = stream.lastIndexOf('.');
    // account.orderUpdate.SOL_USDC also goes to account.orderUpdate, named as that subscriber subscribed.
    if (dot > 0 && stream.indexOf('.') < dot) {
      String all = stream.substring(0, dot);
      Set<Connection> allSymbols = subscribers.get(Subscribers.key(accountKey, all));
      if (!allSymbols.isEmpty()) {
        send(allSymbols, Frames.data(all, dataJson));
      }
    }
  }

  private void send(Set<Connection> targets, String frame) {
    List<WebSocket> ready = new ArrayList<>(targets.size());
    for (Connection c : targets) {
      if (!c.socket.isOpen() || c.closingSinceNanos() != 0) {
        continue;
      }
      if (c.queuedFrames() >= maxQueuedFrames) {
        LOG.info("closing slow WebSocket consumer {}: {} frames queued", c.socket.getRemoteSocketAddress(), maxQueuedFrames);
        c.close(CloseFrame.POLICY_VALIDATION, "Slow consumer: more than " + maxQueuedFrames + " frames queued", System.nanoTime());
      } else {
        ready.add(c.socket);
      }
    }
    // Encodes the frame once per protocol draft, not once per connection; never blocks.
    server.broadcast(frame, ready);
  }

  private Collection<Connection> connections() {
    Collection<WebSocket> sockets = server.getConnections();
    List<Connection> out = new ArrayList<>(sockets.size());
    for (WebSocket s : sockets) {
      Connection c = s.getAttachment();
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private void handle(Connection c, String text) {
    ControlFrame frame;
    try {
      frame = ControlFrame.parse(text);
    } catch (ControlFrame.Invalid e) {
      reply(c, Frames.error(e.id, Frames.INVALID_REQUEST, e.getMessage()));
      return;
    }
    if (frame.method().equals(ControlFrame.UNSUBSCRIBE)) {
      frame.streams().forEach(s -> subscribers.remove(c, s));
      if (frame.id() != null) {
        reply(c, Frames.result(frame.id()));
      }
      return;
    }
    // Replies go out after every good stream is subscribed: any reply to a frame means all of it is done.
    List<String> errors = new ArrayList<>();
    List<String> snapshots = new ArrayList<>();
    VerificationResult verdict = null; // checked once per frame, only if it names a private stream
    for (String name : frame.streams()) {
      StreamName stream = StreamName.parse(name, knownSymbol).orElse(null);
      if (stream == null) {
        errors.add(Frames.error(frame.id(), Frames.INVALID_STREAM, "Invalid stream: " + name));
        continue;
      }
      if (!stream.isPrivate()) {
        subscribers.add(c, Subscribers.key(null, name));
        continue;
      }
      if (frame.signature() == null) {
        errors.add(Frames.error(frame.id(), Frames.UNAUTHORIZED, "Missing signature for private stream " + name));
        continue;
      }
      if (verdict == null) {
        List<String> sig = frame.signature();
        verdict = verifier.verifySubscribe(sig.get(0), sig.get(1), sig.get(2), sig.get(3));
      }
      if (!verdict.valid()) {
        errors.add(Frames.error(frame.id(), Frames.UNAUTHORIZED, verdict.message() + " (" + name + ")"));
        continue;
      }
      subscribers.add(c, Subscribers.key(verdict.apiKey().strip(), name));
      if (stream.family().equals(POSITION_UPDATE)) {
        snapshots.addAll(positionSnapshot(verdict.apiKey().strip(), stream));
      }
    }
    errors.forEach(e -> reply(c, e));
    if (errors.isEmpty() && frame.id() != null) {
      reply(c, Frames.result(frame.id()));
    }
    // After the replies, as any data: the subscription was in place before the snapshot was read.
    snapshots.forEach(f -> reply(c, f));
  }

  /** The spec's initial snapshot of {@code account.positionUpdate[.<symbol>]}: the open positions, no {@code e}. */
  private List<String> positionSnapshot(String accountKey, StreamName stream) {
    if (openPositions == null) {
      return List.of();
    }
    List<String> frames = new ArrayList<>();
    try {
      for (StreamEvent e : openPositions.of(accountKey, stream.symbol())) {
        frames.add(Frames.data(stream.name(), EventFrames.json(e)));
      }
    } catch (RuntimeException e) {
      // The exchange is closing: the subscription stands, there is nothing more to send.
      LOG.debug("no position snapshot for {}: {}", stream.name(), e.toString());
    }
    return frames;
  }

  private void reply(Connection c, String frame) {
    send(Set.of(c), frame);
  }

  private void stopServer() {
    try {
      server.stop(1_000, "Server shutting down");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes every connection with 1001 (going away) and stops all threads. */
  @Override
  public void close() {
    if (pulse != null) {
      pulse.close();
    }
    heartbeat.close();
    stopServer();
  }

  /** The Java-WebSocket adapter: turns its callbacks into calls on the front. */
  private final class Server extends WebSocketServer {
    final CompletableFuture<Void> started = new CompletableFuture<>();

    Server(InetSocketAddress address) {
      // One decoder thread: clients send only small control frames.
      super(address, 1);
      setReuseAddr(true);
      setTcpNoDelay(true);
      setDaemon(true);
      setConnectionLostTimeout(0); // Heartbeat pings instead, with the spec's 120 s pong deadline
    }

    @Override
    public void onStart() {
      started.complete(null);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      socket.setAttachment(new Connection(socket, System.nanoTime()));
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
      Connection c = socket.getAttachment();
      if (c != null) {
        handle(c, message);
      }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
      Connection c = socket.getAttachment();
      if (c != null) {
        reply(c, Frames.error(null, Frames.INVALID_REQUEST, "Expected a text frame"));
      }
    }

    @Override
    public void onWebsocketPong(WebSocket socket, Framedata pong) {
      Connection c = socket.getAttachment();
      if (c != null) {
        c.ponged(System.nanoTime());
      }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      Connection c = socket.getAttachment();
      if (c != null) {
        subscribers.removeAll(c);
      }
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
      if (socket == null) {
        // The server itself failed: before onStart that is a bind failure, which the constructor reports.
        if (!started.completeExceptionally(e)) {
          LOG.error("WebSocket server failed", e);
        }
      } else {
        LOG.debug("WebSocket connection error: {}", e.toString());
      }
    }
  }

  /** Options of a {@link WsFront}; not thread-safe. */
  public static final class Builder {
    private final Clock clock;
    private int port;
    private Predicate<String> knownSymbol = s -> true;
    private int maxQueuedFrames = DEFAULT_MAX_QUEUED_FRAMES;
    private Duration pingInterval = DEFAULT_PING_INTERVAL;
    private OpenPositions openPositions;
    private Runnable pulse;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loopback port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The markets a stream name may name; others are unknown streams. Default: any symbol. */
    public Builder symbols(Set<String> symbols) {
      Set<String> copy = Set.copyOf(symbols);
      this.knownSymbol = copy::contains;
      return this;
    }

    /** Frames a connection may have waiting before it is closed with 1008; default 10 000. */
    public Builder maxQueuedFrames(int frames) {
      if (frames < 1) {
        throw new IllegalArgumentException("maxQueuedFrames < 1: " + frames);
      }
      this.maxQueuedFrames = frames;
      return this;
    }

    /** How often each connection is pinged; a connection silent for two intervals is closed. Default 60 s. */
    public Builder pingInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("pingInterval must be positive: " + interval);
      }
      this.pingInterval = interval;
      return this;
    }

    /**
     * Where the snapshot of open positions sent on subscribing to {@code account.positionUpdate[.<symbol>]} comes
     * from. Default: none, nothing is sent on subscribe.
     */
    public Builder openPositions(OpenPositions source) {
      this.openPositions = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * While any connection is subscribed to anything, runs {@code task} at every 200 ms boundary of the clock, on
     * one daemon thread stopped by {@link WsFront#close}: the paper exchange moves its time there, so a quiet
     * exchange pushes its ticker, klines and ended depth windows as a real one does. Default: none, no thread.
     */
    public Builder pulse(Runnable task) {
      this.pulse = Objects.requireNonNull(task, "task");
      return this;
    }

    /** Binds and starts serving; returns once the port accepts connections. */
    public WsFront start() {
      return new WsFront(this);
    }
  }
}
