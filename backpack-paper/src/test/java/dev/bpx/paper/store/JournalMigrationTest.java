package dev.bpx.paper.store;

import static dev.bpx.paper.store.JournalFixture.T0;
import static dev.bpx.paper.store.JournalFixture.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Version-2 journals, as the previous version wrote them, keep working. The fixtures under
 * {@code journal-v2/} were written by that version's code (the generator is in the commit that added
 * them): every kind of command, a batch with a refused order, refusals that were not journaled, and
 * one compacted journal; {@code .reads} holds what 19 reads per account answered at the end (16 still
 * answer the same bytes; see {@link FixtureReads} for the three the living market changed), and
 * {@code .offset} the paper clock's offset then.
 */
class JournalMigrationTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"trading", "compacted"})
  void aVersion2JournalAnswersEveryReadAsTheVersionThatWroteItAndIsRewrittenAsVersion3(String name)
      throws IOException {
    Path state = V2.copyTo(dir, name);
    List<String> v2 = Files.readAllLines(state);
    String expected = V2.resource(name + ".reads");
    PaperClock clock = PaperClock.fixed(T0);
    String hash;
    try (PaperExchange paper = JournalFixture.start(clock, state)) {
      assertThat(clock.offsetMillis()).isEqualTo(Long.parseLong(V2.resource(name + ".offset").trim()));
      FixtureReads.assertSameButTheLivingMarket(JournalFixture.reads(paper, clock), expected);
      hash = paper.stateHash();
    }

    List<String> v3 = Files.readAllLines(state);
    // Rewritten in the current version, saying that its commands numbered trades the old way until the switch to
    // one sequence per market that follows them; then the `priceBands` command the first start journals (the old
    // orders ran without bands). Line for line otherwise.
    assertThat(v3.get(0)).isEqualTo(v2.get(0).replace("\"version\":2", "\"version\":" + Journal.VERSION)
        .replace("}", ",\"tradeIds\":\"shared\"}"));
    assertThat(v3).hasSize(v2.size() + 2);
    assertThat(v3.stream().filter(l -> l.matches("\\{\"t\":\\d+,\"c\":\"tradeIds\",\"o\":\\{\"ok\":\\[]}}"))).hasSize(1);
    assertThat(v3.stream().filter(l -> l.contains("\"c\":\"priceBands\""))).hasSize(1);
    List<String> commands = v3.stream().skip(1).filter(l -> !l.startsWith("{\"c\":\"snapshot\"")).toList();
    assertThat(commands).isNotEmpty().allMatch(l -> l.contains(",\"o\":{"));
    PaperClock later = PaperClock.fixed(T0);
    try (PaperExchange paper = JournalFixture.start(later, state)) {
      assertThat(paper.stateHash()).isEqualTo(hash);
      FixtureReads.assertSameButTheLivingMarket(JournalFixture.reads(paper, later), expected);
    }
  }

  @Test
  void aBatchOrderRefusedWhenItRanIsRecordedAsRefusedAndTheOrdersItPlacedAsPlaced() throws IOException {
    Path state = V2.copyTo(dir, "trading");
    JournalFixture.start(PaperClock.fixed(T0), state).close();

    // The second order of the batch is off SOL_USDC's quantity step; version 2 recorded no outcome.
    assertThat(Files.readAllLines(state)).filteredOn(l -> l.contains("\"c\":\"orders\"")).singleElement()
        .asString().endsWith(",\"o\":{\"batch\":[{\"ok\":[[4200000007,\"New\"]]},{\"err\":\"INVALID_CLIENT_REQUEST\"},"
            + "{\"ok\":[[4200000008,\"New\"]]}]}}");
  }
}
