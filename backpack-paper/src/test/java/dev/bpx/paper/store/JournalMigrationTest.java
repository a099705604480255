package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
  private static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");
  private static final List<SigningKey> ACCOUNTS = List.of(key(7), key(9));
  private static final List<String> READS = List.of("/api/v1/capital", "/api/v1/capital/collateral",
      "/api/v1/position", "/api/v1/orders", "/api/v1/account", "/api/v1/borrowLend/positions",
      "/wapi/v1/history/orders", "/wapi/v1/history/fills", "/wapi/v1/history/funding",
      "/wapi/v1/history/interest", "/wapi/v1/history/settlement", "/wapi/v1/history/borrowLend",
      "/wapi/v1/history/position", "/api/v1/depth?symbol=SOL_USDC", "/api/v1/depth?symbol=SOL_USDC_PERP",
      "/api/v1/trades?symbol=SOL_USDC_PERP", "/api/v1/tickers", "/api/v1/markPrices", "/api/v1/openInterest");

  @TempDir
  Path dir;

  private static SigningKey key(int fill) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) fill);
    return SigningKey.fromBase64(Base64.getEncoder().encodeToString(seed));
  }

  static Path fixture(Path dir, String name) throws IOException {
    Path state = dir.resolve(name + ".journal");
    Files.writeString(state, resource(name + ".journal"));
    return state;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = JournalMigrationTest.class.getResourceAsStream("/journal-v2/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static PaperExchange start(PaperClock clock, Path state) {
    return PaperExchange.builder().clock(clock).seed(9).stateFile(state).fsync(false).start();
  }

  private static String reads(PaperExchange paper, PaperClock clock) {
    StringBuilder out = new StringBuilder();
    for (SigningKey key : ACCOUNTS) {
      PaperHttp c = new PaperHttp(paper.url(), key, clock);
      for (String path : READS) {
        out.append(path).append('\n').append(c.get(path).body()).append('\n');
      }
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"trading", "compacted"})
  void aVersion2JournalAnswersEveryReadAsTheVersionThatWroteItAndIsRewrittenAsVersion3(String name)
      throws IOException {
    Path state = fixture(dir, name);
    List<String> v2 = Files.readAllLines(state);
    String expected = resource(name + ".reads");
    PaperClock clock = PaperClock.fixed(T0);
    String hash;
    try (PaperExchange paper = start(clock, state)) {
      assertThat(clock.offsetMillis()).isEqualTo(Long.parseLong(resource(name + ".offset").trim()));
      FixtureReads.assertSameButTheLivingMarket(reads(paper, clock), expected);
      hash = paper.stateHash();
    }

    List<String> v3 = Files.readAllLines(state);
    assertThat(v3.get(0)).isEqualTo(v2.get(0).replace("\"version\":2", "\"version\":" + Journal.VERSION));
    assertThat(v3).hasSameSizeAs(v2);
    List<String> commands = v3.stream().skip(1).filter(l -> !l.startsWith("{\"c\":\"snapshot\"")).toList();
    assertThat(commands).isNotEmpty().allMatch(l -> l.contains(",\"o\":{"));
    PaperClock later = PaperClock.fixed(T0);
    try (PaperExchange paper = start(later, state)) {
      assertThat(paper.stateHash()).isEqualTo(hash);
      FixtureReads.assertSameButTheLivingMarket(reads(paper, later), expected);
    }
  }

  @org.junit.jupiter.api.Test
  void aBatchOrderRefusedWhenItRanIsRecordedAsRefusedAndTheOrdersItPlacedAsPlaced() throws IOException {
    Path state = fixture(dir, "trading");
    start(PaperClock.fixed(T0), state).close();

    // The second order of the batch is off SOL_USDC's quantity step; version 2 recorded no outcome.
    assertThat(Files.readAllLines(state)).filteredOn(l -> l.contains("\"c\":\"orders\"")).singleElement()
        .asString().endsWith(",\"o\":{\"batch\":[{\"ok\":[[4200000007,\"New\"]]},{\"err\":\"INVALID_CLIENT_REQUEST\"},"
            + "{\"ok\":[[4200000008,\"New\"]]}]}}");
  }
}
