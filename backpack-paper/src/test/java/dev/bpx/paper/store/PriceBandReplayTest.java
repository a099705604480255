package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written before the price bands were enforced (header without {@code priceBands}, version 5) may hold
 * an order the bands refuse today. It replays as accepted, the start goes on, the exchange journals one
 * {@code priceBands} command and holds new orders to the band from then on; the next start replays both parts
 * unchanged. The old journal is made from a real one: its header set back to version 5, and an order's price moved
 * outside the band to a price at which it rests just the same (the recorded outcome stays true).
 */
class PriceBandReplayTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");

  @TempDir
  Path dir;

  @Test
  void anOldJournalsOrderOutsideTheBandReplaysAndNewOnesAreRefusedFromThenOn() throws IOException {
    Path state = dir.resolve("old.journal");
    SigningKey key = SigningKey.generate();
    BigDecimal inside;
    BigDecimal outside;
    try (PaperExchange paper = start(state)) {
      PaperHttp c = new PaperHttp(paper.url(), key, PaperClock.fixed(T0));
      BigDecimal last = new BigDecimal((String) c.get("/api/v1/ticker?symbol=SOL_USDC").object().get("lastPrice"));
      inside = last.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.DOWN);
      outside = last.multiply(new BigDecimal("0.3")).setScale(2, RoundingMode.DOWN);
      assertThat(c.post("/api/v1/order", bid(inside)).object().get("status")).isEqualTo("New");
    }
    String written = Files.readString(state);
    assertThat(written.lines().findFirst().orElseThrow()).contains("\"version\":6").contains("\"priceBands\":true");
    String old = written.replace("\"version\":6", "\"version\":5").replace(",\"priceBands\":true", "")
        .replace("\"price\":\"" + inside.toPlainString() + "\"", "\"price\":\"" + outside.toPlainString() + "\"");
    assertThat(old).contains("\"price\":\"" + outside.toPlainString() + "\"");
    Files.writeString(state, old);

    String stateHash;
    try (PaperExchange paper = start(state)) {
      PaperHttp c = new PaperHttp(paper.url(), key, PaperClock.fixed(T0));
      assertThat(prices(c)).containsExactly(outside.toPlainString());
      PaperHttp.Reply refused = c.post("/api/v1/order", bid(outside));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object().get("code")).isEqualTo("INVALID_PRICE");
      stateHash = paper.stateHash();
    }
    // What a version 5 state gets at its first start (the switch to per-market trade ids, then the bands), then the
    // refused order.
    List<String> added = Files.readString(state).substring(old.length()).lines().toList();
    assertThat(added).hasSize(3);
    assertThat(added.get(0)).contains("\"c\":\"tradeIds\"");
    assertThat(added.get(1)).contains("\"c\":\"priceBands\"");
    assertThat(added.get(2)).contains("\"err\":\"INVALID_PRICE\"");

    String before = Files.readString(state);
    try (PaperExchange paper = start(state)) {
      assertThat(paper.stateHash()).isEqualTo(stateHash);
      assertThat(prices(new PaperHttp(paper.url(), key, PaperClock.fixed(T0)))).containsExactly(outside.toPlainString());
    }
    assertThat(Files.readString(state)).as("the bands are on from the journaled command: nothing more to add")
        .isEqualTo(before);
  }

  @Test
  void theSameOrderUnderAHeaderThatSaysTheBandsWereOnStopsTheStart() throws IOException {
    // The control: the flag is what lets the old order through, not a replay that ignores the bands.
    Path state = dir.resolve("new.journal");
    SigningKey key = SigningKey.generate();
    BigDecimal inside;
    BigDecimal outside;
    try (PaperExchange paper = start(state)) {
      PaperHttp c = new PaperHttp(paper.url(), key, PaperClock.fixed(T0));
      BigDecimal last = new BigDecimal((String) c.get("/api/v1/ticker?symbol=SOL_USDC").object().get("lastPrice"));
      inside = last.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.DOWN);
      outside = last.multiply(new BigDecimal("0.3")).setScale(2, RoundingMode.DOWN);
      c.post("/api/v1/order", bid(inside));
    }
    Files.writeString(state, Files.readString(state)
        .replace("\"price\":\"" + inside.toPlainString() + "\"", "\"price\":\"" + outside.toPlainString() + "\""));
    assertThatThrownBy(() -> start(state).close()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("diverged").hasMessageContaining("INVALID_PRICE");
  }

  private static PaperExchange start(Path state) {
    return PaperExchange.builder().clock(PaperClock.fixed(T0)).seed(9).stateFile(state).fsync(false).start();
  }

  private static List<String> prices(PaperHttp c) {
    return c.get("/api/v1/orders?symbol=SOL_USDC").array().stream()
        .map(o -> (String) ((Map<?, ?>) o).get("price")).toList();
  }

  private static String bid(BigDecimal price) {
    return "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"" + price.toPlainString()
        + "\",\"quantity\":\"1.00\"}";
  }
}
