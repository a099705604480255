package dev.bpx.paper.store;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Writes the version-2 journal fixtures under src/test/resources/journal-v2 with main's code (run
 * once, at commit "journal fixtures", before the journal format changed): every kind of command,
 * a batch with a refused item, refusals that were not journaled, a compacted journal, and the
 * answers of every read at the end.
 */
final class V2FixtureGenerator {
  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "generateV2Fixtures", matches = "true")
  void generate() throws Exception {
    main(new String[] {"src/test/resources/journal-v2"});
  }

  static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");
  static final SigningKey ALICE = key(7);
  static final SigningKey BOB = key(9);
  static final List<String> READS = List.of("/api/v1/capital", "/api/v1/capital/collateral",
      "/api/v1/position", "/api/v1/orders", "/api/v1/account", "/api/v1/borrowLend/positions",
      "/wapi/v1/history/orders", "/wapi/v1/history/fills", "/wapi/v1/history/funding",
      "/wapi/v1/history/interest", "/wapi/v1/history/settlement", "/wapi/v1/history/borrowLend",
      "/wapi/v1/history/position", "/api/v1/depth?symbol=SOL_USDC", "/api/v1/depth?symbol=SOL_USDC_PERP",
      "/api/v1/trades?symbol=SOL_USDC_PERP", "/api/v1/tickers", "/api/v1/markPrices", "/api/v1/openInterest");

  static SigningKey key(int fill) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) fill);
    return SigningKey.fromBase64(Base64.getEncoder().encodeToString(seed));
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    generate(out, "trading", false);
    generate(out, "compacted", true);
  }

  private static void generate(Path out, String name, boolean compactHalfway) throws Exception {
    Path state = out.resolve(name + ".journal");
    Files.deleteIfExists(state);
    PaperClock clock = PaperClock.fixed(T0);
    StringBuilder reads = new StringBuilder();
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(9).stateFile(state).fsync(false)
        .controlApi(true).start()) {
      PaperHttp a = new PaperHttp(paper.url(), ALICE, clock);
      PaperHttp b = new PaperHttp(paper.url(), BOB, clock);
      paper.setPrice("SOL_USDC", new BigDecimal("100.00"));
      a.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"3\","
          + "\"takeProfitTriggerPrice\":\"400.00\",\"stopLossTriggerPrice\":\"20.00\"}");
      a.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"99.00\",\"quantity\":\"2\",\"clientId\":7}");
      a.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"98.00\",\"quantity\":\"1.50\",\"clientId\":8}");
      // refused: not journaled by version 2
      a.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"98.00\",\"quantity\":\"900\"}");
      a.post("/api/v1/order", "{\"symbol\":\"NOPE\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"98.00\",\"quantity\":\"1\"}");
      a.post("/api/v1/order", "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"0.01\","
          + "\"triggerPrice\":\"1.0\",\"triggerQuantity\":\"0.01\"}");
      // a batch with one refused item (quantity off the step): journaled, its item outcome unknown to v2
      a.post("/api/v1/orders", "[{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"120.00\",\"quantity\":\"1\"},"
          + "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"121.00\",\"quantity\":\"0.001\"},"
          + "{\"symbol\":\"ETH_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"0.5\",\"postOnly\":true,\"timeInForce\":\"GTC\"}]");
      a.delete("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"clientId\":8}");
      a.post("/api/v1/borrowLend", "{\"symbol\":\"SOL\",\"side\":\"Borrow\",\"quantity\":\"2\"}");
      a.post("/api/v1/borrowLend", "{\"symbol\":\"USDC\",\"side\":\"Lend\",\"quantity\":\"300\"}");
      a.patch("/api/v1/account", "{\"leverageLimit\":\"5\",\"autoLend\":true}");
      paper.advance(Duration.ofMinutes(95));
      a.get("/api/v1/capital");
      b.get("/api/v1/capital"); // opens bob's account by a read
      if (compactHalfway) {
        paper.compact();
      }
      b.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"1\"}");
      paper.fund(b.apiKey(), "USDC", new BigDecimal("250.5"));
      clock.advance(Duration.ofMillis(2_500)); // system time passing, a read journals a tick
      a.get("/api/v1/depth?symbol=SOL_USDC");
      paper.advance(Duration.ofMinutes(10));
      paper.setPrice("SOL_USDC", new BigDecimal("101.00"));
      a.delete("/api/v1/orders", "{\"symbol\":\"ETH_USDC\"}");
      paper.reset(b.apiKey());
      b.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"90.00\",\"quantity\":\"1\",\"clientId\":3}");
      a.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.95\",\"quantity\":\"1\",\"clientId\":10}");
      for (PaperHttp c : List.of(a, b)) {
        for (String path : READS) {
          reads.append(path).append('\n').append(c.get(path).body()).append('\n');
        }
      }
      Files.writeString(out.resolve(name + ".offset"), Long.toString(clock.offsetMillis()));
    }
    Files.writeString(out.resolve(name + ".reads"), reads);
  }
}
