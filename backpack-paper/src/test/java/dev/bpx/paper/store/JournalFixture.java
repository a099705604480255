package dev.bpx.paper.store;

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

/**
 * The journals earlier versions wrote, kept as test resources ({@code journal-v2/}, {@code journal-v3/}):
 * each {@code <name>.journal} was written at {@link #T0} with seed 9 by two accounts (seeds filled with 7
 * and 9), {@code <name>.reads} holds what {@link #reads} answered at its end and {@code <name>.offset} the
 * paper clock's offset then.
 */
enum JournalFixture {
  V2("/journal-v2/"),
  V3("/journal-v3/");

  static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");
  private static final List<SigningKey> ACCOUNTS = List.of(key(7), key(9));
  private static final List<String> READS = List.of("/api/v1/capital", "/api/v1/capital/collateral",
      "/api/v1/position", "/api/v1/orders", "/api/v1/account", "/api/v1/borrowLend/positions",
      "/wapi/v1/history/orders", "/wapi/v1/history/fills", "/wapi/v1/history/funding",
      "/wapi/v1/history/interest", "/wapi/v1/history/settlement", "/wapi/v1/history/borrowLend",
      "/wapi/v1/history/position", "/api/v1/depth?symbol=SOL_USDC", "/api/v1/depth?symbol=SOL_USDC_PERP",
      "/api/v1/trades?symbol=SOL_USDC_PERP", "/api/v1/tickers", "/api/v1/markPrices", "/api/v1/openInterest");

  private final String folder;

  JournalFixture(String folder) {
    this.folder = folder;
  }

  /** {@return one file of this version's fixtures, e.g. {@code trading.reads}} */
  String resource(String name) throws IOException {
    try (InputStream in = JournalFixture.class.getResourceAsStream(folder + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@return the path of a copy of the journal {@code name} in {@code dir}, to start an exchange on} */
  Path copyTo(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name + ".journal"), resource(name + ".journal"));
  }

  /** {@return an exchange on the state file, with the seed the fixtures were written with} */
  static PaperExchange start(PaperClock clock, Path state) {
    return PaperExchange.builder().clock(clock).seed(9).stateFile(state).fsync(false).start();
  }

  /** {@return the path and answer of each read of each account, a line each, as the {@code .reads} hold them} */
  static String reads(PaperExchange paper, PaperClock clock) {
    StringBuilder out = new StringBuilder();
    for (SigningKey key : ACCOUNTS) {
      PaperHttp c = new PaperHttp(paper.url(), key, clock);
      for (String path : READS) {
        out.append(path).append('\n').append(c.get(path).body()).append('\n');
      }
    }
    return out.toString();
  }

  private static SigningKey key(int fill) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) fill);
    return SigningKey.fromBase64(Base64.getEncoder().encodeToString(seed));
  }
}
