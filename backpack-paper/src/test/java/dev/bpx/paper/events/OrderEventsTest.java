package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.RecordedStreams;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order lifecycle events as the engine publishes them, read as the payloads the WebSocket front sends. */
class OrderEventsTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aLimitOrderThatRestsThenFillsAnnouncesAcceptedThenFill() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(5)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
      PaperHttp.Reply placed = http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\","
          + "\"orderType\":\"Limit\",\"price\":\"149.00\",\"quantity\":\"0.50\",\"clientId\":77}");
      assertThat(placed.status()).as(placed.body()).isEqualTo(200);
      String id = (String) placed.object().get("id");
      rec.awaitFrame(f -> f.json().contains("\"orderAccepted\""), WAIT);

      paper.setPrice("SOL_USDC", new BigDecimal("148.00")); // the maker's asks now cross the bid
      rec.awaitFrame(f -> f.json().contains("\"orderFill\"") && f.json().contains("\"Filled\""), WAIT);

      List<RecordedStreams.Frame> mine = rec.frames().stream()
          .filter(f -> http.apiKey().equals(f.account())).toList();
      assertThat(mine).allSatisfy(f -> assertThat(f.stream()).isEqualTo("account.orderUpdate.SOL_USDC"));
      Map<String, Object> accepted = mine.get(0).data();
      assertThat(accepted).containsEntry("e", "orderAccepted").containsEntry("s", "SOL_USDC")
          .containsEntry("i", id).containsEntry("S", "Bid").containsEntry("o", "LIMIT")
          .containsEntry("f", "GTC").containsEntry("p", "149.00").containsEntry("q", "0.50")
          .containsEntry("X", "New").containsEntry("z", "0").containsEntry("O", "USER")
          .containsEntry("E", T0.toEpochMilli() * 1000).containsEntry("T", T0.toEpochMilli() * 1000)
          .doesNotContainKeys("t", "l", "L", "m", "n", "N", "R");

      assertThat(((Number) accepted.get("c")).longValue()).isEqualTo(77);
      List<Map<String, Object>> fills = mine.stream().skip(1).map(RecordedStreams.Frame::data).toList();
      assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(f).containsEntry("e", "orderFill")
          .containsEntry("i", id).containsEntry("m", true).containsEntry("L", "149.00").containsEntry("N", "SOL")
          .containsKeys("t", "l", "n", "z", "Z"));
      BigDecimal filled = fills.stream().map(f -> new BigDecimal((String) f.get("l"))).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(filled).isEqualByComparingTo("0.50");
      assertThat(fills.get(fills.size() - 1)).containsEntry("X", "Filled").containsEntry("z", "0.50")
          .containsEntry("Z", "74.5000");

      // The fills are the ones REST reports, trade ids, fees and all.
      List<Object> history = http.get("/wapi/v1/history/fills?symbol=SOL_USDC").array();
      assertThat(history).hasSameSizeAs(fills);
      for (Object row : history) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) row;
        assertThat(fills).anySatisfy(f -> assertThat(f.get("t").toString()).isEqualTo(r.get("tradeId").toString()))
            .anySatisfy(f -> assertThat(new BigDecimal((String) f.get("n"))).isEqualByComparingTo((String) r.get("fee")));
      }
      // And each is a public print on trade.SOL_USDC with the order as the buyer.
      assertThat(rec.frames()).filteredOn(f -> f.stream().equals("trade.SOL_USDC"))
          .hasSameSizeAs(fills).allSatisfy(f -> assertThat(f.data()).containsEntry("b", id).containsEntry("m", true));
    }
  }

  @Test
  void cancellingAndExpiringAnnounceTheirStatusAndReason() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(5)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
      String id = (String) http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\","
          + "\"orderType\":\"Limit\",\"price\":\"140.00\",\"quantity\":\"1\"}").object().get("id");
      assertThat(http.delete("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"orderId\":\"" + id + "\"}").status()).isEqualTo(200);
      http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\","
          + "\"price\":\"140.00\",\"quantity\":\"1\",\"postOnly\":true}");
      rec.awaitFrame(f -> f.json().contains("PostOnlyTaker"), WAIT);

      List<Map<String, Object>> mine = rec.frames().stream().filter(f -> http.apiKey().equals(f.account()))
          .map(RecordedStreams.Frame::data).toList();
      assertThat(mine).extracting(m -> m.get("e"), m -> m.get("X"), m -> m.get("R")).containsExactly(
          org.assertj.core.groups.Tuple.tuple("orderAccepted", "New", null),
          org.assertj.core.groups.Tuple.tuple("orderCancelled", "Cancelled", null),
          org.assertj.core.groups.Tuple.tuple("orderExpired", "Expired", "PostOnlyTaker"));
      assertThat(mine.get(2)).containsEntry("y", true);
    }
  }

  @Test
  void aMarketOrderByQuoteQuantityEndsWithAFillThatSaysFilled() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(5)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      PaperHttp.Reply r = http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\","
          + "\"orderType\":\"Market\",\"quoteQuantity\":\"5000\"}");
      assertThat(r.object()).as(r.body()).containsEntry("status", "Filled");
      rec.awaitFrame(f -> f.json().contains("\"orderFill\"") && f.json().contains("\"Filled\""), WAIT);
      List<Map<String, Object>> fills = rec.frames().stream().filter(f -> http.apiKey().equals(f.account()))
          .map(RecordedStreams.Frame::data).filter(d -> "orderFill".equals(d.get("e"))).toList();
      assertThat(fills.size()).as("a quote order walking several levels").isGreaterThan(1);
      assertThat(fills.subList(0, fills.size() - 1)).allSatisfy(f -> assertThat(f).containsEntry("X", "PartiallyFilled"));
      assertThat(fills.get(fills.size() - 1)).containsEntry("X", "Filled").containsEntry("Q", "5000")
          .containsEntry("z", r.object().get("executedQuantity"));
    }
  }

  @Test
  void aPerpPositionIsAnnouncedOpenedAdjustedAndClosed() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(5)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      for (String[] o : List.of(new String[] {"Bid", "1"}, new String[] {"Bid", "1"}, new String[] {"Ask", "2"})) {
        PaperHttp.Reply r = http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"" + o[0]
            + "\",\"orderType\":\"Market\",\"quantity\":\"" + o[1] + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
      }
      rec.awaitFrame(f -> f.json().contains("positionClosed"), WAIT);
      List<Map<String, Object>> positions = rec.frames().stream()
          .filter(f -> f.stream().equals("account.positionUpdate.SOL_USDC_PERP")).map(RecordedStreams.Frame::data).toList();
      assertThat(positions).extracting(p -> p.get("e")).containsExactly("positionOpened", "positionAdjusted", "positionClosed");
      assertThat(positions).extracting(p -> new BigDecimal(p.get("q").toString()))
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("1"), new BigDecimal("2"), BigDecimal.ZERO);
      assertThat(rec.frames()).filteredOn(f -> f.stream().equals("openInterest.SOL_USDC_PERP")).isNotEmpty();
    }
  }

  @Test
  void aJournalReplayPublishesNothingAndDepthContinuesFromTheRestBook(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("paper.journal");
    PaperClock clock = PaperClock.fixed(T0);
    SigningKey key = SigningKey.generate();
    try (PaperExchange paper = PaperExchange.builder().clock(clock).stateFile(state).start()) {
      PaperHttp http = new PaperHttp(paper.url(), key, clock);
      http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"100.00\",\"quantity\":\"1\"}");
    }
    RecordedStreams rec = new RecordedStreams();
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).stateFile(state)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), key, clock);
      long restId = Long.parseLong((String) http.get("/api/v1/depth?symbol=SOL_USDC").object().get("lastUpdateId"));
      assertThat(rec.events()).as("nothing from the replay").isEmpty();
      http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"101.00\",\"quantity\":\"1\"}");
      List<RecordedStreams.Frame> frames = rec.awaitFrame(f -> f.stream().equals("depth.SOL_USDC"), WAIT);
      Map<String, Object> depth = frames.stream().filter(f -> f.stream().equals("depth.SOL_USDC")).findFirst()
          .orElseThrow().data();
      assertThat(((Number) depth.get("U")).longValue()).isEqualTo(restId + 1);
      assertThat(depth).containsEntry("b", List.of(List.of("101.00", "1")))
          .containsEntry("a", List.of());
    }
  }
}
