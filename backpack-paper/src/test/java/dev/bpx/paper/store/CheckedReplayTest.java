package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay re-derives every recorded outcome; a divergence or an unknown format stops the start. */
class CheckedReplayTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");

  @TempDir
  Path dir;

  private static void assertStartRefusedLeavingTheFile(Path state, String message) throws IOException {
    String before = Files.readString(state);
    assertStartFails(state).hasMessage(message);
    assertThat(Files.readString(state)).isEqualTo(before);
  }

  private static String header(int version) {
    return "{\"c\":\"header\",\"version\":" + version + ",\"seed\":9,\"start\":" + T0.toEpochMilli() + "}";
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertStartFails(Path state) {
    return assertThatThrownBy(() -> JournalFixture.start(PaperClock.fixed(T0), state).close())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReplayThatDoesNotReachTheRecordedOutcomeStopsTheStartNamingTheFileAndLine() throws IOException {
    Path state = JournalFixture.V2.copyTo(dir, "trading");
    JournalFixture.start(PaperClock.fixed(T0), state).close();
    List<String> lines = new ArrayList<>(Files.readAllLines(state));
    // Line 3 placed a market order on SOL_USDC_PERP; pretend a version recorded it refused.
    String placed = lines.get(2);
    assertThat(placed).contains("\"c\":\"order\"", "\"o\":{\"ok\":[[");
    lines.set(2, placed.substring(0, placed.indexOf(",\"o\":")) + ",\"o\":{\"err\":\"INSUFFICIENT_MARGIN\"}}");
    Files.write(state, lines);
    String journal = Files.readString(state);

    assertStartFails(state)
        .hasMessageStartingWith("journal " + state + " line 3: the replay of a `order` command at time "
            + T0.toEpochMilli() + " diverged from what the exchange acknowledged"
            + " (recorded {\"err\":\"INSUFFICIENT_MARGIN\"}, replayed {\"ok\":[[")
        .hasMessageNotContaining("6kpsY"); // no API key in the message
    assertThat(Files.readString(state)).isEqualTo(journal);
  }

  @Test
  void aJournalOfANewerVersionIsRefusedWithWhatToDo() throws IOException {
    Path state = write("future.journal", header(7));

    assertStartRefusedLeavingTheFile(state, "journal " + state + " has version 7, written by a newer paper exchange;"
        + " this one reads versions 1 to 6. Start the version that wrote it, or use another state file.");
  }

  @Test
  void aJournalOfAVersionNoExchangeWroteIsRefused() throws IOException {
    Path state = write("zero.journal", header(0));

    assertStartRefusedLeavingTheFile(state, "journal " + state + " has version 0, which no paper exchange wrote;"
        + " this one reads versions 1 to 6. Use another state file.");
  }

  @Test
  void aLineThatIsJsonButNotACommandStopsTheStartInsteadOfEndingTheJournalThere() throws IOException {
    Path state = write("odd.journal", header(3),
        "{\"t\":" + T0.toEpochMilli() + ",\"c\":\"transfer\",\"k\":\"a\",\"o\":{\"ok\":[]}}");

    assertStartFails(state)
        .hasMessageStartingWith("journal " + state + " line 2 cannot be read (unknown command type `transfer`)");
  }

  @Test
  void aLineThatIsNotJsonWithWholeLinesAfterItIsDamageNotATornTail() throws IOException {
    Path state = JournalFixture.V2.copyTo(dir, "trading");
    List<String> lines = new ArrayList<>(Files.readAllLines(state));
    lines.set(5, lines.get(5).substring(0, 40));
    Files.write(state, lines);

    assertStartRefusedLeavingTheFile(state, "journal " + state + " line 6 is not JSON but lines follow it: the file"
        + " is damaged; the exchange does not start rather than lose them");
  }

  @Test
  void aTornLastLineIsCutOffAndEverythingBeforeItReplays() throws IOException {
    Path state = JournalFixture.V2.copyTo(dir, "trading");
    List<String> lines = Files.readAllLines(state);
    Files.writeString(state, String.join("\n", lines.subList(0, 10)) + "\n" + lines.get(10).substring(0, 30) + "\n");

    try (PaperExchange paper = JournalFixture.start(PaperClock.fixed(T0), state)) {
      assertThat(paper.stateHash()).hasSize(64);
    }
    // The ten whole lines, then what a state of this age gets after its replay: the switch to trade ids per market,
    // then the `priceBands` command (the bands hold from there on).
    List<String> after = Files.readAllLines(state);
    assertThat(after).hasSize(12);
    assertThat(after.get(10)).contains("\"c\":\"tradeIds\"");
    assertThat(after.get(11)).contains("\"c\":\"priceBands\"");
  }

  @Test
  void aRefusedOrderIsJournaledWithItsCodeAndReplaysToTheSameState() throws IOException {
    Path state = dir.resolve("refusals.journal");
    PaperClock clock = PaperClock.fixed(T0);
    SigningKey key = SigningKey.generate();
    String hash;
    try (PaperExchange paper = JournalFixture.start(clock, state)) {
      PaperHttp c = new PaperHttp(paper.url(), key, clock);
      // The first request of a new key, refused: it still opened the account, which the journal keeps.
      assertThat(c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"150.00\",\"quantity\":\"9000\"}").status()).isEqualTo(400);
      assertThat(c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"price\":\"150.00\",\"quantity\":\"1\"}").status()).isEqualTo(200);
      hash = paper.stateHash();
    }
    assertThat(Files.readAllLines(state)).hasSize(3);
    assertThat(Files.readAllLines(state).get(1)).endsWith(",\"o\":{\"err\":\"INSUFFICIENT_FUNDS\"}}");

    try (PaperExchange paper = JournalFixture.start(PaperClock.fixed(T0), state)) {
      assertThat(paper.stateHash()).isEqualTo(hash);
    }
  }
}
