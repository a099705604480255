package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * An upstream's stream server that sends only what a test scripts: it records the first SUBSCRIBE naming
 * {@code depth.SOL_USDC} and hands every SUBSCRIBE frame to {@link #onSubscribe} (which may answer it).
 */
final class ScriptedStreams extends WebSocketServer {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch subscribed = new CountDownLatch(1);
  volatile WebSocket client;
  /** Called with each SUBSCRIBE frame as text, on the server's thread; does nothing by default (no answer). */
  volatile BiConsumer<WebSocket, String> onSubscribe = (socket, frame) -> { };

  ScriptedStreams() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  /** {@return a server started on a free loopback port} */
  static ScriptedStreams running() throws InterruptedException {
    ScriptedStreams streams = new ScriptedStreams();
    streams.start();
    assertThat(streams.started.await(5, TimeUnit.SECONDS)).isTrue();
    return streams;
  }

  /** {@return the id a SUBSCRIBE frame carries, null without one} */
  static String id(String frame) {
    Matcher id = ID.matcher(frame);
    return id.find() ? id.group(1) : null;
  }

  /** Answers a SUBSCRIBE frame as the paper exchange does, {@code {"id":N,"result":null}}, if it has an id. */
  static void answer(WebSocket socket, String frame) {
    String id = id(frame);
    if (id != null) {
      socket.send("{\"id\":" + id + ",\"result\":null}");
    }
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
