package dev.bpx.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The maintained book: REST snapshot plus depth deltas by the spec's update-id rule, resync from REST on
 * a gap, a crossed book or a reconnect, and the state flag that says when it is not live.
 */
class OrderBookStreamTest {
  private StreamTestServer server;
  private BackpackClient client;
  private final Recorder<OrderBook> books = new Recorder<>();

  @BeforeEach
  void start() throws Exception {
    server = new StreamTestServer();
    client = BackpackClient.builder().baseUrl(server.restUrl())
        .streams(StreamSettings.builder().url(server.wsUrl())
            .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build())
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** A REST depth body: bids ascending as Backpack sends them (best bid last). */
  private void snapshot(long lastUpdateId, String bids, String asks) {
    server.depthBody = () -> "{\"asks\":" + asks + ",\"bids\":" + bids + ",\"lastUpdateId\":\"" + lastUpdateId
        + "\",\"timestamp\":1700000000000000}";
  }

  private static String delta(long first, long last, String bids, String asks) {
    return "{\"e\":\"depth\",\"E\":1700000000000001,\"s\":\"SOL_USDC\",\"a\":" + asks + ",\"b\":" + bids
        + ",\"U\":" + first + ",\"u\":" + last + ",\"T\":1700000000000001}";
  }

  private OrderBook awaitBook(Predicate<OrderBook> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      OrderBook book = books.items.poll(100, TimeUnit.MILLISECONDS) instanceof OrderBook b ? b : null;
      if (book != null && condition.test(book)) {
        return book;
      }
    }
    throw new AssertionError("no matching book within 10 s; history " + books.history);
  }

  private void awaitDepthRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.depthRequests.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(server.depthRequests.get()).isEqualTo(count);
  }

  private static PriceLevel level(String price, String quantity) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(quantity));
  }

  @Test
  void snapshotPlusContiguousDeltasGiveALiveBookAndAGapResyncsFromRest() throws Exception {
    snapshot(10, "[[\"98\",\"2\"],[\"99\",\"1\"]]", "[[\"101\",\"1\"],[\"102\",\"2\"]]");
    OrderBookSubscription subscription = client.streams().orderBook("SOL_USDC", books);
    StreamTestServer.Connection connection = server.awaitConnection();
    assertThat(connection.awaitFrame()).contains("depth.SOL_USDC");
    assertThat(subscription.book().state()).isEqualTo(OrderBook.BookState.RESYNCING);

    connection.send("depth.SOL_USDC", delta(9, 10, "[[\"97\",\"5\"]]", "[]")); // inside the snapshot: skipped
    connection.send("depth.SOL_USDC", delta(11, 11, "[[\"99\",\"3\"]]", "[]"));
    OrderBook live = awaitBook(b -> b.isLive() && b.lastUpdateId() == 11);
    assertThat(live.bids()).containsExactly(level("99", "3"), level("98", "2"));
    assertThat(live.asks()).containsExactly(level("101", "1"), level("102", "2"));
    assertThat(server.depthRequests.get()).isEqualTo(1);

    // u jumps from 11 to U=15: updates 12-14 were missed.
    snapshot(15, "[[\"98\",\"2\"],[\"99\",\"3\"]]", "[[\"102\",\"2\"]]");
    connection.send("depth.SOL_USDC", delta(15, 15, "[]", "[[\"101\",\"0\"]]"));
    StreamStatus.Resync gap = books.await(StreamStatus.Resync.class);
    assertThat(gap.cause()).isEqualTo(StreamStatus.ResyncCause.GAP);
    assertThat(gap.detail()).contains("u=11").contains("U=15");
    connection.send("depth.SOL_USDC", delta(16, 16, "[[\"100\",\"1\"]]", "[]"));
    OrderBook resynced = awaitBook(b -> b.isLive() && b.lastUpdateId() == 16);
    assertThat(resynced.bids()).containsExactly(level("100", "1"), level("99", "3"), level("98", "2"));
    assertThat(resynced.asks()).containsExactly(level("102", "2"));
    assertThat(server.depthRequests.get()).isEqualTo(2);
    assertThat(subscription.book()).isEqualTo(resynced);
  }

  @Test
  void aSnapshotOlderThanTheFirstDeltaIsReadAgain() throws Exception {
    snapshot(5, "[[\"99\",\"1\"]]", "[[\"101\",\"1\"]]");
    client.streams().orderBook("SOL_USDC", books);
    StreamTestServer.Connection connection = server.awaitConnection();
    connection.awaitFrame();
    connection.send("depth.SOL_USDC", delta(8, 9, "[[\"99\",\"2\"]]", "[]")); // 6-7 are in neither
    awaitDepthRequests(1);
    snapshot(9, "[[\"99\",\"2\"]]", "[[\"101\",\"1\"]]");
    connection.send("depth.SOL_USDC", delta(10, 10, "[[\"98\",\"4\"]]", "[]"));
    OrderBook live = awaitBook(OrderBook::isLive);
    assertThat(live.lastUpdateId()).isEqualTo(10);
    assertThat(live.bids()).containsExactly(level("99", "2"), level("98", "4"));
    assertThat(server.depthRequests.get()).isEqualTo(2);
  }

  @Test
  void aCrossedBookIsNeverServedAsLiveAndResyncs() throws Exception {
    snapshot(1, "[[\"99\",\"1\"]]", "[[\"101\",\"1\"]]");
    OrderBookSubscription subscription = client.streams().orderBook("SOL_USDC", books);
    StreamTestServer.Connection connection = server.awaitConnection();
    connection.awaitFrame();
    connection.send("depth.SOL_USDC", delta(2, 2, "[[\"100\",\"1\"]]", "[]"));
    awaitBook(b -> b.isLive() && b.lastUpdateId() == 2);

    connection.send("depth.SOL_USDC", delta(3, 3, "[]", "[[\"99.5\",\"1\"]]")); // ask below the best bid
    StreamStatus.Resync crossed = books.await(StreamStatus.Resync.class);
    assertThat(crossed.cause()).isEqualTo(StreamStatus.ResyncCause.CROSSED);
    assertThat(subscription.book().state()).isEqualTo(OrderBook.BookState.RESYNCING);
    assertThat(books.history).filteredOn(OrderBook.class::isInstance).map(OrderBook.class::cast)
        .filteredOn(OrderBook::isLive)
        .allSatisfy(b -> assertThat(b.bestBid().get().price()).isLessThan(b.bestAsk().get().price()));
  }

  @Test
  void aDisconnectMarksTheBookAndTheReconnectResyncsIt() throws Exception {
    snapshot(1, "[[\"99\",\"1\"]]", "[[\"101\",\"1\"]]");
    OrderBookSubscription subscription = client.streams().orderBook("SOL_USDC", books);
    StreamTestServer.Connection first = server.awaitConnection();
    first.awaitFrame();
    first.send("depth.SOL_USDC", delta(2, 2, "[[\"100\",\"1\"]]", "[]"));
    awaitBook(b -> b.isLive() && b.lastUpdateId() == 2);

    first.goAway();
    awaitBook(b -> b.state() == OrderBook.BookState.DISCONNECTED);
    StreamTestServer.Connection second = server.awaitConnection();
    assertThat(second.awaitFrame()).contains("depth.SOL_USDC");
    assertThat(books.await(StreamStatus.Resync.class).cause()).isEqualTo(StreamStatus.ResyncCause.RECONNECT);
    snapshot(40, "[[\"97\",\"1\"]]", "[[\"103\",\"1\"]]");
    second.send("depth.SOL_USDC", delta(41, 41, "[[\"98\",\"1\"]]", "[]"));
    OrderBook live = awaitBook(b -> b.isLive() && b.lastUpdateId() == 41);
    assertThat(live.bids()).containsExactly(level("98", "1"), level("97", "1"));
    assertThat(subscription.book().isLive()).isTrue();
  }

  @Test
  void rawDepthDeltasCanAlsoBeSubscribedDirectly() throws Exception {
    Recorder<DepthEvent> deltas = new Recorder<>();
    client.streams().subscribe(StreamChannel.depth(StreamChannel.DepthAggregation.MS_200, "SOL_USDC"), deltas);
    StreamTestServer.Connection connection = server.awaitConnection();
    assertThat(connection.awaitFrame()).contains("depth.200ms.SOL_USDC");
    connection.send("depth.200ms.SOL_USDC", delta(3, 4, "[[\"99\",\"0\"]]", "[]"));
    DepthEvent event = deltas.await(DepthEvent.class);
    assertThat(event.firstUpdateId()).isEqualTo(3);
    assertThat(event.bids()).containsExactly(level("99", "0"));
    assertThat(List.of(event.lastUpdateId())).containsExactly(4L);
  }
}
