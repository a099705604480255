package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.RecordedStreams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aggregated depth streams {@code depth.<200ms|600ms|1000ms>.<symbol>} against REST and against the realtime
 * stream. A client keeping a book from a REST {@code /api/v1/depth} snapshot and the aggregated frames (the spec's
 * {@code U}/{@code u} rule, absolute quantities) holds the REST book whenever a frame ends where a REST snapshot
 * was taken, and at the end. Each frame is the realtime deltas of one window of exchange time merged: its
 * {@code U}..{@code u} is exactly a run of consecutive realtime deltas, all with times in one window aligned to
 * the epoch, its {@code T} the last one's; windows only go forward, and a window without deltas sends nothing.
 */
class AggregatedDepthStreamTest {
  private static final String SYMBOL = "SOL_USDC";
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00.050Z");
  private static final Map<String, Long> WINDOWS = Map.of("200ms", 200L, "600ms", 600L, "1000ms", 1000L);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void framesAppliedToARestSnapshotGiveTheRestBookAndMergeOneWindowEach(long seed) throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    Random random = new Random(seed);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(seed)).start()) {
      List<PaperHttp> traders = List.of(new PaperHttp(paper.url(), SigningKey.generate(), clock),
          new PaperHttp(paper.url(), SigningKey.generate(), clock));
      paper.setPrice(SYMBOL, new BigDecimal("150.00"));
      RestBook first = RestBook.of(traders.get(0), SYMBOL);
      List<RestBook> checkpoints = new ArrayList<>();
      List<String[]> resting = new ArrayList<>(); // trader index, order id
      for (int step = 0; step < 150; step++) {
        int who = random.nextInt(2);
        PaperHttp t = traders.get(who);
        int op = random.nextInt(10);
        if (op < 6) {
          BigDecimal mid = paper.inspect(e -> e.markets().get(SYMBOL).markPrice());
          String side = random.nextBoolean() ? "Bid" : "Ask";
          BigDecimal price = mid.multiply(BigDecimal.valueOf(1 + (random.nextInt(101) - 50) / 10_000.0))
              .setScale(2, RoundingMode.HALF_EVEN);
          String qty = BigDecimal.valueOf(1 + random.nextInt(300), 2).toPlainString();
          PaperHttp.Reply r = t.post("/api/v1/order", "{\"symbol\":\"" + SYMBOL + "\",\"side\":\"" + side
              + "\",\"orderType\":\"Limit\",\"price\":\"" + price.toPlainString() + "\",\"quantity\":\"" + qty + "\"}");
          if (r.status() == 200 && "New".equals(r.object().get("status"))) {
            resting.add(new String[] {Integer.toString(who), (String) r.object().get("id")});
          }
        } else if (op < 8 && !resting.isEmpty()) {
          String[] o = resting.remove(random.nextInt(resting.size()));
          traders.get(Integer.parseInt(o[0])).delete("/api/v1/order",
              "{\"symbol\":\"" + SYMBOL + "\",\"orderId\":\"" + o[1] + "\"}");
        } else {
          // The book as it stands before time moves on: the window in progress ends with it.
          checkpoints.add(RestBook.of(t, SYMBOL));
          paper.advance(Duration.ofMillis(random.nextInt(1500)));
        }
      }
      checkpoints.add(RestBook.of(traders.get(0), SYMBOL));
      paper.advance(Duration.ofMillis(1_000)); // every window in progress has ended
      long lastId = checkpoints.get(checkpoints.size() - 1).updateId();
      for (String window : WINDOWS.keySet()) {
        // Events are handed over just after the answers are released, on the writer.
        rec.awaitFrame(f -> f.stream().equals("depth." + window + "." + SYMBOL) && n(f.data(), "u") >= lastId,
            Duration.ofSeconds(10));
      }

      List<Map<String, Object>> realtime = frames(rec, "depth." + SYMBOL);
      assertThat(realtime.size()).as("realtime deltas").isGreaterThan(100);
      for (Map.Entry<String, Long> window : WINDOWS.entrySet()) {
        String stream = "depth." + window.getKey() + "." + SYMBOL;
        List<Map<String, Object>> merged = frames(rec, stream);
        assertThat(merged.size()).as(stream).isGreaterThan(10).isLessThan(realtime.size());
        checkWindows(stream, window.getValue(), merged, realtime);
        checkBook(stream, first, checkpoints, merged);
      }
    }
  }

  /** Each frame = a run of consecutive realtime deltas of one window, merged; windows strictly increasing. */
  private static void checkWindows(String stream, long millis, List<Map<String, Object>> merged,
                                   List<Map<String, Object>> realtime) {
    int r = 0;
    long previousWindow = Long.MIN_VALUE;
    boolean someMerged = false;
    for (Map<String, Object> f : merged) {
      long from = n(f, "U");
      long to = n(f, "u");
      while (n(realtime.get(r), "u") < from) {
        r++;
      }
      assertThat(n(realtime.get(r), "U")).as("%s frame starts at a realtime delta", stream).isEqualTo(from);
      long window = Math.floorDiv(n(realtime.get(r), "T") / 1000, millis);
      assertThat(window).as("%s: one frame per window, in order", stream).isGreaterThan(previousWindow);
      TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
      TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
      int deltas = 0;
      long lastTime = 0;
      while (r < realtime.size() && n(realtime.get(r), "u") <= to) {
        Map<String, Object> d = realtime.get(r++);
        lastTime = n(d, "T");
        assertThat(Math.floorDiv(lastTime / 1000, millis)).as("%s: deltas of one window", stream).isEqualTo(window);
        put(bids, d.get("b"));
        put(asks, d.get("a"));
        deltas++;
      }
      assertThat(n(realtime.get(r - 1), "u")).as("%s frame ends at a realtime delta", stream).isEqualTo(to);
      assertThat(n(f, "T")).as("T is the last delta's").isEqualTo(lastTime);
      TreeMap<BigDecimal, BigDecimal> frameBids = new TreeMap<>();
      TreeMap<BigDecimal, BigDecimal> frameAsks = new TreeMap<>();
      put(frameBids, f.get("b"));
      put(frameAsks, f.get("a"));
      assertThat(frameBids).as("%s bids: each level's last quantity", stream).isEqualTo(bids);
      assertThat(frameAsks).as("%s asks: each level's last quantity", stream).isEqualTo(asks);
      someMerged |= deltas > 1;
      previousWindow = window;
    }
    assertThat(someMerged).as("%s merged several deltas at least once", stream).isTrue();
  }

  /** The spec's client: a REST snapshot, then the frames after it, equal to REST wherever they meet. */
  private static void checkBook(String stream, RestBook first, List<RestBook> checkpoints,
                                List<Map<String, Object>> merged) {
    TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(first.bids());
    TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>(first.asks());
    long u = first.updateId();
    int met = 0;
    for (Map<String, Object> d : merged) {
      long last = n(d, "u");
      if (last <= first.updateId()) {
        continue;
      }
      assertThat(n(d, "U")).as("%s U after u=%d", stream, u).isLessThanOrEqualTo(u + 1);
      if (u > first.updateId()) {
        assertThat(n(d, "U")).as("%s: no gap, no overlap", stream).isEqualTo(u + 1);
      }
      RestBook.apply(bids, d.get("b"));
      RestBook.apply(asks, d.get("a"));
      u = last;
      for (RestBook c : checkpoints) {
        if (c.updateId() == u) {
          assertThat(bids).as("%s bids at %d", stream, u).isEqualTo(c.bids());
          assertThat(asks).as("%s asks at %d", stream, u).isEqualTo(c.asks());
          met++;
        }
      }
    }
    RestBook end = checkpoints.get(checkpoints.size() - 1);
    assertThat(u).as("%s reaches the last REST snapshot", stream).isEqualTo(end.updateId());
    assertThat(met).as("%s checkpoints met", stream).isGreaterThan(5);
  }

  private static List<Map<String, Object>> frames(RecordedStreams rec, String stream) {
    return rec.frames().stream().filter(f -> f.stream().equals(stream)).map(RecordedStreams.Frame::data).toList();
  }

  private static long n(Map<String, Object> d, String key) {
    return ((Number) d.get(key)).longValue();
  }

  /** Records each level's last quantity, zeros included (a merge, not a book). */
  private static void put(TreeMap<BigDecimal, BigDecimal> side, Object levels) {
    for (Object level : (List<?>) levels) {
      List<?> pq = (List<?>) level;
      side.put(new BigDecimal((String) pq.get(0)).stripTrailingZeros(),
          new BigDecimal((String) pq.get(1)).stripTrailingZeros());
    }
  }
}
