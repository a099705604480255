package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.Await;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upstream whose gateway answers pings while no data comes (its engine stopped): the spec pushes every market's
 * ticker once a second, so streams silent for the silence limit count as stalled and the socket is reconnected.
 * The stream server is scripted (it answers pings and SUBSCRIBE frames, and sends what the test says); REST is a
 * real paper exchange.
 */
class StalledUpstreamTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private ScriptedStreams streams;
  private PaperExchange up;
  private final ScheduledExecutorService ticking = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() throws Exception {
    streams = ScriptedStreams.running();
    streams.onSubscribe = ScriptedStreams::answer;
    up = PaperExchange.builder().clock(PaperClock.fixed(T0)).start();
  }

  @AfterEach
  void stop() throws Exception {
    ticking.shutdownNow();
    up.close();
    streams.stop(1000);
  }

  private UpstreamMirror open() {
    return UpstreamMirror.open(UpstreamSettings.of(URI.create(up.url()), URI.create("ws://127.0.0.1:" + streams.getPort()))
        .withPingInterval(Duration.ofMillis(500)).withSilenceLimit(Duration.ofMillis(1500)));
  }

  @Test
  void streamsSilentPastTheLimitAreReconnectedAlthoughPongsCome() throws Exception {
    try (UpstreamMirror m = open()) {
      assertThat(streams.subscribed.await(5, TimeUnit.SECONDS)).isTrue();
      Await.until("a reconnect after 1.5 s of silence", 6000, () -> m.streamConnects() >= 2);
    }
  }

  @Test
  void streamsThatCarryDataAreKept() throws Exception {
    try (UpstreamMirror m = open()) {
      assertThat(streams.subscribed.await(5, TimeUnit.SECONDS)).isTrue();
      // A frame every 200 ms, like the spec's once-a-second tickers of several markets. (Pings every 500 ms: the
      // pong deadline, three pings, stays well above a loaded machine's pauses.)
      ticking.scheduleAtFixedRate(() -> streams.ticker("SOL_USDC", "150.00"), 0, 200, TimeUnit.MILLISECONDS);
      Thread.sleep(4500); // three silence limits: a wrong rule would have reconnected by now
      assertThat(m.streamConnects()).isEqualTo(1);
      assertThat(m.ticker("SOL_USDC").orElseThrow().lastPrice()).isEqualByComparingTo("150.00");
    }
  }
}
