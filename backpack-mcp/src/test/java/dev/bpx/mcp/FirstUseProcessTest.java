package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets first, through the real process and stdio: --help and --version, a
 * configuration error under an MCP client, the user-wide settings file, ping before initialize, a
 * write tool hidden by read-only mode, JSON numbers for amounts, and a second server on one paper account.
 */
class FirstUseProcessTest {
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @TempDir Path dataDir;
  @TempDir Path workDir;

  /** A finished run of the server: exit code, stdout and stderr. */
  private record Run(int exitCode, String stdout, String stderr) {}

  private Run runToEnd(List<String> command, Map<String, String> env, String stdin) throws Exception {
    ProcessBuilder builder = McpServerProcess.isolatedBuilder(workDir).command(command);
    builder.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void helpAndVersionPrintOnStdoutAndExitWithZero() throws Exception {
    Run help = runToEnd(McpServerProcess.command(List.of("--help")), Map.of(), "");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("Usage: java -jar backpack-mcp.jar [--paper]", "--version",
        workDir.resolve("no-user-config").resolve("backpack-mcp").resolve(".env").toString(), "BACKPACK_READ_ONLY");
    Run version = runToEnd(McpServerProcess.command(List.of("--version")), Map.of(), "");
    assertThat(version.exitCode()).isZero();
    assertThat(version.stdout()).matches("backpack-mcp \\S+\\n");
  }

  @Test
  void aConfigurationErrorReachesTheAssistantThroughTheClientAndNoToolSendsAnything() {
    String secret = SigningKey.generate().exportPrivateKeyBase64();
    try (McpServerProcess server = McpServerProcess.start(Map.of("BACKPACK_READONLY", "true", "BACKPACK_PRIVATE_KEY", secret,
        "BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      String instructions = server.client().getServerInstructions();
      assertThat(instructions).startsWith("CONFIGURATION ERROR").contains("unknown setting BACKPACK_READONLY",
          "Did you mean BACKPACK_READ_ONLY?", "Fix BACKPACK_READONLY in the environment", "restart the server");
      Map<String, Object> status = server.ok("get_server_status", Map.of());
      assertThat(status).containsEntry("mode", "unconfigured").containsEntry("connected", false);
      assertThat((String) status.get("configurationError")).contains("BACKPACK_READONLY", "restart the server");
      for (String tool : List.of("get_balances", "create_order", "list_markets")) {
        assertThat(server.error(tool, Map.of("symbol", "SOL_USDC"))).as(tool)
            .contains("configuration is wrong", "Nothing was sent", "Fix BACKPACK_READONLY in the environment", "restart the server");
      }
      assertThat(server.ok("get_server_status", Map.of())).containsEntry("connected", false);
      assertThat(dataDir).isEmptyDirectory();
      String stderr = String.join("\n", server.stderr());
      assertThat(stderr).contains("configuration error: unknown setting BACKPACK_READONLY").doesNotContain(secret)
          .doesNotContain("\tat ");
      assertThat(instructions + status).doesNotContain(secret);
    }
  }

  @Test
  void aConfigurationErrorAtATerminalExitsWithCode2() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) for a terminal");
    // script(1) runs the server on a pseudo-terminal, as a person typing the command would.
    String command = String.join(" ", McpServerProcess.command(List.of()).stream().map(a -> "'" + a + "'").toList());
    Run run = runToEnd(List.of("/usr/bin/script", "-qec", command, "/dev/null"), Map.of("BACKPACK_READONLY", "true"), "");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).contains("configuration error: unknown setting BACKPACK_READONLY", "Fix BACKPACK_READONLY")
        .doesNotContain("jsonrpc");
  }

  @Test
  void theUserWideSettingsFileIsReadWhenTheWorkingDirectoryHasNoneAndTheLogSaysSo() throws Exception {
    Path config = workDir.resolve("xdg");
    Path userWide = Files.createDirectories(config.resolve("backpack-mcp")).resolve(".env");
    Files.writeString(userWide, "BACKPACK_MAX_ORDER_NOTIONAL=123\nBACKPACK_DATA_DIR=" + dataDir + "\n", StandardCharsets.UTF_8);
    try (McpServerProcess server = McpServerProcess.start(Map.of("XDG_CONFIG_HOME", config.toString()), workDir)) {
      assertThat(server.ok("get_server_status", Map.of())).containsEntry("maxOrderNotional", "123");
      assertThat(String.join("\n", server.stderr())).contains("settings: read " + userWide);
      // The limit the status reports is the one the exchange client enforces.
      assertThat(server.error("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
          "quoteQuantity", "124"))).contains("exceeds the max order notional 123");
    }
    Files.writeString(workDir.resolve(".env"), "BACKPACK_MAX_ORDER_NOTIONAL=50\nBACKPACK_DATA_DIR=" + dataDir + "\n",
        StandardCharsets.UTF_8);
    try (McpServerProcess server = McpServerProcess.start(Map.of("XDG_CONFIG_HOME", config.toString()), workDir)) {
      assertThat(server.ok("get_server_status", Map.of())).containsEntry("maxOrderNotional", "50");
      assertThat(String.join("\n", server.stderr())).contains("settings: read " + workDir.resolve(".env"),
          userWide + " is not read");
    }
  }

  @Test
  void pingBeforeInitializeIsAnsweredAtOnceAndOtherRequestsBeforeItGetAnError() throws Exception {
    ProcessBuilder builder = McpServerProcess.isolatedBuilder(workDir).command(McpServerProcess.command(List.of()));
    builder.environment().put("BACKPACK_DATA_DIR", dataDir.toString());
    builder.redirectError(workDir.resolve("stderr.txt").toFile());
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      OutputStream in = process.getOutputStream();
      in.write("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertThat(out.readLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
      in.write("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      Map<String, Object> refused = StdioProtocolProcessTest.parse(out.readLine());
      assertThat(refused.get("id")).isEqualTo(new BigDecimal("8"));
      assertThat(refused.get("error").toString()).contains("-32002", "send \"initialize\" first");
      in.write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      Map<String, Object> initialized = StdioProtocolProcessTest.parse(out.readLine());
      assertThat(initialized.get("id")).isEqualTo(BigDecimal.ONE);
      assertThat(initialized).containsKey("result");
      in.close();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void inReadOnlyModeAWriteToolCallSaysReadOnlyModeIsOnAndPlacesNothing() {
    try (McpServerProcess server = McpServerProcess.start(Map.of("BACKPACK_READ_ONLY", "true",
        "BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      assertThat(server.tools()).doesNotContainKey("create_order");
      McpSchema.CallToolResult result = server.call("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid",
          "orderType", "Market", "quoteQuantity", "20"));
      assertThat(result.isError()).isTrue();
      assertThat(McpServerProcess.text(result)).startsWith("[paper, simulated prices] Read-only mode is on (BACKPACK_READ_ONLY=true): create_order")
          .contains("nothing was sent");
      assertThat(server.ok("get_order_history", Map.of())).containsEntry("count", 0);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonNumbersForAmountsArriveWithTheirExactDigits() {
    try (McpServerProcess server = McpServerProcess.start(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      BigDecimal before = lentUsdc(server.ok("get_balances", Map.of()));
      // The SDK client writes these as JSON numbers, as models and the inspector's --tool-arg do.
      assertThat(server.ok("lend", Map.of("asset", "USDC", "quantity", 12.5))).containsEntry("quantity", "12.5");
      assertThat(server.ok("lend", Map.of("asset", "USDC", "quantity", 0.1))).containsEntry("quantity", "0.1");
      BigDecimal after = lentUsdc(server.ok("get_balances", Map.of()));
      assertThat(after.subtract(before)).isEqualByComparingTo("12.6");
      Map<String, Object> order = (Map<String, Object>) server.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid",
          "orderType", "Market", "quantity", 0.3)).get("order");
      assertThat(new BigDecimal((String) order.get("quantity"))).isEqualByComparingTo("0.3");
      assertThat(new BigDecimal((String) order.get("executedQuantity"))).isEqualByComparingTo("0.3");
    }
  }

  @SuppressWarnings("unchecked")
  private static BigDecimal lentUsdc(Map<String, Object> balances) {
    return new BigDecimal((String) ((Map<String, Map<String, Object>>) balances.get("balances")).get("USDC").get("lent"));
  }

  @Test
  void aSecondServerOnTheSamePaperAccountSaysItIsBusyUntilTheFirstExitsWithoutARestart() throws Exception {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString());
    Path otherWorkDir = Files.createDirectories(workDir.resolve("second"));
    try (McpServerProcess second = McpServerProcess.start(env, otherWorkDir)) {
      try (McpServerProcess first = McpServerProcess.start(env, workDir)) {
        first.ok("get_balances", Map.of());
        for (int i = 0; i < 2; i++) {
          assertThat(second.error("get_balances", Map.of())).contains("another backpack-mcp server", dataDir.toString(),
              "Nothing was sent", "clears by itself when that other server exits", "no restart of this server is needed");
        }
      }
      List<String> errors = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      McpSchema.CallToolResult result;
      do {
        result = second.call("get_balances", Map.of());
        if (Boolean.TRUE.equals(result.isError())) {
          errors.add(McpServerProcess.text(result));
          Thread.sleep(200);
        }
      } while (Boolean.TRUE.equals(result.isError()) && System.nanoTime() < deadline);
      assertThat(result.isError()).as("still busy after the first exited: %s", errors).isNotEqualTo(Boolean.TRUE);
      assertThat(String.join("\n", second.stderr())).as("one line per refused call, no stack trace")
          .doesNotContain("\tat ").doesNotContain("Exception:");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void textsShowNumbersAtTheMarketsPrecisionAndNoMapDumpsOrRepeatedSentences() {
    try (McpServerProcess server = McpServerProcess.start(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), workDir)) {
      McpSchema.CallToolResult market = server.call("get_market", Map.of("symbol", "BTC_USDC_PERP"));
      String marketText = McpServerProcess.text(market);
      assertThat(marketText).startsWith("BTC_USDC_PERP (PERP, BTC/USDC)").contains("tickSize", "stepSize")
          .doesNotContain("{").doesNotContain("=");
      Map<String, Map<String, Object>> filters = (Map<String, Map<String, Object>>) ((Map<String, Object>) market.structuredContent()).get("filters");
      int tickScale = new BigDecimal((String) filters.get("price").get("tickSize")).stripTrailingZeros().scale();
      int stepScale = new BigDecimal((String) filters.get("quantity").get("stepSize")).stripTrailingZeros().scale();

      Map<String, Object> order = Map.of("symbol", "BTC_USDC_PERP", "side", "Bid", "orderType", "Market", "quantity", "50");
      String preview = McpServerProcess.text(server.call("preview_order", order));
      java.util.regex.Matcher needs = java.util.regex.Pattern
          .compile("needs about ([0-9.]+) USDC of initial margin and ([0-9.-]+) is available").matcher(preview);
      assertThat(needs.find()).as(preview).isTrue();
      assertThat(new BigDecimal(needs.group(1)).scale()).as(preview).isLessThanOrEqualTo(tickScale + stepScale);
      assertThat(new BigDecimal(needs.group(2)).scale()).as(preview).isLessThanOrEqualTo(tickScale + stepScale);
      java.util.regex.Matcher average = java.util.regex.Pattern.compile(" at ~([0-9.]+) ").matcher(preview);
      assertThat(average.find()).as(preview).isTrue();
      assertThat(new BigDecimal(average.group(1)).scale()).as(preview).isLessThanOrEqualTo(tickScale);
      List<String> lines = preview.lines().toList();
      assertThat(lines).as("no line said twice").doesNotHaveDuplicates();
      // What the preview says would be refused, the exchange refuses.
      assertThat(server.error("create_order", order)).containsIgnoringCase("margin");
      assertThat(server.ok("list_positions", Map.of())).containsEntry("count", 0);
    }
  }
}
