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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec's rule for {@code depth.<symbol>}, as a client applies it: a REST {@code /api/v1/depth} snapshot
 * (its {@code lastUpdateId} S), then the deltas after it, the first with {@code U <= S + 1 <= u}, each next one
 * with {@code U == previous u + 1}, each level's quantity absolute (zero removes it). After random order flow
 * (seeded: resting, crossing and cancelled orders of two accounts, time passing through walk steps and
 * requotes, price jumps), the book so maintained is exactly the REST book at every REST snapshot taken on
 * the way, and at the end; and the last {@code bookTicker} is the REST book's top.
 */
class DepthStreamTest {
  private static final String SYMBOL = "SOL_USDC";
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void deltasAppliedToARestSnapshotGiveTheRestBook(long seed) throws Exception {
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
        if (op < 5) {
          BigDecimal mid = mid(paper);
          String side = random.nextBoolean() ? "Bid" : "Ask";
          // Within ±0.5 % of the mid: some rest, some cross the maker and trade.
          BigDecimal price = mid.multiply(BigDecimal.valueOf(1 + (random.nextInt(101) - 50) / 10_000.0))
              .setScale(2, java.math.RoundingMode.HALF_EVEN);
          String qty = BigDecimal.valueOf(1 + random.nextInt(300), 2).toPlainString();
          PaperHttp.Reply r = t.post("/api/v1/order", "{\"symbol\":\"" + SYMBOL + "\",\"side\":\"" + side
              + "\",\"orderType\":\"Limit\",\"price\":\"" + price.toPlainString() + "\",\"quantity\":\"" + qty + "\"}");
          if (r.status() == 200 && "New".equals(r.object().get("status"))) {
            resting.add(new String[] {Integer.toString(who), (String) r.object().get("id")});
          }
        } else if (op < 7 && !resting.isEmpty()) {
          String[] o = resting.remove(random.nextInt(resting.size()));
          traders.get(Integer.parseInt(o[0])).delete("/api/v1/order",
              "{\"symbol\":\"" + SYMBOL + "\",\"orderId\":\"" + o[1] + "\"}");
        } else if (op < 9) {
          paper.advance(Duration.ofMillis(random.nextInt(4000)));
        } else {
          paper.setPrice(SYMBOL, mid(paper).multiply(BigDecimal.valueOf(1 + (random.nextInt(61) - 30) / 10_000.0))
              .setScale(2, java.math.RoundingMode.HALF_EVEN));
        }
        if (step % 25 == 24) {
          checkpoints.add(RestBook.of(t, SYMBOL));
        }
      }
      checkpoints.add(RestBook.of(traders.get(0), SYMBOL));

      long lastId = checkpoints.get(checkpoints.size() - 1).updateId();
      rec.awaitFrame(f -> f.stream().equals("depth." + SYMBOL) && ((Number) f.data().get("u")).longValue() >= lastId,
          Duration.ofSeconds(10));
      List<Map<String, Object>> deltas = rec.frames().stream().filter(f -> f.stream().equals("depth." + SYMBOL))
          .map(RecordedStreams.Frame::data).toList();
      assertThat(deltas.size()).as("depth events").isGreaterThan(100);

      // Replay as a client does.
      TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(first.bids());
      TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>(first.asks());
      long u = first.updateId();
      int next = 0;
      for (Map<String, Object> d : deltas) {
        long U = ((Number) d.get("U")).longValue();
        long last = ((Number) d.get("u")).longValue();
        assertThat(last).as("u >= U").isGreaterThanOrEqualTo(U);
        if (last <= first.updateId()) {
          continue; // before the snapshot
        }
        assertThat(U).as("U after u=%d", u).isLessThanOrEqualTo(u + 1);
        if (u > first.updateId()) {
          assertThat(U).as("no gap, no overlap after the first").isEqualTo(u + 1);
        }
        RestBook.apply(bids, d.get("b"));
        RestBook.apply(asks, d.get("a"));
        u = last;
        while (next < checkpoints.size() && checkpoints.get(next).updateId() <= u) {
          RestBook c = checkpoints.get(next++);
          assertThat(c.updateId()).as("a REST snapshot's lastUpdateId is some event's u").isEqualTo(u);
          assertThat(bids).as("bids at %d", u).isEqualTo(c.bids());
          assertThat(asks).as("asks at %d", u).isEqualTo(c.asks());
        }
      }
      assertThat(next).as("checkpoints reached").isEqualTo(checkpoints.size());

      Map<String, Object> top = rec.frames().stream().filter(f -> f.stream().equals("bookTicker." + SYMBOL))
          .reduce((a, b) -> b).orElseThrow().data();
      RestBook end = checkpoints.get(checkpoints.size() - 1);
      assertThat(new BigDecimal((String) top.get("b"))).isEqualByComparingTo(end.bids().lastKey());
      assertThat(new BigDecimal((String) top.get("B"))).isEqualByComparingTo(end.bids().lastEntry().getValue());
      assertThat(new BigDecimal((String) top.get("a"))).isEqualByComparingTo(end.asks().firstKey());
      assertThat(new BigDecimal((String) top.get("A"))).isEqualByComparingTo(end.asks().firstEntry().getValue());

      // The last ticker event carries REST's 24 h figures (the clock stands still since the last command).
      Map<String, Object> ticker = rec.frames().stream().filter(f -> f.stream().equals("ticker." + SYMBOL))
          .reduce((a, b) -> b).orElseThrow().data();
      Map<String, Object> rest = traders.get(0).get("/api/v1/ticker?symbol=" + SYMBOL).object();
      String[][] pairs = {{"o", "firstPrice"}, {"c", "lastPrice"}, {"h", "high"}, {"l", "low"}, {"v", "volume"},
          {"V", "quoteVolume"}};
      for (String[] k : pairs) {
        assertThat(new BigDecimal((String) ticker.get(k[0]))).as(k[0]).isEqualByComparingTo((String) rest.get(k[1]));
      }
      assertThat(ticker.get("n").toString()).isEqualTo(rest.get("trades"));
      assertThat(new BigDecimal((String) ticker.get("v"))).as("some volume traded").isPositive();
    }
  }

  private static BigDecimal mid(PaperExchange paper) {
    return paper.inspect(e -> e.markets().get(SYMBOL).markPrice());
  }
}
