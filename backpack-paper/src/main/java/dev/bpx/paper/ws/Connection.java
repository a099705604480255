package dev.bpx.paper.ws;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * One client connection: its socket and its keep-alive times. Thread-safe: the times are volatile
 * and the socket's send is synchronised by Java-WebSocket.
 */
final class Connection {
  final WebSocket socket;
  private volatile long lastPongNanos;
  /** When the server started closing it, or 0 while open. */
  private volatile long closingSinceNanos;

  Connection(WebSocket socket, long nowNanos) {
    this.socket = socket;
    this.lastPongNanos = nowNanos;
  }

  /**
   * {@return frames handed to the socket but not yet written to the network}. Java-WebSocket queues one
   * buffer per frame in {@code outQueue} (unbounded) and its selector thread drains it as the peer reads;
   * this count is what we bound.
   */
  int queuedFrames() {
    return socket instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
  }

  void ponged(long nowNanos) {
    lastPongNanos = nowNanos;
  }

  long lastPongNanos() {
    return lastPongNanos;
  }

  /** Starts the close handshake once; later calls do nothing. */
  synchronized void close(int code, String reason, long nowNanos) {
    if (closingSinceNanos == 0) {
      closingSinceNanos = nowNanos;
      socket.close(code, reason);
    }
  }

  long closingSinceNanos() {
    return closingSinceNanos;
  }
}
