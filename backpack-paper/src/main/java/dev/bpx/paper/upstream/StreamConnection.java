package dev.bpx.paper.upstream;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonSyntaxException;
import dev.bpx.auth.json.JsonWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket to the upstream's public streams (the JDK's {@link WebSocket}): subscribes on
 * every open, hands each data frame to the {@link Handler}, pings, and reconnects with backoff when
 * the socket closes, fails, stops answering pings, or carries no data for the silence limit. It sends
 * SUBSCRIBE frames for public streams and pings, nothing else: never a signature. Thread-safe.
 */
final class StreamConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
  /** Streams per SUBSCRIBE frame: keeps each frame small whatever the number of markets. */
  private static final int STREAMS_PER_FRAME = 50;
  /** Pings without a pong before the socket counts as stalled. */
  private static final int MISSED_PONGS = 3;

  /** What the connection reports; called on the JDK client's threads, one call at a time per socket. */
  interface Handler {
    /** The socket is open and the subscriptions are about to be sent; deltas may have been missed since the last. */
    void opened();

    /**
     * The upstream has answered every SUBSCRIBE of this socket ({@code {"id":N,"result":null}}, or an error), or
     * did not answer within one ping interval: its streams flow from now on, so what changed before is missed
     * unless read once more. After {@link #opened}; may come on the timer's thread. Once per socket, or twice when
     * the answers come after the ping interval: a slow upstream (or a loaded machine) may register the streams
     * only then, and a change between the first read and the registration would otherwise be missed for good.
     */
    void subscribed();

    /** One data frame {@code {"stream": ..., "data": ...}}. */
    void message(String stream, Object data);

    /**
     * A pong arrived while data flows: every frame the upstream sent before it has been handed over. Not called
     * while the streams are silent: a gateway answers pings even when the engine behind it has stopped.
     */
    void pong();

    /** The socket is gone (a reconnect is scheduled); the reason, for the logs. */
    void closed(String reason);
  }

  private final HttpClient http;
  private final URI uri;
  private final List<String> streams;
  private final UpstreamSettings settings;
  private final ScheduledExecutorService timer;
  private final Handler handler;
  private final Clock clock;
  private final Object lock = new Object();
  private WebSocket socket;
  private CompletableFuture<WebSocket> sends;
  private long lastPongMillis;
  /** When the current socket opened or last carried a data frame (epoch ms). */
  private volatile long lastDataMillis;
  private Duration backoff;
  private boolean closed;
  private int connects;
  /** The last SUBSCRIBE's id; ids rise across sockets, so a late answer on an old socket never counts. */
  private long lastFrameId;

  StreamConnection(HttpClient http, URI uri, List<String> streams, UpstreamSettings settings,
                   ScheduledExecutorService timer, Handler handler, Clock clock) {
    this.http = http;
    this.uri = uri;
    this.streams = List.copyOf(streams);
    this.settings = settings;
    this.timer = timer;
    this.handler = handler;
    this.clock = clock;
    this.backoff = settings.reconnectMin();
  }

  /** Connects now and starts pinging. */
  void start() {
    long ping = settings.pingInterval().toMillis();
    timer.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    connect();
  }

  boolean connected() {
    synchronized (lock) {
      return socket != null;
    }
  }

  /** {@return how many times a socket opened (tests: reconnects)} */
  int connects() {
    synchronized (lock) {
      return connects;
    }
  }

  private void connect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    Listener listener = new Listener();
    http.newWebSocketBuilder().connectTimeout(settings.requestTimeout()).buildAsync(uri, listener)
        .whenComplete((ws, error) -> {
          if (error != null) {
            lost(null, "connect failed: " + error.getMessage());
          } else {
            opened(ws, listener);
          }
        });
  }

  private void opened(WebSocket ws, Listener listener) {
    synchronized (lock) {
      if (closed) {
        ws.abort();
        return;
      }
      socket = ws;
      connects++;
      lastPongMillis = clock.millis();
      lastDataMillis = lastPongMillis;
      sends = CompletableFuture.completedFuture(ws);
    }
    LOG.info("upstream stream connected: {} ({} streams)", uri, streams.size());
    // Before the subscriptions: no frame of this socket can reach the handler ahead of opened().
    handler.opened();
    synchronized (lock) {
      if (ws != socket) {
        return;
      }
      for (int i = 0; i < streams.size(); i += STREAMS_PER_FRAME) {
        long id = ++lastFrameId;
        listener.awaiting.add(id);
        JsonWriter w = new JsonWriter().beginObject().field("method", "SUBSCRIBE").name("params").beginArray();
        streams.subList(i, Math.min(streams.size(), i + STREAMS_PER_FRAME)).forEach(w::value);
        String frame = w.endArray().field("id", id).endObject().toString();
        sends = sends.thenCompose(s -> s.sendText(frame, true));
      }
    }
    // An upstream that does not answer SUBSCRIBE frames: after a ping interval they are surely read.
    long wait = settings.pingInterval().toMillis();
    timer.schedule(() -> listener.subscribed(ws, false, "no answer to SUBSCRIBE within " + wait + " ms"), wait,
        TimeUnit.MILLISECONDS);
  }

  /** The socket {@code ws} is gone (null: a connect attempt failed); schedules the next attempt. */
  private void lost(WebSocket ws, String reason) {
    Duration wait;
    synchronized (lock) {
      if (ws != null && ws != socket) {
        return;
      }
      boolean wasOpen = socket != null;
      socket = null;
      if (closed) {
        return;
      }
      wait = backoff;
      backoff = backoff.multipliedBy(2).compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax()
          : backoff.multipliedBy(2);
      if (wasOpen) {
        LOG.warn("upstream stream lost ({}); reconnecting in {} ms", reason, wait.toMillis());
      } else {
        LOG.debug("upstream stream: {}; next attempt in {} ms", reason, wait.toMillis());
      }
    }
    if (ws != null) {
      ws.abort();
      handler.closed(reason);
    }
    timer.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void ping() {
    WebSocket ws;
    String stalled = null;
    synchronized (lock) {
      ws = socket;
      long now = clock.millis();
      if (ws != null && now - lastPongMillis > MISSED_PONGS * settings.pingInterval().toMillis()) {
        stalled = "no pong for " + MISSED_PONGS + " pings";
      } else if (ws != null && silent(now)) {
        stalled = "no data for " + (now - lastDataMillis) + " ms although pongs come: the upstream looks stalled";
      }
    }
    if (ws == null) {
      return;
    }
    if (stalled != null) {
      lost(ws, stalled);
      return;
    }
    try {
      ws.sendPing(ByteBuffer.allocate(0));
    } catch (IllegalStateException e) {
      // The previous ping is still being written: the socket is slow, the pong deadline will tell.
      LOG.debug("upstream ping skipped: {}", e.getMessage());
    }
  }

  private boolean silent(long now) {
    return now - lastDataMillis > settings.silenceLimit().toMillis();
  }

  @Override
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      closed = true;
      ws = socket;
      socket = null;
    }
    if (ws != null) {
      ws.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    /** Ids of this socket's SUBSCRIBE frames not answered yet; guarded by the connection's lock. */
    final java.util.Set<Long> awaiting = new java.util.HashSet<>();
    /** Whether a data frame came on this socket (the listener's thread only). */
    private boolean dataSeen;
    /** What {@link Handler#subscribed} was told for this socket so far; guarded by the connection's lock. */
    private Reported reported = Reported.NOTHING;

    @Override
    public void onOpen(WebSocket ws) {
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        dispatch(ws, frame);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
      synchronized (lock) {
        if (ws != socket) {
          ws.request(1);
          return null;
        }
        lastPongMillis = clock.millis();
      }
      if (!silent(clock.millis())) {
        handler.pong();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      lost(ws, "closed " + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      lost(ws, "error: " + error);
    }

    /**
     * Tells the handler that this socket's subscriptions stand: once on the answers or the timer, whichever comes
     * first, and once more on the answers if the timer came first; {@code why} for the logs.
     */
    void subscribed(WebSocket ws, boolean answered, String why) {
      synchronized (lock) {
        if (ws != socket || reported == Reported.ANSWERS || (reported == Reported.TIMER && !answered)) {
          return;
        }
        reported = answered ? Reported.ANSWERS : Reported.TIMER;
      }
      LOG.debug("upstream subscriptions in place: {}", why);
      handler.subscribed();
    }

    private void answered(WebSocket ws, long id) {
      boolean all;
      synchronized (lock) {
        all = awaiting.remove(id) && awaiting.isEmpty();
      }
      if (all) {
        subscribed(ws, true, "every SUBSCRIBE answered");
      }
    }

    private void dispatch(WebSocket ws, String frame) {
      Object parsed;
      try {
        parsed = Json.parse(frame);
      } catch (JsonSyntaxException e) {
        LOG.warn("upstream sent a frame that is not JSON ({} chars)", frame.length());
        return;
      }
      if (parsed instanceof Map<?, ?> m && m.get("stream") instanceof String stream && m.get("data") != null) {
        lastDataMillis = clock.millis();
        if (!dataSeen) {
          // Data flows: this socket works. (Not on a pong: a stalled upstream answers pings, and its reconnects
          // must back off.)
          dataSeen = true;
          synchronized (lock) {
            backoff = settings.reconnectMin();
          }
        }
        try {
          handler.message(stream, m.get("data"));
        } catch (UpstreamException e) {
          LOG.warn("upstream frame of {} skipped: {}", stream, e.getMessage());
        }
        return;
      }
      if (parsed instanceof Map<?, ?> m && m.get("error") != null) {
        LOG.warn("upstream refused a subscription: {}", Json.write(m.get("error")));
      }
      if (parsed instanceof Map<?, ?> m && m.get("id") instanceof Number id
          && (m.containsKey("result") || m.containsKey("error"))) {
        answered(ws, id.longValue());
      }
    }
  }

  /** What a socket's handler was told of its subscriptions. */
  private enum Reported {
    NOTHING,
    /** The timer: no answer within a ping interval (answers may still come). */
    TIMER,
    /** Every SUBSCRIBE answered: nothing more to report. */
    ANSWERS
  }
}
