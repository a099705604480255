package dev.bpx.paper.ws;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.framing.CloseFrame;

/**
 * The keep-alive the AsyncAPI spec describes: the server pings every connection every interval (60 s)
 * and closes one that has not answered with a pong within two intervals (120 s). It also ends close
 * handshakes that a peer never completes (a stuck slow consumer never reads our close frame): after one
 * interval the TCP connection is dropped.
 *
 * <p>Java-WebSocket's own "connection lost" timer pings at the same interval but gives up after 1.5
 * intervals, not the spec's 120 s, so it is switched off and this runs instead. One daemon thread.
 */
final class Heartbeat implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final long intervalNanos;
  private final Supplier<Collection<Connection>> connections;

  Heartbeat(Duration interval, Supplier<Collection<Connection>> connections) {
    this.intervalNanos = interval.toNanos();
    this.connections = connections;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "paper-ws-ping");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
  }

  private void tick() {
    long now = System.nanoTime();
    for (Connection c : connections.get()) {
      long closing = c.closingSinceNanos();
      if (closing != 0) {
        if (now - closing >= intervalNanos && !c.socket.isClosed()) {
          c.socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "close handshake not completed");
        }
      } else if (now - c.lastPongNanos() > 2 * intervalNanos) {
        c.close(CloseFrame.POLICY_VALIDATION, "No pong within " + 2 * intervalNanos / 1_000_000 + " ms", now);
      } else if (c.socket.isOpen()) {
        try {
          c.socket.sendPing();
        } catch (RuntimeException e) {
          // Closed between the check and the ping: nothing to keep alive.
        }
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
