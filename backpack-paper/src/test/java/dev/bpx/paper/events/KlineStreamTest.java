package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.RecordedStreams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kline.<interval>.<symbol>} for the intervals longer than a minute: while time passes (the living
 * market's prints and the user's trades fill the candles), the last kline sent for each interval's current
 * window is REST {@code /api/v1/klines}' kline of the same window, field for field; and a window that ended
 * was sent once more with {@code X: true}, again equal to REST's.
 */
class KlineStreamTest {
  private static final String SYMBOL = "SOL_USDC";
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:30Z");
  private static final List<String> CHECKED = List.of("3m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1month");

  @Test
  void eachIntervalsKlineIsRestsKlineOfTheSameWindowAndAnEndedWindowIsSentClosed() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(5)).start()) {
      PaperHttp trader = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      for (int i = 0; i < 14; i++) { // 14 x 47 s: past the 12:03, 12:06 ... and 12:05, 12:10 boundaries
        trader.post("/api/v1/order", "{\"symbol\":\"" + SYMBOL + "\",\"side\":\"" + (i % 2 == 0 ? "Bid" : "Ask")
            + "\",\"orderType\":\"Market\",\"quantity\":\"0.10\"}");
        paper.advance(Duration.ofSeconds(47));
      }
      trader.get("/api/v1/ticker?symbol=" + SYMBOL); // a last command: the feed publishes after it
      long nowMillis = clock.millis();
      rec.awaitFrame(f -> f.stream().equals("kline.1month." + SYMBOL)
          && RestKlines.streamTime(f.data().get("t")) <= nowMillis
          && ((Number) f.data().get("E")).longValue() >= (nowMillis - 1) * 1000, Duration.ofSeconds(10));

      for (String interval : CHECKED) {
        List<RecordedStreams.Frame> frames = rec.frames().stream()
            .filter(f -> f.stream().equals("kline." + interval + "." + SYMBOL)).toList();
        assertThat(frames).as(interval).isNotEmpty();
        Map<String, Object> last = frames.get(frames.size() - 1).data();
        assertThat(last.get("X")).as(interval).isEqualTo(false);
        RestKlines.assertSameAsRest(trader, SYMBOL, interval, last);
      }
      for (String interval : List.of("3m", "5m")) {
        List<Map<String, Object>> closed = rec.frames().stream()
            .filter(f -> f.stream().equals("kline." + interval + "." + SYMBOL))
            .map(RecordedStreams.Frame::data).filter(d -> Boolean.TRUE.equals(d.get("X"))).toList();
        assertThat(closed).as("ended %s windows, each sent closed once", interval).hasSizeGreaterThanOrEqualTo(2)
            .extracting(d -> d.get("t")).doesNotHaveDuplicates();
        for (Map<String, Object> k : closed) {
          RestKlines.assertSameAsRest(trader, SYMBOL, interval, k);
        }
      }
    }
  }
}
