package dev.bpx.paper.upstream;

import dev.bpx.paper.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window between the mirror's reads at open and the upstream registering its subscriptions: a mark price
 * moves in it and no frame reports it. The upstream's REST is a real paper exchange, its stream a scripted
 * server that moves the price while it takes the SUBSCRIBE frames, before it answers them.
 */
class SubscriptionWindowTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private ScriptedStreams streams;
  private PaperExchange up;

  @BeforeEach
  void start() throws Exception {
    streams = new ScriptedStreams();
    streams.start();
    assertThat(streams.started.await(5, TimeUnit.SECONDS)).isTrue();
    up = PaperExchange.builder().clock(PaperClock.fixed(T0)).start();
  }

  @AfterEach
  void stop() throws Exception {
    up.close();
    streams.stop(1000);
  }

  private UpstreamSettings settings(URI rest, Duration ping) {
    return UpstreamSettings.of(rest, URI.create("ws://127.0.0.1:" + streams.getPort())).withPingInterval(ping);
  }

  private static String mark(UpstreamMirror m) {
    return m.markPrice("SOL_USDC_PERP").map(p -> p.markPrice().toPlainString()).orElse("none");
  }

  /** Moves the upstream's perp mark as the subscriptions arrive; answers them if {@code answer}. */
  private void moveWhileSubscribing(String price, boolean answer) {
    streams.onSubscribe = (socket, frame) -> {
      up.setPrice("SOL_USDC_PERP", new BigDecimal(price));
      Matcher id = ID.matcher(frame);
      assertThat(id.find()).as("SUBSCRIBE carries an id: %s", frame).isTrue();
      if (answer) {
        socket.send("{\"id\":" + id.group(1) + ",\"result\":null}");
      }
    };
  }

  @Test
  void aMarkThatMovedBeforeTheUpstreamAnsweredTheSubscriptionsIsReadWhenItDoes() {
    moveWhileSubscribing("201.37", true);
    // Pings far apart: only the answer can start the catch-up read within the wait below.
    try (UpstreamMirror m = UpstreamMirror.open(settings(URI.create(up.url()), Duration.ofSeconds(60)))) {
      assertThat(mark(m)).isNotEqualTo("201.37");
      Await.until("the mark that moved in the window", 5000, () -> mark(m).equals("201.37"));
    }
  }

  @Test
  void anUpstreamThatNeverAnswersSubscriptionsIsReadOncePingIntervalAfterThem() {
    moveWhileSubscribing("201.37", false);
    try (UpstreamMirror m = UpstreamMirror.open(settings(URI.create(up.url()), Duration.ofSeconds(1)))) {
      long took = Await.until("the mark that moved in the window", 5000, () -> mark(m).equals("201.37"));
      assertThat(took).isGreaterThanOrEqualTo(500);
    }
  }

  @Test
  void aRestAnswerAskedForBeforeAStreamFrameDoesNotReplaceIt() throws Exception {
    try (HoldingProxy proxy = new HoldingProxy(up.url())) {
      streams.onSubscribe = (socket, frame) -> {
        proxy.holdNextMarks.set(true);
        Matcher id = ID.matcher(frame);
        assertThat(id.find()).isTrue();
        socket.send("{\"id\":" + id.group(1) + ",\"result\":null}");
      };
      try (UpstreamMirror m = UpstreamMirror.open(settings(proxy.url(), Duration.ofSeconds(60)))) {
        // The catch-up read has asked for the marks; the answer (the upstream's old mark) is held.
        assertThat(proxy.marksHeld.await(5, TimeUnit.SECONDS)).isTrue();
        streams.markPrice("SOL_USDC_PERP", "555.55");
        Await.until("the frame's mark", 5000, () -> mark(m).equals("555.55"));
        int interestReads = proxy.openInterestReads.get();
        proxy.release.countDown();
        // Open interest is read right after the marks are applied: the catch-up is past them.
        Await.until("the catch-up read past the marks", 5000, () -> proxy.openInterestReads.get() > interestReads);
        assertThat(mark(m)).as("the held REST answer, asked for before the frame, replaced it").isEqualTo("555.55");
      }
    }
  }

  /** The upstream's REST behind a proxy that can hold one {@code /api/v1/markPrices} answer. */
  private static final class HoldingProxy implements AutoCloseable {
    final AtomicBoolean holdNextMarks = new AtomicBoolean();
    final CountDownLatch marksHeld = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger openInterestReads = new AtomicInteger();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    HoldingProxy(String target) throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.createContext("/", exchange -> {
        try {
          URI uri = exchange.getRequestURI();
          HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(target + uri)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          if (uri.getPath().equals("/api/v1/markPrices") && holdNextMarks.compareAndSet(true, false)) {
            marksHeld.countDown();
            release.await(10, TimeUnit.SECONDS);
          }
          if (uri.getPath().equals("/api/v1/openInterest")) {
            openInterestReads.incrementAndGet();
          }
          exchange.getResponseHeaders().set("Content-Type",
              answer.headers().firstValue("Content-Type").orElse("application/json"));
          exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.sendResponseHeaders(503, -1);
        } finally {
          exchange.close();
        }
      });
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      release.countDown();
      server.stop(0);
    }
  }
}
