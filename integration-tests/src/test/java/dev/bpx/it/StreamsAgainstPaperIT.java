package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.client.stream.OrderBook;
import dev.bpx.client.stream.OrderBookSubscription;
import dev.bpx.client.stream.OrderUpdateEvent;
import dev.bpx.client.stream.StreamChannel;
import dev.bpx.client.stream.StreamSettings;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's streams against the paper exchange's WebSocket, end to end over real sockets: orders placed
 * over REST come back as {@code account.orderUpdate} events, and the order book the client maintains from a
 * REST snapshot and {@code depth} deltas is the REST book.
 */
class StreamsAgainstPaperIT {
  private static final String SYMBOL = "SOL_USDC";

  private PaperExchange paper;
  private BackpackClient client;
  private final BlockingQueue<OrderUpdateEvent> updates = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    paper = PaperExchange.builder().clock(PaperClock.system()).webSocketPort(0).start();
    client = BackpackClient.builder().baseUrl(paper.url()).signingKey(SigningKey.generate())
        .streams(StreamSettings.builder().url(paper.wsUrl()).build()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    paper.close();
  }

  @Test
  void ordersPlacedOverRestComeBackAsOrderUpdates() throws Exception {
    client.streams().subscribe(StreamChannel.orderUpdates(), updates::add);
    awaitSubscription();

    Order market = client.orders().place(OrderRequest.marketByQuantity(SYMBOL, Side.BID, new BigDecimal("0.10")).build());
    OrderUpdateEvent accepted = next(market.id());
    assertThat(accepted).isInstanceOf(OrderUpdateEvent.Accepted.class);
    OrderUpdateEvent filled = next(market.id());
    assertThat(filled).isInstanceOf(OrderUpdateEvent.Filled.class);
    OrderUpdateEvent.Filled fill = (OrderUpdateEvent.Filled) filled;
    assertThat(fill.fill().quantity()).isEqualByComparingTo("0.10");
    assertThat(fill.fill().maker()).isFalse();
    assertThat(fill.order().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(fill.order().executedQuantity()).isEqualByComparingTo(market.executedQuantity());

    Order resting = client.orders().place(OrderRequest.limit(SYMBOL, Side.BID, new BigDecimal("1"), farBelow()).build());
    assertThat(next(resting.id())).isInstanceOf(OrderUpdateEvent.Accepted.class);
    client.orders().cancel(SYMBOL, resting.id());
    OrderUpdateEvent cancelled = next(resting.id());
    assertThat(cancelled).isInstanceOf(OrderUpdateEvent.Cancelled.class);
    assertThat(((OrderUpdateEvent.Cancelled) cancelled).order().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void theBookMaintainedFromTheStreamIsTheRestBook() throws Exception {
    OrderBookSubscription book = client.streams().orderBook(SYMBOL);
    // Order flow that changes the book: resting orders at new levels, a trade through the maker's levels.
    client.orders().place(OrderRequest.limit(SYMBOL, Side.BID, new BigDecimal("2"), farBelow()).build());
    client.orders().place(OrderRequest.marketByQuantity(SYMBOL, Side.BID, new BigDecimal("3")).build());
    client.orders().place(OrderRequest.limit(SYMBOL, Side.ASK, new BigDecimal("1.5"), farBelow().multiply(new BigDecimal("3"))
        .setScale(2, RoundingMode.HALF_EVEN)).build());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      // A REST read may itself move time (walk steps, requotes): compare only at the same update id.
      Depth rest = client.markets().getDepth(SYMBOL, 1000);
      long restId = Long.parseLong(rest.lastUpdateId());
      OrderBook local = awaitBookAt(book, restId, deadline);
      if (local.lastUpdateId() == restId) {
        assertThat(local.isLive()).isTrue();
        assertThat(levels(local.bids())).isEqualTo(levels(rest.bids()));
        assertThat(levels(local.asks())).isEqualTo(levels(rest.asks()));
        assertThat(local.bids()).as("bids in the book").isNotEmpty();
        return;
      }
      assertThat(System.nanoTime()).as("the stream's book reached a REST snapshot's update id").isLessThan(deadline);
    }
  }

  /** Waits until the book is live at or past {@code id}; {@return it} */
  private static OrderBook awaitBookAt(OrderBookSubscription book, long id, long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      OrderBook b = book.book();
      if (b.isLive() && b.lastUpdateId() >= id) {
        return b;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("book not live at update " + id + ": " + book.book().state() + " " + book.book().lastUpdateId());
  }

  /** Levels by price value (the client and REST may differ in trailing zeros only), best first. */
  private static List<String> levels(List<PriceLevel> side) {
    return side.stream().sorted((a, b) -> a.price().compareTo(b.price()))
        .map(l -> l.price().stripTrailingZeros().toPlainString() + "@" + l.quantity().stripTrailingZeros().toPlainString())
        .toList();
  }

  /**
   * The server acknowledges nothing on success without an id, so prove the subscription is live: place
   * far-off probe orders until one's {@code orderAccepted} arrives, then forget the probes' events.
   */
  private void awaitSubscription() throws InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      Order probe = client.orders().place(OrderRequest.limit(SYMBOL, Side.BID, new BigDecimal("1"), farBelow()).build());
      OrderUpdateEvent e = updates.poll(500, TimeUnit.MILLISECONDS);
      client.orders().cancel(SYMBOL, probe.id());
      if (e != null) {
        Thread.sleep(200);
        updates.clear();
        return;
      }
    }
    throw new AssertionError("account.orderUpdate never delivered a probe order's event");
  }

  private OrderUpdateEvent next(String orderId) throws InterruptedException {
    while (true) {
      OrderUpdateEvent e = updates.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("an order update for %s within 10 s", orderId).isNotNull();
      if (orderId.equals(orderIdOf(e))) {
        return e;
      }
    }
  }

  private static String orderIdOf(OrderUpdateEvent e) {
    if (e instanceof OrderUpdateEvent.Accepted a) {
      return a.order().orderId();
    } else if (e instanceof OrderUpdateEvent.Filled f) {
      return f.order().orderId();
    } else if (e instanceof OrderUpdateEvent.Cancelled c) {
      return c.order().orderId();
    } else if (e instanceof OrderUpdateEvent.Expired x) {
      return x.order().orderId();
    }
    return null;
  }

  private BigDecimal farBelow() {
    BigDecimal last = client.markets().getTicker(SYMBOL).orElseThrow().lastPrice();
    // Far enough not to fill, inside the price band (at least 0.5 x the last price).
    return last.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_EVEN);
  }
}
