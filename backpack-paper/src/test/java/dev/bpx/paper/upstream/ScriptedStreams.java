package dev.bpx.paper.upstream;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * An upstream's stream server that sends only what a test scripts: it records the first SUBSCRIBE naming
 * {@code depth.SOL_USDC} and hands every SUBSCRIBE frame to {@link #onSubscribe} (which may answer it).
 */
final class ScriptedStreams extends WebSocketServer {
  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch subscribed = new CountDownLatch(1);
  volatile WebSocket client;
  /** Called with each SUBSCRIBE frame as text, on the server's thread; does nothing by default (no answer). */
  volatile BiConsumer<WebSocket, String> onSubscribe = (socket, frame) -> { };

  ScriptedStreams() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    client = conn;
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, String message) {
    if (!message.contains("\"SUBSCRIBE\"")) {
      return;
    }
    onSubscribe.accept(conn, message);
    if (message.contains("depth.SOL_USDC")) {
      subscribed.countDown();
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  void depth(String ask, long first, long last) {
    client.send("{\"stream\":\"depth.SOL_USDC\",\"data\":{\"e\":\"depth\",\"E\":1,\"s\":\"SOL_USDC\",\"a\":[[\""
        + ask + "\",\"1.00\"]],\"b\":[],\"U\":" + first + ",\"u\":" + last + ",\"T\":1}}");
  }

  void markPrice(String symbol, String price) {
    client.send("{\"stream\":\"markPrice." + symbol + "\",\"data\":{\"e\":\"markPrice\",\"E\":1,\"s\":\"" + symbol
        + "\",\"p\":\"" + price + "\",\"f\":\"0.0001\",\"i\":\"" + price + "\",\"n\":1}}");
  }

  void ticker(String symbol, String last) {
    client.send("{\"stream\":\"ticker." + symbol + "\",\"data\":{\"e\":\"ticker\",\"E\":1,\"s\":\"" + symbol
        + "\",\"o\":\"" + last + "\",\"c\":\"" + last + "\",\"h\":\"" + last + "\",\"l\":\"" + last
        + "\",\"v\":\"0\",\"V\":\"0\",\"n\":0}}");
  }
}
