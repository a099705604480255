package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperExchange;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A slow consumer, the keep-alive, and shutdown. */
class BackpressureAndLifecycleTest {
  /** Threads Java-WebSocket, the ping timer and the pulse start; none may outlive {@link WsFront#close}. */
  private static final List<String> OUR_THREADS =
      List.of("WebSocketSelector", "WebSocketWorker", "WebSocketConnectReadThread", "WebSocketWriteThread", "paper-ws-ping", "paper-ws-pulse",
          "connectionLostChecker", "WebSocketConnectionLostTimer");

  @Test
  void aSlowConsumerIsClosedWith1008WhileAFastOneGetsEveryFrame() throws Exception {
    String payload = "{\"pad\":\"" + "x".repeat(8_000) + "\"}";
    int batches = 60;
    int batch = 100; // 60 x 100 x 8 KB = 48 MB: far beyond the loopback socket buffers
    try (WsFront front = WsFront.builder(Clock.systemUTC()).maxQueuedFrames(500).start();
        OkHttpWs fast = new OkHttpWs(front.url());
        OkHttpWs slow = new OkHttpWs(front.url(), new CountDownLatch(1))) {
      fast.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":1}");
      slow.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":1}");
      assertThat(fast.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
      assertThat(slow.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}")); // then it stalls

      long publishNanos = 0;
      for (int b = 0; b < batches; b++) {
        long started = System.nanoTime();
        for (int i = 0; i < batch; i++) {
          front.publish("trade.SOL_USDC", payload);
        }
        publishNanos += System.nanoTime() - started;
        // The fast reader keeps up: it has each batch before the next is published.
        for (int i = 0; i < batch; i++) {
          assertThat(fast.frames.poll(10, TimeUnit.SECONDS)).as("fast frame %d", b * batch + i).isNotNull();
        }
      }
      assertThat(fast.closeCode).isNotDone();

      slow.stall.countDown(); // it reads its backlog, then the close frame
      assertThat(slow.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
      assertThat(slow.closeReason.get()).isEqualTo("Slow consumer: more than 500 frames queued");
      // It got the frames queued before it was cut off, not all of them.
      assertThat(slow.frames.size()).isLessThan(batches * batch);
      // Publishing never waited for the stalled reader: 6000 frames took well under a second each.
      assertThat(TimeUnit.NANOSECONDS.toMillis(publishNanos)).isLessThan(10_000);
      // The fast connection is still subscribed after the slow one went.
      front.publish("trade.SOL_USDC", "{\"last\":true}");
      assertThat(fast.next()).isEqualTo(Json.parse("{\"stream\":\"trade.SOL_USDC\",\"data\":{\"last\":true}}"));
    }
  }

  @Test
  void theServerPingsAndClosesAConnectionThatNeverPongs() throws Exception {
    try (WsFront front = WsFront.builder(Clock.systemUTC()).pingInterval(Duration.ofMillis(200)).start();
        Socket raw = new Socket(InetAddress.getLoopbackAddress(), front.port())) {
      raw.setSoTimeout(10_000);
      DataInputStream in = handshake(raw, front.port());
      int pings = 0;
      int closeCode;
      while (true) {
        int opcode = in.readUnsignedByte() & 0x0f;
        int length = in.readUnsignedByte() & 0x7f; // control frames are short and unmasked from a server
        byte[] body = in.readNBytes(length);
        if (opcode == 0x9) {
          pings++;
        } else if (opcode == 0x8) {
          closeCode = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
          break;
        }
      }
      // Pings every 200 ms, closed once 400 ms pass without a pong: the spec's 60 s / 120 s, scaled.
      assertThat(pings).isGreaterThanOrEqualTo(1);
      assertThat(closeCode).isEqualTo(1008);
    }
  }

  @Test
  void aConsumerThatStopsReadingForGoodIsCutOffNotKeptOpenByItsUnfinishedCloseHandshake() throws Exception {
    String payload = "{\"pad\":\"" + "x".repeat(8_000) + "\"}";
    int frames = 5_000; // 40 MB
    try (WsFront front = WsFront.builder(Clock.systemUTC()).maxQueuedFrames(50).pingInterval(Duration.ofMillis(200)).start();
        Socket raw = new Socket(InetAddress.getLoopbackAddress(), front.port())) {
      raw.setReceiveBufferSize(64 * 1024);
      raw.setSoTimeout(10_000);
      DataInputStream in = handshake(raw, front.port());
      sendMaskedText(raw, "{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":1}");
      readFrameText(in); // the result: subscribed
      for (int i = 0; i < frames; i++) {
        front.publish("trade.SOL_USDC", payload);
      }
      // It reads nothing more, answers no ping and never completes the close handshake: the server
      // closes it as slow, and since its close frame sits behind a queue nobody drains, it must then cut
      // the TCP connection itself rather than keep it (and its queue) forever.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (front.connectionCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(front.connectionCount()).isZero();
    }
  }

  @Test
  void aClientThatAnswersPingsStaysConnected() throws Exception {
    // 250 ms: with 100 ms, a pong delayed 200 ms by a loaded machine (load 11 on 2 cores) closed the connection.
    try (WsFront front = WsFront.builder(Clock.systemUTC()).pingInterval(Duration.ofMillis(250)).start();
        OkHttpWs ws = new OkHttpWs(front.url())) { // OkHttp answers every ping with a pong by itself
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":1}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));

      // Ten intervals: a connection whose pongs were not counted would be closed after two.
      Thread.sleep(2_500);

      assertThat(ws.closeCode).isNotDone();
      front.publish("trade.SOL_USDC", "{\"alive\":true}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"stream\":\"trade.SOL_USDC\",\"data\":{\"alive\":true}}"));
    }
  }

  @Test
  void closeSays1001ToClientsAndLeavesNoThreadBehind() throws Exception {
    WsFront front = WsFront.builder(Clock.systemUTC()).start();
    OkHttpWs client = new OkHttpWs(front.url());
    assertThat(liveThreads()).isNotEmpty();

    front.close();

    assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
    awaitNoThreads();
    try (Socket s = new Socket()) {
      assertThat(connects(s, front.port())).as("port released").isFalse();
    }
  }

  @Test
  void paperExchangeServesTheStreamsBesideRestWhenAskedAndCleansUp() throws Exception {
    try (PaperExchange paper = PaperExchange.builder().webSocketPort(0).start();
        OkHttpWs ws = new OkHttpWs(paper.wsUrl())) {
      assertThat(paper.wsUrl()).startsWith("ws://127.0.0.1:").isNotEqualTo(paper.url());
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"depth.SOL_USDC\",\"depth.NOPE_USDC\"],\"id\":1}");
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"id\":1,\"error\":{\"code\":4001,\"message\":\"Invalid stream: depth.NOPE_USDC\"}}"));
    }
    awaitNoThreads();
    try (PaperExchange paper = PaperExchange.builder().start()) {
      org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(paper::wsUrl)
          .withMessageContaining("webSocketPort");
    }
  }

  private static void awaitNoThreads() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!liveThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(liveThreads()).isEmpty();
  }

  private static List<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> OUR_THREADS.stream().anyMatch(n::startsWith))
        .toList();
  }

  private static boolean connects(Socket s, int port) {
    try {
      s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A client text frame: masked, as RFC 6455 requires of clients (a zero mask key leaves the bytes as they are). */
  private static void sendMaskedText(Socket s, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isLessThan(126);
    OutputStream out = s.getOutputStream();
    out.write(new byte[] {(byte) 0x81, (byte) (0x80 | body.length), 0, 0, 0, 0});
    out.write(body);
    out.flush();
  }

  /** Reads one short unmasked server text frame. */
  private static String readFrameText(DataInputStream in) throws IOException {
    int opcode = in.readUnsignedByte() & 0x0f;
    int length = in.readUnsignedByte() & 0x7f;
    assertThat(opcode).isEqualTo(1);
    assertThat(length).isLessThan(126);
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** RFC 6455 opening handshake by hand; returns the stream positioned at the first frame. */
  private static DataInputStream handshake(Socket s, int port) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    DataInputStream in = new DataInputStream(s.getInputStream());
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("no handshake response: " + head);
      }
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 101")
        // RFC 6455's worked example: this key must give this accept value.
        .contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    return in;
  }
}
