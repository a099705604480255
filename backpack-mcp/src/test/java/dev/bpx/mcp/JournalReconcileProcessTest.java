package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.journal.JournalReader;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.journal.JournalVerifier;
import dev.bpx.client.journal.JournalWriter;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between an order's intent and its outcome, reconciled when the next server opens the exchange:
 * one order reached the exchange before the crash, the other never left. The server runs in LIVE mode
 * against a paper exchange this test owns.
 */
class JournalReconcileProcessTest {
  @TempDir Path dataDir;
  @TempDir Path workDir;
  private final PaperExchange paper = PaperExchange.builder().seed(3).fsync(false).start();
  private final SigningKey key = SigningKey.generate();
  private final BackpackClient exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();

  @AfterEach
  void stop() {
    exchange.close();
    paper.close();
  }

  @Test
  void intentsLeftByACrashAreLookedUpByClientIdWhenTheServerOpensTheExchange() throws Exception {
    Path journalDir = dataDir.resolve("journal");
    // The crashed process wrote its intents two minutes ago, before sending.
    JournalWriter crashed = new JournalWriter(journalDir, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)),
        JournalWriter.DEFAULT_MAX_FILE_BYTES);
    JournalRecord sent = crashed.append(intent(3_000_001L));
    JournalRecord neverSent = crashed.append(intent(3_000_002L));
    // The first one reached the exchange; then the process died before writing its outcome.
    Order placed = exchange.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"),
        new BigDecimal("100.00")).clientId(3_000_001L).build());

    try (McpServerProcess server = McpServerProcess.start(Map.of("BACKPACK_BASE_URL", paper.url(),
        "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(), "BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      server.ok("list_orders", Map.of());

      List<JournalRecord> outcomes = new JournalReader(journalDir).readAll().stream()
          .filter(JournalRecord::isOutcome).toList();
      assertThat(outcomes).hasSize(2);
      assertThat(outcomes.get(0)).extracting(JournalRecord::ref, JournalRecord::result, JournalRecord::orderId,
          JournalRecord::status).containsExactly(sent.id(), "placed", placed.id(), "New");
      assertThat(outcomes.get(1)).extracting(JournalRecord::ref, JournalRecord::result, JournalRecord::orderId)
          .containsExactly(neverSent.id(), "notFound", null);
      assertThat(String.join("\n", server.stderr())).contains("trade journal: intent place on SOL_USDC (clientId 3000001)"
          + " had no outcome, probably from a crash; reconciled: placed");

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> entries = (List<Map<String, Object>>) server.ok("get_trade_journal", Map.of()).get("entries");
      assertThat(entries).extracting(e -> e.get("result")).containsExactly(null, null, "placed", "notFound");
    }
    assertThat(JournalVerifier.verify(journalDir).intact()).isTrue();
    assertThat(exchange.orders().listOpenOrders()).extracting(Order::clientId).containsExactly(3_000_001L);
  }

  private static JournalRecord intent(long clientId) {
    return JournalRecord.intent("place").symbol("SOL_USDC").side("Bid").orderType("Limit").quantity(BigDecimal.ONE)
        .price(new BigDecimal("100.00")).clientId(clientId).build();
  }
}
