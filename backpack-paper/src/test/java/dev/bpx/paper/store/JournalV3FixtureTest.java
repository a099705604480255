package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.auth.SigningKey;
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
 * Version-3 journals written before the engine was split into rooms (commit c01b43c) load and answer
 * as that version did. The fixtures under {@code journal-v3/} were written by that commit's code with
 * the scenario of {@code V2FixtureGenerator} (commit fd20108): every kind of command, a batch with a
 * refused item, refusals, and one compacted journal (a snapshot in the old package layout); the
 * {@code .reads} hold what 19 reads per account answered then (16 still answer the same bytes; see
 * {@link FixtureReads} for the three the living market changed). The rooms version, run on the same
 * scenario, writes the same bytes.
 */
class JournalV3FixtureTest {
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

  private static String resource(String name) throws IOException {
    try (InputStream in = JournalV3FixtureTest.class.getResourceAsStream("/journal-v3/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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
  void aJournalOfTheVersionBeforeTheRoomsAnswersEveryReadAsThatVersionDidAndIsLeftAsItWas(String name)
      throws IOException {
    String written = resource(name + ".journal");
    Path state = dir.resolve(name + ".journal");
    Files.writeString(state, written);
    PaperClock clock = PaperClock.fixed(T0);
    String hash;
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(9).stateFile(state).fsync(false).start()) {
      assertThat(clock.offsetMillis()).isEqualTo(Long.parseLong(resource(name + ".offset").trim()));
      FixtureReads.assertSameButTheLivingMarket(reads(paper, clock), resource(name + ".reads"));
      hash = paper.stateHash();
    }
    // Reads journal nothing here: every read is inside the last command's walk step.
    assertThat(Files.readString(state)).isEqualTo(written);
    PaperClock later = PaperClock.fixed(T0);
    try (PaperExchange paper = PaperExchange.builder().clock(later).seed(9).stateFile(state).fsync(false).start()) {
      assertThat(paper.stateHash()).isEqualTo(hash);
    }
  }
}
