package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.Await;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A missed depth delta: the upstream's REST is a real paper exchange, its stream a scripted server
 * that sends deltas with a gap. The mirror must not apply a delta after a gap, must reload the book
 * over REST, drop the buffered deltas the new snapshot already holds, and then follow the stream again.
 */
class DepthGapTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private static long restUpdateId(PaperExchange up) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(up.url() + "/api/v1/depth?symbol=SOL_USDC")).build(), HttpResponse.BodyHandlers.ofString());
    return Long.parseLong((String) ((Map<?, ?>) Json.parse(r.body())).get("lastUpdateId"));
  }

  private static boolean hasAsk(UpstreamMirror m, String price) {
    return m.book("SOL_USDC").orElseThrow().asks().stream().anyMatch(l -> l.price().compareTo(new BigDecimal(price)) == 0);
  }

  @Test
  void aGapReloadsTheBookOverRestAndTheStreamIsFollowedAgain() throws Exception {
    ScriptedStreams streams = ScriptedStreams.running();
    try (PaperExchange up = PaperExchange.builder().clock(PaperClock.fixed(T0)).controlApi(true).start();
         UpstreamMirror m = UpstreamMirror.open(UpstreamSettings.of(URI.create(up.url()),
             URI.create("ws://127.0.0.1:" + streams.getPort())).withPollInterval(Duration.ofMillis(200))
             .withPingInterval(Duration.ofSeconds(2)))) {
      assertThat(streams.subscribed.await(5, TimeUnit.SECONDS)).isTrue();
      long x = restUpdateId(up);
      Await.until("book at the REST snapshot", 5000, () -> m.book("SOL_USDC").orElseThrow().lastUpdateId() == x);

      // In sequence: applied.
      streams.depth("999.00", x + 1, x + 1);
      Await.until("the delta in sequence applied", 5000, () -> hasAsk(m, "999.00"));
      // A gap (x + 2 .. x + 4 never sent): not applied; the book is reloaded from REST (which knows no 999).
      streams.depth("998.00", x + 5, x + 5);
      Await.until("the book reloaded from REST", 5000, () -> !hasAsk(m, "999.00"));
      assertThat(hasAsk(m, "998.00")).isFalse();
      assertThat(m.book("SOL_USDC").orElseThrow().lastUpdateId()).isEqualTo(x);

      // The upstream moves on past the gap; the next reload holds the buffered delta, which is dropped,
      // and the deltas that follow the new snapshot apply again.
      up.setPrice("SOL_USDC", new BigDecimal("190.00"));
      long y = restUpdateId(up);
      assertThat(y).isGreaterThan(x + 5);
      Await.until("reloaded at the upstream's new id", 5000, () -> m.book("SOL_USDC").orElseThrow().lastUpdateId() == y);
      streams.depth("997.00", y + 1, y + 1);
      Await.until("following the stream again", 5000, () -> hasAsk(m, "997.00"));
      assertThat(m.book("SOL_USDC").orElseThrow().lastUpdateId()).isEqualTo(y + 1);
    } finally {
      streams.stop(1000);
    }
  }

  /**
   * The first delta after a connect that follows the book held applies at once: the book (and so the paper
   * exchange's REST depth) is never behind a frame the mirror already passed on, as it was while a reload the
   * delta did not need was in flight.
   */
  @Test
  void theFirstDeltaThatFollowsTheBookAppliesBeforeItIsPassedOn() throws Exception {
    ScriptedStreams streams = ScriptedStreams.running();
    try (PaperExchange up = PaperExchange.builder().clock(PaperClock.fixed(T0)).controlApi(true).start();
         UpstreamMirror m = UpstreamMirror.open(UpstreamSettings.of(URI.create(up.url()),
             URI.create("ws://127.0.0.1:" + streams.getPort())).withPingInterval(Duration.ofSeconds(30)))) {
      java.util.List<Long> bookIdsWhenPassedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
      m.onFrame((stream, data) -> bookIdsWhenPassedOn.add(m.book("SOL_USDC").orElseThrow().lastUpdateId()));
      assertThat(streams.subscribed.await(5, TimeUnit.SECONDS)).isTrue();
      long x = restUpdateId(up);
      assertThat(m.book("SOL_USDC").orElseThrow().lastUpdateId()).isEqualTo(x);
      streams.depth("999.00", x + 1, x + 1);
      Await.until("the delta passed on", 5000, () -> !bookIdsWhenPassedOn.isEmpty());
      assertThat(bookIdsWhenPassedOn.get(0)).as("the book's id when its delta was passed on").isEqualTo(x + 1);
      assertThat(hasAsk(m, "999.00")).isTrue();
    } finally {
      streams.stop(1000);
    }
  }
}
