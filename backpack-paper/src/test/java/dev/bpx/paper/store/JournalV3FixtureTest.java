package dev.bpx.paper.store;

import static dev.bpx.paper.store.JournalFixture.T0;
import static dev.bpx.paper.store.JournalFixture.V3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Version-3 journals written before the engine was split into rooms (commit c01b43c) load and answer
 * as that version did. The fixtures under {@code journal-v3/} were written by that commit's code with
 * the scenario of {@code V2FixtureGenerator} (commit fd20108): every kind of command, a batch with a
 * refused item, refusals, and one compacted journal (a snapshot in the old package layout); the
 * {@code .reads} hold what 19 reads per account answered then (16 still answer the same bytes; see
 * {@link FixtureReads} for the three the living market changed). The rooms version, run on the same
 * scenario, writes the same bytes. Opening one journals a single {@code priceBands} command (see
 * {@code PriceBandReplayTest}); the lines before it stay as they were.
 */
class JournalV3FixtureTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"trading", "compacted"})
  void aJournalOfTheVersionBeforeTheRoomsAnswersEveryReadAsThatVersionDidAndIsLeftAsItWas(String name)
      throws IOException {
    Path state = V3.copyTo(dir, name);
    String written = Files.readString(state);
    PaperClock clock = PaperClock.fixed(T0);
    String hash;
    try (PaperExchange paper = JournalFixture.start(clock, state)) {
      assertThat(clock.offsetMillis()).isEqualTo(Long.parseLong(V3.resource(name + ".offset").trim()));
      FixtureReads.assertSameButTheLivingMarket(JournalFixture.reads(paper, clock), V3.resource(name + ".reads"));
      hash = paper.stateHash();
    }
    // Reads journal nothing here: every read is inside the last command's walk step. The start journals two commands
    // at the time of the last one: the switch to trade ids per market, then the price bands from here on (the
    // fixture's bids at 98-99 after the price was set to 100 ran without them). The lines before stay as they were.
    String opened = Files.readString(state);
    assertThat(opened).startsWith(written);
    List<String> added = opened.substring(written.length()).lines().toList();
    assertThat(added).hasSize(2);
    assertThat(added.get(0)).matches("\\{\"t\":\\d+,\"c\":\"tradeIds\",\"o\":\\{\"ok\":\\[]}}");
    assertThat(added.get(1)).contains("\"c\":\"priceBands\"");
    try (PaperExchange paper = JournalFixture.start(PaperClock.fixed(T0), state)) {
      assertThat(paper.stateHash()).isEqualTo(hash);
    }
    assertThat(Files.readString(state)).as("journaled once").isEqualTo(opened);
  }
}
