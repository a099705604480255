package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.RecordedStreams;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code kline.1s.<symbol>} and REST {@code /api/v1/klines?interval=1s} (the OpenAPI spec's {@code KlineInterval}
 * lists {@code 1s}): while the walk steps and the user and the other participants trade, every second that ended
 * is sent once with {@code X: true}, equal to REST's kline of that second, and holds exactly the trades the
 * {@code trade} stream sent with times in that second (count, volume, prices within high and low); the last kline
 * in progress is REST's current one.
 */
class SecondKlineStreamTest {
  private static final String SYMBOL = "SOL_USDC";
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00.300Z");

  @Test
  void closedSecondsAreRestsOneSecondKlinesAndHoldTheTradeStreamsTrades() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    Random random = new Random(3);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(9)).start()) {
      PaperHttp trader = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      for (int i = 0; i < 60; i++) {
        if (random.nextBoolean()) {
          trader.post("/api/v1/order", "{\"symbol\":\"" + SYMBOL + "\",\"side\":\"" + (random.nextBoolean() ? "Bid" : "Ask")
              + "\",\"orderType\":\"Market\",\"quantity\":\"0.10\"}");
        }
        // Sub-second steps and jumps over several seconds at once.
        paper.advance(Duration.ofMillis(100 + random.nextInt(2_400)));
      }
      trader.post("/api/v1/order", "{\"symbol\":\"" + SYMBOL + "\",\"side\":\"Bid\",\"orderType\":\"Market\","
          + "\"quantity\":\"0.10\"}");
      long nowMillis = clock.millis();
      awaitTheLastOrdersFrames(rec, nowMillis);

      List<Map<String, Object>> klines = frames(rec, "kline.1s." + SYMBOL);
      List<Map<String, Object>> closed = klines.stream().filter(k -> Boolean.TRUE.equals(k.get("X"))).toList();
      long lastClosed = start(closed.get(closed.size() - 1));
      assertThat(start(closed.get(0))).as("from the first second after birth").isLessThanOrEqualTo(T0.toEpochMilli() + 1000);
      for (int i = 1; i < closed.size(); i++) {
        assertThat(start(closed.get(i))).as("every second once, in order").isEqualTo(start(closed.get(i - 1)) + 1000);
      }

      TreeMap<Long, List<Map<String, Object>>> tradesBySecond = new TreeMap<>();
      for (Map<String, Object> t : frames(rec, "trade." + SYMBOL)) {
        long second = Math.floorDiv(((Number) t.get("T")).longValue() / 1000, 1000) * 1000;
        tradesBySecond.computeIfAbsent(second, s -> new ArrayList<>()).add(t);
      }
      assertThat(tradesBySecond.headMap(lastClosed, true)).as("trades in the closed seconds").hasSizeGreaterThan(20);
      int userTrades = 0;
      for (Map<String, Object> k : closed) {
        List<Map<String, Object>> trades = tradesBySecond.getOrDefault(start(k), List.of());
        String what = "1s kline at " + k.get("t");
        assertThat(((Number) k.get("n")).longValue()).as(what + " trades").isEqualTo(trades.size());
        BigDecimal volume = trades.stream().map(t -> new BigDecimal((String) t.get("q"))).reduce(BigDecimal.ZERO,
            BigDecimal::add);
        assertThat(new BigDecimal((String) k.get("v"))).as(what + " volume").isEqualByComparingTo(volume);
        for (Map<String, Object> t : trades) {
          BigDecimal p = new BigDecimal((String) t.get("p"));
          assertThat(p).as(what + " trade price within").isBetween(new BigDecimal((String) k.get("l")),
              new BigDecimal((String) k.get("h")));
          userTrades += t.containsKey("b") ? 1 : 0;
        }
        assertSameAsRest(trader, k);
      }
      assertThat(userTrades).as("the user's own trades are in the seconds too").isPositive();
      for (long second : tradesBySecond.headMap(lastClosed, true).keySet()) {
        assertThat(closed).as("a closed kline for the trades at %d", second).anyMatch(k -> start(k) == second);
      }

      Map<String, Object> current = klines.get(klines.size() - 1);
      assertThat(current.get("X")).isEqualTo(false);
      assertThat(start(current)).isEqualTo(nowMillis - Math.floorMod(nowMillis, 1000));
      assertSameAsRest(trader, current);
    }
  }

  /**
   * Waits for the frames of the last order: its trade (with order ids, at {@code nowMillis}) and, handed over in
   * the same batch after it, the market data it moved, which ends with the ticker. An earlier frame at the same
   * time (the walk step of the last {@code advance}) is not enough: the order's batch may still be on its way.
   */
  private static void awaitTheLastOrdersFrames(RecordedStreams rec, long nowMillis) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<RecordedStreams.Frame> frames = rec.frames();
      int trade = -1;
      for (int i = 0; i < frames.size(); i++) {
        Map<String, Object> d = frames.get(i).data();
        if (frames.get(i).stream().equals("trade." + SYMBOL) && d.containsKey("b")
            && ((Number) d.get("T")).longValue() == nowMillis * 1000) {
          trade = i;
        }
      }
      if (trade >= 0) {
        for (int i = trade + 1; i < frames.size(); i++) {
          if (frames.get(i).stream().equals("ticker." + SYMBOL)) {
            return;
          }
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the last order's frames did not arrive within 10 s");
  }

  private static long start(Map<String, Object> kline) {
    return RestKlines.streamTime(kline.get("t"));
  }

  private static List<Map<String, Object>> frames(RecordedStreams rec, String stream) {
    return rec.frames().stream().filter(f -> f.stream().equals(stream)).map(RecordedStreams.Frame::data).toList();
  }

  private static void assertSameAsRest(PaperHttp trader, Map<String, Object> k) {
    assertThat(RestKlines.streamTime(k.get("T"))).isEqualTo(start(k) + 1000);
    RestKlines.assertSameAsRest(trader, SYMBOL, "1s", k);
  }
}
