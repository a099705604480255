package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReplayTest {
  @TempDir
  Path dir;

  private static final List<String> READS = List.of("/api/v1/capital", "/api/v1/capital/collateral",
      "/api/v1/position", "/api/v1/orders", "/wapi/v1/history/fills", "/wapi/v1/history/funding",
      "/wapi/v1/history/interest", "/api/v1/borrowLend/positions", "/api/v1/depth?symbol=SOL_USDC");

  @Test
  void aCommandOfAnOldJournalThatFailsOnReplayStopsTheStartNamingItsLineInsteadOfBeingSkipped() throws Exception {
    // Version 1 and 2 journals held applied commands only: one refused now is an acknowledged change lost.
    Path state = dir.resolve("bad.journal");
    long t0 = Instant.parse("2026-03-01T10:30:00Z").toEpochMilli();
    String journal = String.join("\n",
        "{\"c\":\"header\",\"version\":1,\"seed\":9,\"start\":" + t0 + "}",
        "{\"t\":" + t0 + ",\"c\":\"account.create\",\"k\":\"alice\"}",
        "{\"t\":" + t0 + ",\"c\":\"order\",\"k\":\"alice\",\"p\":{\"symbol\":\"NOPE_USDC\",\"side\":\"Bid\","
            + "\"orderType\":\"Limit\",\"price\":\"1\",\"quantity\":\"1\"}}",
        "{\"t\":" + t0 + ",\"c\":\"control.fund\",\"k\":\"alice\",\"p\":{\"asset\":\"USDC\",\"quantity\":\"5\"}}",
        "");
    java.nio.file.Files.writeString(state, journal);
    Journal opened = Journal.open(state, new Journal.Header(9, t0), false);
    dev.bpx.paper.engine.EngineConfig config = new dev.bpx.paper.engine.EngineConfig(9, t0,
        dev.bpx.paper.market.DefaultMarkets.assets(), dev.bpx.paper.market.DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20);

    assertThatThrownBy(() -> new JournaledEngine(config, opened).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("journal " + state + " line 3: ")
        .hasMessageContaining("`order` command")
        .hasMessageContaining("refused now: {\"err\":\"PARSE_ERROR\"}")
        .hasMessageNotContaining("alice");
    assertThat(java.nio.file.Files.readString(state)).isEqualTo(journal);
  }

  @Test
  void aRestartedExchangeAnswersExactlyAsBeforeIncludingTimeDrivenEffects() {
    Path state = dir.resolve("state.journal");
    PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T10:30:00Z"));
    SigningKey key = SigningKey.generate();
    List<String> before;
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(9).stateFile(state).start()) {
      PaperHttp c = new PaperHttp(paper.url(), key, clock);
      c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"3\"}");
      c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"150.00\",\"quantity\":\"2\"}");
      c.post("/api/v1/borrowLend", "{\"symbol\":\"SOL\",\"side\":\"Borrow\",\"quantity\":\"2\"}");
      paper.advance(Duration.ofMinutes(95));
      c.get("/api/v1/capital");
      paper.advance(Duration.ofMinutes(10));
      before = READS.stream().map(p -> c.get(p).body()).toList();
    }
    PaperClock later = PaperClock.fixed(Instant.parse("2026-03-01T10:30:00Z"));
    try (PaperExchange paper = PaperExchange.builder().clock(later).seed(9).stateFile(state).start()) {
      assertThat(later.offsetMillis()).isEqualTo(Duration.ofMinutes(105).toMillis());
      PaperHttp c = new PaperHttp(paper.url(), key, later);
      List<String> after = READS.stream().map(p -> c.get(p).body()).toList();
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void orderIdsSurviveARestartWhenReadsMovedTimeBetweenCommands() {
    // Reads that see a new second run walk steps and requote the maker, whose quotes take order ids.
    // Until those reads were journaled, a replay requoted less often, and the user's orders came back
    // with other ids than the ones the user was given (found as a flaky two-server MCP test).
    Path state = dir.resolve("ids.journal");
    Instant start = Instant.parse("2026-03-01T10:30:00Z");
    PaperClock clock = PaperClock.fixed(start);
    SigningKey key = SigningKey.generate();
    List<Object> idsBefore = new java.util.ArrayList<>();
    String openBefore;
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(9).stateFile(state).start()) {
      PaperHttp c = new PaperHttp(paper.url(), key, clock);
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofMillis(1_700)); // system time passing: nothing journaled by itself
        c.get("/api/v1/depth?symbol=SOL_USDC");
        clock.advance(Duration.ofMillis(1_300));
        c.get("/api/v1/ticker?symbol=SOL_USDC");
        idsBefore.add(c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
            + "\"price\":\"150.00\",\"quantity\":\"0.1\"}").object().get("id"));
      }
      openBefore = c.get("/api/v1/orders?symbol=SOL_USDC").body();
    }
    PaperClock later = PaperClock.fixed(start);
    try (PaperExchange paper = PaperExchange.builder().clock(later).seed(9).stateFile(state).start()) {
      later.advance(Duration.ofSeconds(15));
      PaperHttp c = new PaperHttp(paper.url(), key, later);
      List<Object> idsAfter = c.get("/api/v1/orders?symbol=SOL_USDC").array().stream()
          .map(o -> ((java.util.Map<?, ?>) o).get("id")).map(Object.class::cast).toList();
      assertThat(idsAfter).containsExactlyInAnyOrderElementsOf(idsBefore);
      assertThat(c.get("/api/v1/orders?symbol=SOL_USDC").body()).isEqualTo(openBefore);
    }
  }
}
