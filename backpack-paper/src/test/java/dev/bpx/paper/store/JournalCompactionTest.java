package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal compaction: a snapshot replaces the commands, the restarted exchange answers every read
 * exactly as before and keeps behaving like an exchange that was never compacted, and a crash at
 * any point of a compaction loses nothing.
 */
class JournalCompactionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");
  private static final SigningKey KEY = SigningKey.generate();
  private static final List<String> READS = List.of("/api/v1/capital", "/api/v1/capital/collateral",
      "/api/v1/position", "/api/v1/orders", "/api/v1/account", "/api/v1/borrowLend/positions",
      "/wapi/v1/history/orders", "/wapi/v1/history/fills", "/wapi/v1/history/funding",
      "/wapi/v1/history/interest", "/wapi/v1/history/settlement", "/wapi/v1/history/borrowLend",
      "/wapi/v1/history/position", "/api/v1/depth?symbol=SOL_USDC", "/api/v1/depth?symbol=SOL_USDC_PERP",
      "/api/v1/trades?symbol=SOL_USDC_PERP", "/api/v1/tickers", "/api/v1/markPrices", "/api/v1/openInterest",
      "/api/v1/fundingRates?symbol=SOL_USDC_PERP",
      "/api/v1/klines?symbol=SOL_USDC&interval=1h&startTime=" + (T0.getEpochSecond() - 7200));

  @TempDir
  Path dir;

  /** Orders resting and filled, a trigger, attached exits, a position, lending, a borrow, settings, time. */
  private static void firstSession(PaperExchange paper, PaperHttp c) {
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
    c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"3\","
        + "\"takeProfitTriggerPrice\":\"400.00\",\"stopLossTriggerPrice\":\"20.00\"}");
    c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"2\",\"clientId\":7}");
    c.post("/api/v1/order", "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"0.01\","
        + "\"triggerPrice\":\"1.0\",\"triggerQuantity\":\"0.01\"}");
    c.post("/api/v1/borrowLend", "{\"symbol\":\"SOL\",\"side\":\"Borrow\",\"quantity\":\"2\"}");
    c.post("/api/v1/borrowLend", "{\"symbol\":\"USDC\",\"side\":\"Lend\",\"quantity\":\"300\"}");
    c.patch("/api/v1/account", "{\"leverageLimit\":\"5\"}");
    paper.advance(Duration.ofMinutes(95));
    c.get("/api/v1/capital");
    paper.advance(Duration.ofMinutes(10));
    // rests near the price when the snapshot is taken; the walk crosses it after the restart
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
    c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"99.95\",\"quantity\":\"1\",\"clientId\":10}");
  }

  /** More of the same after a restart, so that hidden state (ids, queues, the walk) shows. */
  private static void secondSession(PaperExchange paper, PaperHttp c) {
    paper.advance(Duration.ofMinutes(20));
    c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"1\"}");
    paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
    // near the price: the walk crosses it during the next advance, which needs the resting-order count
    c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"99.95\",\"quantity\":\"1\",\"clientId\":8}");
    paper.advance(Duration.ofMinutes(70));
    c.delete("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"clientId\":7}");
    c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"1\"}");
    paper.setPrice("SOL_USDC", new BigDecimal("100.50"));
    paper.advance(Duration.ofMinutes(30));
  }

  private PaperExchange start(Path state, long compactAfter, BiConsumer<PaperExchange, PaperHttp> session) {
    PaperExchange paper = PaperExchange.builder().clock(PaperClock.fixed(T0)).seed(9).stateFile(state)
        .compactAfter(compactAfter).start();
    if (session != null) {
      session.accept(paper, http(paper));
    }
    return paper;
  }

  private static PaperHttp http(PaperExchange paper) {
    return new PaperHttp(paper.url(), KEY, paper.clock());
  }

  private static List<String> reads(PaperExchange paper) {
    PaperHttp c = http(paper);
    return READS.stream().map(p -> p + " -> " + c.get(p).body()).toList();
  }

  private static long lines(Path file) throws Exception {
    return Files.readAllLines(file, StandardCharsets.UTF_8).size();
  }

  @Test
  void aCompactedJournalRestartsWithEveryReadUnchangedAndBehavesLikeOneNeverCompacted() throws Exception {
    Path compacted = dir.resolve("compacted.journal");
    Path plain = dir.resolve("plain.journal");
    List<String> before;
    try (PaperExchange paper = start(compacted, Long.MAX_VALUE, JournalCompactionTest::firstSession)) {
      before = reads(paper);
    }
    start(plain, Long.MAX_VALUE, JournalCompactionTest::firstSession).close();
    assertThat(lines(compacted)).isGreaterThan(8);

    try (PaperExchange paper = start(compacted, 1, null)) {
      assertThat(lines(compacted)).as("header and snapshot only").isEqualTo(2);
      assertThat(reads(paper)).isEqualTo(before);
      secondSession(paper, http(paper));
      paper.compact(); // at run time too: later commands append to the new file
      http(paper).post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"99.00\",\"quantity\":\"1\",\"clientId\":9}");
      assertThat(lines(compacted)).isEqualTo(3);
    }
    List<String> uncompacted;
    try (PaperExchange paper = start(plain, Long.MAX_VALUE, null)) {
      secondSession(paper, http(paper));
      http(paper).post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"99.00\",\"quantity\":\"1\",\"clientId\":9}");
      uncompacted = reads(paper);
    }
    try (PaperExchange paper = start(compacted, Long.MAX_VALUE, null)) {
      assertThat(reads(paper)).isEqualTo(uncompacted);
    }
  }

  @Test
  void aCrashBeforeTheRenameLeavesTheOldJournalWholeAndTheLeftoverIsDropped() throws Exception {
    Path state = dir.resolve("paper.journal");
    List<String> before;
    try (PaperExchange paper = start(state, Long.MAX_VALUE, JournalCompactionTest::firstSession)) {
      before = reads(paper);
    }
    // What a compaction of this journal writes: produce it on a copy.
    Path copy = dir.resolve("copy.journal");
    Files.copy(state, copy);
    start(copy, 1, null).close();
    byte[] compactedBytes = Files.readAllBytes(copy);
    Path leftover = dir.resolve("paper.journal.compact");

    for (int cut : new int[] {compactedBytes.length, compactedBytes.length / 2, 0}) {
      // crashed after writing `cut` bytes of the new file, before the rename
      Files.write(leftover, java.util.Arrays.copyOf(compactedBytes, cut));
      try (PaperExchange paper = start(state, Long.MAX_VALUE, null)) {
        assertThat(Files.exists(leftover)).isFalse();
        assertThat(reads(paper)).as("crash after %d bytes", cut).isEqualTo(before);
      }
    }
  }

  @Test
  void aCrashAfterTheRenameFindsTheSnapshotAndNothingIsLost() throws Exception {
    Path state = dir.resolve("paper.journal");
    List<String> before;
    try (PaperExchange paper = start(state, Long.MAX_VALUE, JournalCompactionTest::firstSession)) {
      before = reads(paper);
    }
    Path copy = dir.resolve("copy.journal");
    Files.copy(state, copy);
    start(copy, 1, null).close();
    // the rename happened, nothing after it did (the reopened file got no append)
    Files.copy(copy, state, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PaperExchange paper = start(state, Long.MAX_VALUE, null)) {
      assertThat(reads(paper)).isEqualTo(before);
    }
  }
}
