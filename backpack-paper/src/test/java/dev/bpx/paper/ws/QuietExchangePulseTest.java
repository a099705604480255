package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quiet paper exchange with subscribers is not silent: while exchange time passes and nobody sends a request,
 * the pulse takes the walk's steps, so the ticker, the mark price, the one-second klines and the other
 * participants' trades arrive every second, as on the real exchange. It journals nothing, and the exchange
 * replayed from its journal is in the very state the live one reached (same state hash); the pulse's thread is
 * there only with a WebSocket side and is gone after close.
 */
class QuietExchangePulseTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

  @Test
  void timeMovesForSubscribersWithoutJournalingAndAReplayReachesTheSameState(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("paper.journal");
    PaperClock clock = PaperClock.fixed(T0);
    String liveHash;
    try (PaperExchange paper = PaperExchange.builder().clock(clock).stateFile(journal).fsync(false).webSocketPort(0)
        .start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      // A resting order near the touch: the maker's requotes around it are where a replay could diverge.
      String mid = paper.inspect(e -> e.markets().get("SOL_USDC").markPrice()).toPlainString();
      assertThat(http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"" + new java.math.BigDecimal(mid).subtract(new java.math.BigDecimal("0.05")).toPlainString()
          + "\",\"quantity\":\"1\"}").status()).isEqualTo(200);
      long journaled = Files.readAllLines(journal).size();

      List<Map<String, Object>> frames = new ArrayList<>();
      try (OkHttpWs ws = new OkHttpWs(paper.wsUrl())) {
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"ticker.SOL_USDC\",\"kline.1s.SOL_USDC\","
            + "\"markPrice.SOL_USDC_PERP\",\"trade.SOL_USDC\",\"depth.1000ms.SOL_USDC\"],\"id\":1}");
        assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
        assertThat(pulseThreads()).as("the pulse runs beside the WebSocket server").hasSize(1);
        for (int s = 1; s <= 6; s++) {
          clock.advance(Duration.ofSeconds(1)); // nobody asks the exchange anything
          long micros = (T0.toEpochMilli() + s * 1000L) * 1000;
          await(ws, frames, f -> f.get("stream").equals("ticker.SOL_USDC") && time(f) >= micros);
        }
      }
      long last = (T0.toEpochMilli() + 6000L) * 1000;
      assertThat(frames).as("the ticker, once a second").filteredOn(f -> f.get("stream").equals("ticker.SOL_USDC"))
          .extracting(QuietExchangePulseTest::time).contains(last - 5_000_000, last - 4_000_000, last - 3_000_000,
              last - 2_000_000, last - 1_000_000, last);
      assertThat(frames).as("closed one-second klines").filteredOn(f -> f.get("stream").equals("kline.1s.SOL_USDC")
          && Boolean.TRUE.equals(data(f).get("X"))).hasSizeGreaterThanOrEqualTo(5);
      assertThat(frames).as("the mark price").anyMatch(f -> f.get("stream").equals("markPrice.SOL_USDC_PERP"));
      assertThat(frames).as("the other participants' trades").anyMatch(f -> f.get("stream").equals("trade.SOL_USDC"));
      assertThat(Files.readAllLines(journal)).as("the pulse journals nothing").hasSize((int) journaled);

      paper.advance(Duration.ZERO); // one journaled command at the time reached: the replay's end point
      liveHash = paper.stateHash();
    }
    awaitNoPulseThread();
    try (PaperExchange replayed = PaperExchange.builder().clock(PaperClock.fixed(T0)).stateFile(journal).fsync(false)
        .start()) {
      assertThat(replayed.stateHash()).as("replayed from the journal").isEqualTo(liveHash);
    }
  }

  private static void await(OkHttpWs ws, List<Map<String, Object>> frames, Predicate<Map<String, Object>> match)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String text = ws.frames.poll(100, TimeUnit.MILLISECONDS);
      if (text != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) Json.parse(text);
        frames.add(f);
        if (match.test(f)) {
          return;
        }
      }
    }
    throw new AssertionError("no matching frame within 10 s; got " + frames.size());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> frame) {
    return (Map<String, Object>) frame.get("data");
  }

  private static long time(Map<String, Object> frame) {
    return ((Number) data(frame).get("E")).longValue();
  }

  private static List<Thread> pulseThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("paper-ws-pulse")).toList();
  }

  private static void awaitNoPulseThread() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!pulseThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pulseThreads()).as("no pulse thread after close").isEmpty();
  }
}
