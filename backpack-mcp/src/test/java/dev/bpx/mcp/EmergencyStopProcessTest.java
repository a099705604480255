package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emergency stop as a tool of the server in LIVE mode and as the {@code emergency-stop} command, both
 * against a paper exchange this test owns; an independent client on the same account checks what is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmergencyStopProcessTest {
  @TempDir static Path dataDir;
  @TempDir static Path workDir;
  private PaperExchange paper;
  private SigningKey key;
  private BackpackClient exchange;
  private McpServerProcess server;

  @BeforeAll
  void start() {
    paper = PaperExchange.builder().seed(7).controlApi(true).fsync(false).start();
    key = SigningKey.generate();
    exchange = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    server = McpServerProcess.start(liveEnv(), workDir);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (exchange != null) {
      exchange.close();
    }
    if (paper != null) {
      paper.close();
    }
  }

  private Map<String, String> liveEnv() {
    return Map.of("BACKPACK_BASE_URL", paper.url(), "BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_PUBLIC_KEY", key.publicKeyBase64(), "BACKPACK_DATA_DIR", dataDir.toString());
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private List<Position> openPositions() {
    return exchange.account().listPositions().stream().filter(p -> p.netQuantity().signum() != 0).toList();
  }

  /** Resting orders on spot and perp, a trigger order, a position with TP/SL, a long and a short. */
  private void mixedBook() {
    paper.setPrice("SOL_USDC", d("150.00"));
    paper.setPrice("SOL_USDC_PERP", d("150.00"));
    paper.setPrice("BTC_USDC_PERP", d("60000.0"));
    var orders = exchange.orders();
    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("100.00")).build());
    orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, d("1"), d("200.00")).build());
    orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("1")).triggerPrice(d("155.00"))
        .triggerQuantity(d("1")).build());
    orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("2")).takeProfitTriggerPrice(d("170.00"))
        .stopLossTriggerPrice(d("140.00")).build());
    orders.place(OrderRequest.marketByQuantity("BTC_USDC_PERP", Side.ASK, d("0.01")).build());
    assertThat(orders.listOpenOrders()).hasSize(5);
    assertThat(openPositions()).hasSize(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theToolLeavesNoOpenOrderAndNoPositionAndASecondCallHasNothingToDo() {
    mixedBook();

    Map<String, Object> first = server.ok("emergency_stop", Map.of());

    assertThat((List<Object>) first.get("cancelled")).hasSize(5);
    assertThat((List<Map<String, Object>>) first.get("closed")).extracting(o -> o.get("symbol"))
        .containsExactlyInAnyOrder("SOL_USDC_PERP", "BTC_USDC_PERP");
    assertThat((List<Object>) first.get("failures")).isEmpty();
    assertThat(first).containsEntry("nothingToDo", false).containsEntry("mode", "live");
    assertThat(exchange.orders().listOpenOrders()).isEmpty();
    assertThat(openPositions()).isEmpty();

    Map<String, Object> second = server.ok("emergency_stop", Map.of());
    assertThat(second).containsEntry("nothingToDo", true);
    assertThat(McpServerProcess.text(server.call("emergency_stop", Map.of()))).contains("nothing to do");
    assertThat(server.tools().get("emergency_stop").annotations().destructiveHint()).isTrue();
    assertThat(server.tools().get("emergency_stop").annotations().idempotentHint()).isTrue();
  }

  /** A finished run of the command: exit code, stdout and stderr. */
  private record Run(int exitCode, String stdout, String stderr) {}

  private Run runCommand(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder = McpServerProcess.isolatedBuilder(workDir).command(McpServerProcess.command(List.of(args)));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("emergency-stop ended").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theCommandPrintsTheReportAndExitsZeroThenReportsNothingToDo() throws Exception {
    mixedBook();

    Run first = runCommand(liveEnv(), "emergency-stop");

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).startsWith("Emergency stop: cancelled 5 order(s), closed 2 position(s), 0 failure(s).")
        .contains("Closed the position with Market Ask 2 SOL_USDC_PERP", "Closed the position with Market Bid 0.01 BTC_USDC_PERP");
    assertThat(first.stderr()).doesNotContain(key.exportPrivateKeyBase64());
    assertThat(exchange.orders().listOpenOrders()).isEmpty();
    assertThat(openPositions()).isEmpty();

    Run second = runCommand(liveEnv(), "emergency-stop");
    assertThat(second.exitCode()).isZero();
    assertThat(second.stdout()).isEqualTo("Emergency stop: nothing to do; no open orders and no open positions.\n");
  }

  @Test
  void theCommandExitsOneAndSaysWhatFailedWhenTheExchangeCannotBeReached() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(liveEnv());
    env.put("BACKPACK_BASE_URL", "http://127.0.0.1:1");
    env.put("BACKPACK_MAX_RETRIES", "0");

    Run run = runCommand(env, "emergency-stop");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).contains("FAILED: list open orders:", "FAILED: list positions:");
  }

  @Test
  void inPaperModeTheCommandRefusesWhileAServerHoldsThePaperAccountAndWorksOnceItHasGone(@TempDir Path paperDir)
      throws Exception {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", paperDir.toString());
    try (McpServerProcess paperServer = McpServerProcess.start(env, workDir)) {
      paperServer.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1",
          "price", "100.00"));

      Run refused = runCommand(env, "emergency-stop");

      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.stdout()).isEmpty();
      assertThat(refused.stderr()).contains("is using the paper account in " + paperDir, "Nothing was sent",
          "call the emergency_stop tool of that server");
    }

    Run run = runCommand(env, "emergency-stop");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).startsWith("Emergency stop: cancelled 1 order(s), closed 0 position(s), 0 failure(s).")
        .contains("Limit Bid 1 SOL_USDC @ 1");
    assertThat(runCommand(env, "emergency-stop").stdout()).contains("nothing to do");
  }
}
