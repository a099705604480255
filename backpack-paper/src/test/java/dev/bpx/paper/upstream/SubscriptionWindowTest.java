package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.Await;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

  private ScriptedStreams streams;
  private PaperExchange up;

  @BeforeEach
  void start() throws Exception {
    streams = ScriptedStreams.running();
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
      assertThat(ScriptedStreams.id(frame)).as("SUBSCRIBE carries an id: %s", frame).isNotNull();
      if (answer) {
        ScriptedStreams.answer(socket, frame);
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

  /**
   * An upstream (or a loaded machine) slower than the ping interval: the timer's read comes first, then the price
   * moves before the upstream registers the streams and answers. The answers read once more (red when only the
   * first report of a socket started a read: the mark stayed old, as the trades did in a loaded CI run).
   */
  @Test
  void answersThatComeAfterThePingIntervalReadOnceMore() {
    java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      streams.onSubscribe = (socket, frame) -> later.schedule(() -> {
        up.setPrice("SOL_USDC_PERP", new BigDecimal("202.48"));
        ScriptedStreams.answer(socket, frame);
      }, 1500, TimeUnit.MILLISECONDS);
      try (UpstreamMirror m = UpstreamMirror.open(settings(URI.create(up.url()), Duration.ofMillis(300)))) {
        long took = Await.until("the mark that moved before the late answers", 6000, () -> mark(m).equals("202.48"));
        assertThat(took).as("read on the answers, not before").isGreaterThanOrEqualTo(1400);
      }
    } finally {
      later.shutdownNow();
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
    try (UpstreamProxy proxy = new UpstreamProxy(up.url())) {
      streams.onSubscribe = (socket, frame) -> {
        proxy.holdNext("/api/v1/markPrices");
        assertThat(ScriptedStreams.id(frame)).isNotNull();
        ScriptedStreams.answer(socket, frame);
      };
      try (UpstreamMirror m = UpstreamMirror.open(settings(proxy.url(), Duration.ofSeconds(60)))) {
        // The catch-up read has asked for the marks; the answer (the upstream's old mark) is held.
        assertThat(proxy.held.await(5, TimeUnit.SECONDS)).isTrue();
        streams.markPrice("SOL_USDC_PERP", "555.55");
        Await.until("the frame's mark", 5000, () -> mark(m).equals("555.55"));
        int interestReads = proxy.answered("/api/v1/openInterest");
        proxy.release.countDown();
        // Open interest is read right after the marks are applied: the catch-up is past them.
        Await.until("the catch-up read past the marks", 5000,
            () -> proxy.answered("/api/v1/openInterest") > interestReads);
        assertThat(mark(m)).as("the held REST answer, asked for before the frame, replaced it").isEqualTo("555.55");
      }
    }
  }
}
