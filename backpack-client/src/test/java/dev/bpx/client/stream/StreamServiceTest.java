package dev.bpx.client.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.MovableClock;
import dev.bpx.client.exception.ValidationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream service against a scripted WebSocket server (MockWebServer's WebSocket upgrade, OkHttp on
 * both ends): subscribe frames, signatures checked with the JDK's own Ed25519, reconnect, stale
 * detection, backpressure and clean close.
 */
class StreamServiceTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private StreamTestServer server;
  private BackpackClient client;
  private KeyPair jdkKeys;
  private final MovableClock clock = MovableClock.at("2026-12-01T10:00:00Z");

  @BeforeEach
  void start() throws Exception {
    server = new StreamTestServer();
    jdkKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private BackpackClient client(StreamSettings.Builder settings) {
    byte[] pkcs8 = jdkKeys.getPrivate().getEncoded();
    byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    client = BackpackClient.builder().baseUrl(server.restUrl()).clock(clock)
        .signingKey(SigningKey.fromBase64(Base64.getEncoder().encodeToString(seed)))
        .streams(settings.url(server.wsUrl()).reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build())
        .build();
    return client;
  }

  private String rawPublicKeyBase64() {
    byte[] x509 = jdkKeys.getPublic().getEncoded();
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String frame) throws Exception {
    return MOSHI.adapter(Map.class).fromJson(frame);
  }

  @SuppressWarnings("unchecked")
  private void assertSignedSubscribe(Map<String, Object> frame, List<String> streams) throws Exception {
    assertThat(frame.get("method")).isEqualTo("SUBSCRIBE");
    assertThat((List<String>) frame.get("params")).containsExactlyElementsOf(streams);
    List<String> signature = (List<String>) frame.get("signature");
    assertThat(signature).hasSize(4);
    assertThat(signature.get(0)).isEqualTo(rawPublicKeyBase64());
    assertThat(signature.get(2)).isEqualTo(Long.toString(clock.millis()));
    assertThat(signature.get(3)).isEqualTo("5000");
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdkKeys.getPublic());
    verifier.update(("instruction=subscribe&timestamp=" + signature.get(2) + "&window=" + signature.get(3))
        .getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getDecoder().decode(signature.get(1)))).as("JDK Ed25519 verifies").isTrue();
  }

  @Test
  void publicAndSignedPrivateSubscriptionsAreSentAndFramesArriveTyped() throws Exception {
    StreamService streams = client(StreamSettings.builder()).streams();
    Recorder<TradeEvent> trades = new Recorder<>();
    Recorder<OrderUpdateEvent> orders = new Recorder<>();
    streams.subscribe(StreamChannel.trade("SOL_USDC"), trades);
    StreamTestServer.Connection connection = server.awaitConnection();
    assertThat(json(connection.awaitFrame())).isEqualTo(Map.of("method", "SUBSCRIBE", "params", List.of("trade.SOL_USDC")));
    trades.await(StreamStatus.Connected.class);

    streams.subscribe(StreamChannel.orderUpdates(), orders);
    assertSignedSubscribe(json(connection.awaitFrame()), List.of("account.orderUpdate"));

    connection.send("trade.SOL_USDC", "{\"e\":\"trade\",\"E\":1694687692980000,\"s\":\"SOL_USDC\",\"p\":\"18.70\","
        + "\"q\":\"1.00\",\"b\":\"111\",\"a\":\"222\",\"t\":42,\"T\":1694687692979999,\"m\":true}");
    connection.send("account.orderUpdate", "{\"e\":\"orderFill\",\"E\":1694687692980000,\"s\":\"SOL_USDC\","
        + "\"c\":7,\"S\":\"Bid\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"2\",\"p\":\"18.70\",\"X\":\"PartiallyFilled\","
        + "\"i\":\"1111\",\"t\":42,\"l\":\"1.00\",\"z\":\"1.00\",\"Z\":\"18.70\",\"L\":\"18.70\",\"m\":false,"
        + "\"n\":\"0.001\",\"N\":\"SOL\",\"V\":\"RejectTaker\",\"T\":1694687692979999,\"O\":\"USER\"}");

    TradeEvent trade = trades.await(TradeEvent.class);
    assertThat(trade.price()).isEqualTo(new BigDecimal("18.70"));
    assertThat(trade.tradeId()).isEqualTo(42L);
    OrderUpdateEvent update = orders.await(OrderUpdateEvent.class);
    assertThat(update).isInstanceOf(OrderUpdateEvent.Filled.class);
    assertThat(((OrderUpdateEvent.Filled) update).fill().fee()).isEqualTo(new BigDecimal("0.001"));
    assertThat(update.order().clientId()).isEqualTo(7L);
  }

  @Test
  void aServerErrorFrameReachesTheListenersAndOtherStreamsKeepWorking() throws Exception {
    StreamService streams = client(StreamSettings.builder()).streams();
    Recorder<TradeEvent> trades = new Recorder<>();
    streams.subscribe(StreamChannel.trade("SOL_USDC"), trades);
    StreamTestServer.Connection connection = server.awaitConnection();
    connection.awaitFrame();
    connection.socket.send("{\"id\":null,\"error\":{\"code\":4006,\"message\":\"Invalid signature\"}}");
    connection.send("trade.SOL_USDC", "{\"e\":\"trade\",\"s\":\"SOL_USDC\",\"p\":\"not a number\",\"t\":1}");
    connection.send("trade.SOL_USDC", "{\"e\":\"trade\",\"s\":\"SOL_USDC\",\"p\":\"2.5\",\"t\":2}");
    assertThat(trades.await(StreamStatus.ServerError.class).message()).isEqualTo("Invalid signature");
    TradeEvent trade = trades.await(TradeEvent.class);
    assertThat(trade.tradeId()).as("the malformed frame is skipped, the next one arrives").isEqualTo(2L);
  }

  @Test
  void twoListenersShareOneWireSubscriptionAndTheLastCloseUnsubscribes() throws Exception {
    StreamService streams = client(StreamSettings.builder()).streams();
    Recorder<BookTickerEvent> first = new Recorder<>();
    Recorder<BookTickerEvent> second = new Recorder<>();
    Subscription a = streams.subscribe(StreamChannel.bookTicker("SOL_USDC"), first);
    StreamTestServer.Connection connection = server.awaitConnection();
    assertThat(json(connection.awaitFrame()).get("params")).isEqualTo(List.of("bookTicker.SOL_USDC"));
    first.await(StreamStatus.Connected.class);
    Subscription b = streams.subscribe(StreamChannel.bookTicker("SOL_USDC"), second);
    second.await(StreamStatus.Connected.class);

    connection.send("bookTicker.SOL_USDC", "{\"e\":\"bookTicker\",\"s\":\"SOL_USDC\",\"a\":\"101\",\"b\":\"99\"}");
    assertThat(first.await(BookTickerEvent.class).askPrice()).isEqualTo(new BigDecimal("101"));
    assertThat(second.await(BookTickerEvent.class).bidPrice()).isEqualTo(new BigDecimal("99"));

    a.close();
    b.close();
    assertThat(json(connection.awaitFrame()))
        .isEqualTo(Map.of("method", "UNSUBSCRIBE", "params", List.of("bookTicker.SOL_USDC")));
    assertThat(connection.received).isEmpty();
    // Nothing subscribed: the socket is let go (no idle connection, no reconnect loop); the next
    // subscription opens a new one.
    assertThat(connection.closed.await(5, TimeUnit.SECONDS)).as("closed by the client").isTrue();
    streams.subscribe(StreamChannel.bookTicker("SOL_USDC"), first);
    assertThat(json(server.awaitConnection().awaitFrame()).get("params")).isEqualTo(List.of("bookTicker.SOL_USDC"));
    assertThat(server.all).hasSize(2);
  }

  @Test
  void privateStreamWithoutKeysIsRefusedBeforeConnecting() {
    client = BackpackClient.builder().baseUrl(server.restUrl())
        .streams(StreamSettings.builder().url(server.wsUrl()).build()).build();
    assertThatThrownBy(() -> client.streams().subscribe(StreamChannel.orderUpdates(), event -> {}))
        .isInstanceOf(ValidationException.class).hasMessageContaining("account.orderUpdate");
    assertThat(server.all).isEmpty();
  }

  @Test
  void afterADropItReconnectsResubscribesEverythingAndReSignsWithAFreshTimestamp() throws Exception {
    StreamService streams = client(StreamSettings.builder()).streams();
    Recorder<TickerEvent> tickers = new Recorder<>();
    Recorder<PositionUpdateEvent> positions = new Recorder<>();
    streams.subscribe(StreamChannel.ticker("SOL_USDC"), tickers);
    StreamTestServer.Connection first = server.awaitConnection();
    first.awaitFrame();
    streams.subscribe(StreamChannel.positionUpdates(), positions);
    assertSignedSubscribe(json(first.awaitFrame()), List.of("account.positionUpdate"));
    long firstTimestamp = clock.millis();

    clock.advance(Duration.ofSeconds(7));
    first.goAway();

    assertThat(tickers.await(StreamStatus.Disconnected.class).reason()).isNotBlank();
    StreamTestServer.Connection second = server.awaitConnection();
    assertThat(json(second.awaitFrame())).isEqualTo(Map.of("method", "SUBSCRIBE", "params", List.of("ticker.SOL_USDC")));
    Map<String, Object> resigned = json(second.awaitFrame());
    assertSignedSubscribe(resigned, List.of("account.positionUpdate"));
    assertThat(clock.millis()).isEqualTo(firstTimestamp + 7_000);
    tickers.await(StreamStatus.Resubscribed.class);
    positions.await(StreamStatus.Resubscribed.class);

    second.send("ticker.SOL_USDC", "{\"e\":\"ticker\",\"E\":1,\"s\":\"SOL_USDC\",\"o\":\"1\",\"c\":\"2\",\"h\":\"3\","
        + "\"l\":\"0.5\",\"v\":\"10\",\"V\":\"20\",\"n\":5}");
    assertThat(tickers.await(TickerEvent.class).last()).isEqualTo(new BigDecimal("2"));
  }

  @Test
  void aConnectionSilentLongerThanTheBoundIsReplaced() throws Exception {
    StreamService streams = client(StreamSettings.builder().staleAfter(Duration.ofMillis(300))
        .pingInterval(Duration.ZERO)).streams();
    Recorder<TradeEvent> trades = new Recorder<>();
    streams.subscribe(StreamChannel.trade("SOL_USDC"), trades);
    StreamTestServer.Connection first = server.awaitConnection();
    first.awaitFrame();
    long start = System.nanoTime();

    StreamStatus.Disconnected disconnected = trades.await(StreamStatus.Disconnected.class);
    assertThat(disconnected.reason()).startsWith("stale: no frame for");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(250);
    StreamTestServer.Connection second = server.awaitConnection();
    assertThat(json(second.awaitFrame()).get("params")).isEqualTo(List.of("trade.SOL_USDC"));
    trades.await(StreamStatus.Resubscribed.class);
  }

  @Test
  void aConnectionWithAccountStreamsOnlyMayStayQuietAndIsNotReplaced() throws Exception {
    // An account with no orders sends nothing for hours; OkHttp's ping finds a dead socket instead.
    StreamService streams = client(StreamSettings.builder().staleAfter(Duration.ofMillis(300))
        .pingInterval(Duration.ZERO)).streams();
    Recorder<OrderUpdateEvent> orders = new Recorder<>();
    streams.subscribe(StreamChannel.orderUpdates(), orders);
    StreamTestServer.Connection first = server.awaitConnection();
    first.awaitFrame();

    Thread.sleep(1_500); // five times the bound

    assertThat(server.all).hasSize(1);
    assertThat(orders.history).noneMatch(item -> item instanceof StreamStatus.Disconnected);
  }

  @Test
  void aConnectionThatKeepsSendingIsNotReplaced() throws Exception {
    StreamService streams = client(StreamSettings.builder().staleAfter(Duration.ofMillis(1500))
        .pingInterval(Duration.ZERO)).streams();
    Recorder<TradeEvent> trades = new Recorder<>();
    streams.subscribe(StreamChannel.trade("SOL_USDC"), trades);
    StreamTestServer.Connection first = server.awaitConnection();
    first.awaitFrame();
    for (int i = 0; i < 30; i++) {
      first.send("trade.SOL_USDC", "{\"e\":\"trade\",\"s\":\"SOL_USDC\",\"p\":\"1\",\"q\":\"1\",\"t\":" + i + "}");
      Thread.sleep(100); // 30 frames over 3 s, each well within the 1.5 s bound (the machine may be loaded)
    }
    assertThat(server.all).hasSize(1);
    assertThat(trades.history).noneMatch(item -> item instanceof StreamStatus.Disconnected);
  }

  @Test
  void aSlowListenerNeitherStallsTheSocketNorOtherSubscriptionsAndDropOldestReportsTheCount() throws Exception {
    StreamService streams = client(StreamSettings.builder().queueCapacity(5)).streams();
    CountDownLatch release = new CountDownLatch(1);
    Recorder<TradeEvent> slow = new Recorder<>() {
      @Override
      public void onEvent(TradeEvent event) {
        super.onEvent(event);
        StreamServiceTest.block(release);
      }
    };
    Recorder<TickerEvent> fast = new Recorder<>();
    streams.subscribe(StreamChannel.trade("SOL_USDC"), slow);
    StreamTestServer.Connection connection = server.awaitConnection();
    connection.awaitFrame();
    streams.subscribe(StreamChannel.ticker("SOL_USDC"), fast);
    connection.awaitFrame();

    for (int i = 1; i <= 50; i++) {
      connection.send("trade.SOL_USDC", "{\"e\":\"trade\",\"s\":\"SOL_USDC\",\"p\":\"1\",\"q\":\"1\",\"t\":" + i + "}");
    }
    connection.send("ticker.SOL_USDC", "{\"e\":\"ticker\",\"s\":\"SOL_USDC\",\"c\":\"9\"}");
    assertThat(fast.await(TickerEvent.class).last()).isEqualTo(new BigDecimal("9"));
    assertThat(release.getCount()).as("the trade listener is still blocked").isEqualTo(1);

    release.countDown();
    StreamStatus.Dropped dropped = slow.await(StreamStatus.Dropped.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lastTradeId(slow) != 50 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long delivered = slow.history.stream().filter(TradeEvent.class::isInstance).count();
    assertThat(lastTradeId(slow)).as("drop-oldest keeps the newest").isEqualTo(50);
    assertThat(delivered).isLessThanOrEqualTo(1 + 5);
    assertThat(delivered + dropped.count()).isEqualTo(50);
  }

  @Test
  void orderUpdatesAreNeverSilentlyDroppedAnOverflowDeliversTheQueuedOnesInOrderThenAResync() throws Exception {
    StreamService streams = client(StreamSettings.builder().queueCapacity(5)).streams();
    CountDownLatch release = new CountDownLatch(1);
    Recorder<OrderUpdateEvent> slow = new Recorder<>() {
      @Override
      public void onEvent(OrderUpdateEvent event) {
        super.onEvent(event);
        StreamServiceTest.block(release);
      }
    };
    Recorder<TickerEvent> marker = new Recorder<>();
    streams.subscribe(StreamChannel.orderUpdates(), slow);
    StreamTestServer.Connection connection = server.awaitConnection();
    connection.awaitFrame();
    slow.await(StreamStatus.Connected.class);
    streams.subscribe(StreamChannel.ticker("SOL_USDC"), marker);
    connection.awaitFrame();
    for (int i = 1; i <= 20; i++) {
      connection.send("account.orderUpdate", "{\"e\":\"orderAccepted\",\"s\":\"SOL_USDC\",\"i\":\"" + i + "\"}");
    }
    connection.send("ticker.SOL_USDC", "{\"e\":\"ticker\",\"s\":\"SOL_USDC\",\"c\":\"9\"}");
    // The reader thread handles frames in order: once the ticker is delivered, all 20 updates were offered.
    marker.await(TickerEvent.class);
    release.countDown();
    StreamStatus.Resync resync = slow.await(StreamStatus.Resync.class);
    assertThat(resync.cause()).isEqualTo(StreamStatus.ResyncCause.OVERFLOW);
    assertThat(resync.detail()).startsWith("14 events lost");
    connection.send("account.orderUpdate", "{\"e\":\"orderAccepted\",\"s\":\"SOL_USDC\",\"i\":\"21\"}");
    OrderUpdateEvent after = slow.await(OrderUpdateEvent.class);
    assertThat(after.order().orderId()).isEqualTo("21");

    List<String> sequence = slow.history.stream()
        .filter(item -> item instanceof OrderUpdateEvent || item instanceof StreamStatus.Resync)
        .map(item -> item instanceof OrderUpdateEvent e ? e.order().orderId() : "RESYNC").toList();
    assertThat(sequence).containsExactly("1", "2", "3", "4", "5", "6", "RESYNC", "21");
  }

  @Test
  void closeLeavesNoThreadBehind() throws Exception {
    StreamService streams = client(StreamSettings.builder()).streams();
    Recorder<TradeEvent> trades = new Recorder<>();
    streams.subscribe(StreamChannel.trade("SOL_USDC"), trades);
    streams.orderBook("SOL_USDC");
    StreamTestServer.Connection connection = server.awaitConnection();
    connection.awaitFrame();
    trades.await(StreamStatus.Connected.class);
    connection.send("trade.SOL_USDC", "{\"e\":\"trade\",\"s\":\"SOL_USDC\",\"p\":\"1\",\"q\":\"1\",\"t\":1}");
    trades.await(TradeEvent.class);
    assertThat(ourThreads()).isNotEmpty();

    client.close();
    client = null;

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ourThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ourThreads()).as(() -> stacks()).isEmpty();
    assertThat(streams.isConnected()).isFalse();
    assertThatThrownBy(() -> streams.subscribe(StreamChannel.trade("SOL_USDC"), e -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Threads the service started ({@code bpx-stream-*}), and client threads working on a WebSocket (a
   * frame of {@code okhttp3.internal.ws} on the stack, none of MockWebServer's). Not OkHttp's shared
   * TaskRunner threads by name: an idle one keeps the name of the last task it ran (seen: "... writer
   * close" while parked in {@code TaskRunner.awaitTaskToRun}), and that pool is process-wide, not the
   * client's.
   */
  private List<String> ourThreads() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey().isAlive())
        .filter(entry -> entry.getKey().getName().startsWith("bpx-stream") || onClientWebSocket(entry.getValue()))
        .map(entry -> entry.getKey().getName())
        .toList();
  }

  private static boolean onClientWebSocket(StackTraceElement[] stack) {
    boolean webSocket = false;
    for (StackTraceElement element : stack) {
      if (element.getClassName().startsWith("mockwebserver3.")) {
        return false;
      }
      webSocket |= element.getClassName().startsWith("okhttp3.internal.ws.");
    }
    return webSocket;
  }

  private String stacks() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (ourThreads().contains(thread.getName())) {
        out.append(thread.getName()).append('\n');
        for (StackTraceElement element : stack) {
          out.append("  at ").append(element).append('\n');
        }
      }
    });
    return out.toString();
  }

  private static long lastTradeId(Recorder<TradeEvent> recorder) {
    return recorder.history.stream().filter(TradeEvent.class::isInstance).map(TradeEvent.class::cast)
        .mapToLong(TradeEvent::tradeId).max().orElse(-1);
  }

  static void block(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
