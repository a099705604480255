package dev.bpx.it;

import static dev.bpx.it.Json.list;
import static dev.bpx.it.Json.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test with an MCP client nobody on the team wrote: the official inspector's CLI, started with
 * {@code npx}, launching the built jar with the documented flags in paper mode. Skipped, with the
 * reason, only where npx is missing or the npm registry cannot be reached.
 */
class InspectorCliIT {
  static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  @TempDir
  static Path temp;

  /** Why the inspector cannot run here, or null when it can; found once per class. */
  private static String unavailable;

  @BeforeAll
  static void checkNpxAndTheRegistry() {
    Result npx = run(List.of("npx", "--version"), 30);
    if (npx.exitCode != 0) {
      unavailable = "npx is not available (" + npx.output.strip() + "); install Node.js 20+ to run the MCP inspector smoke test";
      return;
    }
    Result ping = run(List.of("npm", "ping", "--fetch-timeout=10000", "--fetch-retries=1"), 60);
    if (ping.exitCode != 0) {
      unavailable = "the npm registry is unreachable (npm ping: " + ping.output.strip() + "); the smoke test needs it to fetch "
          + INSPECTOR;
    }
  }

  @BeforeEach
  void skipWhereTheInspectorCannotRun() {
    // An assumption per test (not in @BeforeAll) so that the report counts the tests as skipped, with the reason.
    assumeTrue(unavailable == null, () -> "SKIPPED: " + unavailable);
  }

  @Test
  void inspectorListsEveryToolWithSchemasAndNoPortabilityError() throws IOException {
    List<String> command = inspector("--strict", "--method", "tools/list");
    Result result = run(command, 300);

    assertThat(result.exitCode).as("inspector exit code (6 = a tool schema has an error-severity portability problem)\n%s",
        result.output).isZero();
    List<Map<String, Object>> tools = list(map(json(result), "result"), "tools");
    assertThat(tools).extracting(t -> t.get("name")).hasSize(30)
        .contains("list_orders", "create_order", "cancel_order", "list_positions", "get_balances", "get_server_status");
    assertThat(tools).allSatisfy(t -> assertThat(t).containsKeys("inputSchema", "outputSchema", "description"));
  }

  @Test
  void inspectorCallsToolsInPaperMode() throws IOException {
    Result status = run(inspector("--method", "tools/call", "--tool-name", "get_server_status"), 300);
    assertThat(status.exitCode).as(status.output).isZero();
    Map<String, Object> statusResult = map(json(status), "result");
    assertThat(statusResult.get("isError")).isNotEqualTo(true);
    assertThat(map(statusResult, "structuredContent")).containsEntry("mode", "paper").containsEntry("readOnly", false);

    Result balances = run(inspector("--method", "tools/call", "--tool-name", "get_balances",
        "--tool-args-json", "{\"showZeroBalances\":true}"), 300);
    assertThat(balances.exitCode).as(balances.output).isZero();
    Map<String, Object> usdc = map(map(map(map(json(balances), "result"), "structuredContent"), "balances"), "USDC");
    assertThat(usdc).containsEntry("available", "10000").containsEntry("lent", "2000");
  }

  @Test
  void inspectorShowsAToolErrorWithTheServersMessage() throws IOException {
    // The inspector validates results with the TypeScript SDK client; before error results stopped
    // carrying an undeclared {"error": ...}, it printed -32602 "Structured content does not match".
    Result refused = run(inspector("--method", "tools/call", "--tool-name", "list_orders", "--tool-arg", "symbol=FOO_BAR"), 300);
    assertThat(refused.exitCode).as("inspector exit code (5 = the tool returned isError)\n%s", refused.output).isEqualTo(5);
    Map<String, Object> result = map(json(refused), "result");
    assertThat(result).containsEntry("isError", true).doesNotContainKey("structuredContent");
    assertThat(map(list(result, "content").get(0))).containsEntry("type", "text");
    assertThat((String) map(list(result, "content").get(0)).get("text")).contains("no market 'FOO_BAR'", "Change the arguments");
    assertThat(refused.output).doesNotContain("Structured content does not match");
  }

  @Test
  void inspectorToolArgsSendJsonNumbersForAmountsAndTheyAreTakenExactly() throws IOException {
    // --tool-arg quantity=0.5 sends the JSON number 0.5, as models often do.
    Result preview = run(inspector("--method", "tools/call", "--tool-name", "preview_order", "--tool-arg", "symbol=SOL_USDC",
        "side=Bid", "orderType=Limit", "quantity=0.5", "price=100"), 300);
    assertThat(preview.exitCode).as(preview.output).isZero();
    Map<String, Object> structured = map(map(json(preview), "result"), "structuredContent");
    assertThat(structured).containsEntry("acceptable", true).containsEntry("restingQuantity", "0.5");
  }

  @Test
  void inspectorWaitsForAnOrderAndIsToldWhenTheWaitIsTooLong() throws IOException {
    // A resting bid far below the market stays open: the call waits the full 2 s, then says so.
    Result placed = run(inspector("--method", "tools/call", "--tool-name", "create_order", "--tool-arg", "symbol=SOL_USDC",
        "side=Bid", "orderType=Limit", "quantity=0.1", "price=100", "clientId=777"), 300);
    assertThat(placed.exitCode).as(placed.output).isZero();
    try {
      waitsThenRefusesTooLong();
    } finally {
      // The other tests read the paper balances: leave nothing locked.
      Result cancelled = run(inspector("--method", "tools/call", "--tool-name", "cancel_order", "--tool-arg",
          "symbol=SOL_USDC", "clientId=777"), 300);
      assertThat(cancelled.exitCode).as(cancelled.output).isZero();
    }
  }

  private void waitsThenRefusesTooLong() throws IOException {
    long started = System.nanoTime();
    Result waited = run(inspector("--method", "tools/call", "--tool-name", "get_order", "--tool-arg", "symbol=SOL_USDC",
        "clientId=777", "waitSeconds=2"), 300);
    assertThat(waited.exitCode).as(waited.output).isZero();
    assertThat(System.nanoTime() - started).as("the call waited").isGreaterThan(2_000_000_000L);
    Map<String, Object> result = map(json(waited), "result");
    assertThat(map(result, "structuredContent")).containsEntry("found", true).containsEntry("open", true);
    assertThat((String) map(list(result, "content").get(0)).get("text")).contains("after waiting 2 s");

    Result tooLong = run(inspector("--method", "tools/call", "--tool-name", "get_order", "--tool-arg", "symbol=SOL_USDC",
        "clientId=777", "waitSeconds=46"), 300);
    assertThat(tooLong.exitCode).as("inspector exit code (5 = the tool returned isError)\n%s", tooLong.output).isEqualTo(5);
    assertThat((String) map(list(map(json(tooLong), "result"), "content").get(0)).get("text")).contains("waitSeconds", "45");
  }

  @Test
  void inspectorTradesOnRealMarketDataAndIsToldWhenTheUpstreamCannotBeRead() throws IOException {
    // The upstream stands in for Backpack: a paper exchange on simulated prices, moved far from the
    // seeded walk, read by the server over real HTTP and WebSocket.
    try (dev.bpx.paper.PaperExchange upstream = dev.bpx.paper.PaperExchange.builder().webSocketPort(0).start()) {
      upstream.setPrice("SOL_USDC", new java.math.BigDecimal("321.00"));
      String where = "real market data from " + upstream.url();
      List<String> live = List.of("BACKPACK_DATA_DIR=" + temp.resolve("data-live"), "BACKPACK_PAPER_MARKET_DATA=live",
          "BACKPACK_PAPER_UPSTREAM_URL=" + upstream.url(), "BACKPACK_PAPER_UPSTREAM_WS_URL=" + upstream.wsUrl());
      Result placed = run(inspector(live, "--method", "tools/call", "--tool-name", "create_order", "--tool-arg",
          "symbol=SOL_USDC", "side=Bid", "orderType=Market", "quantity=0.1"), 300);
      assertThat(placed.exitCode).as(placed.output).isZero();
      Map<String, Object> result = map(json(placed), "result");
      assertThat(map(result, "structuredContent")).containsEntry("mode", "paper").containsEntry("marketData", where);
      assertThat((String) map(list(result, "content").get(0)).get("text")).startsWith("[paper, " + where + "] Placed");
      java.math.BigDecimal quote = new java.math.BigDecimal((String) map(map(result, "structuredContent"), "order")
          .get("executedQuoteQuantity"));
      assertThat(quote).as("0.1 SOL near the upstream's 321").isBetween(new java.math.BigDecimal("31"), new java.math.BigDecimal("33"));
    }

    List<String> unreachable = List.of("BACKPACK_DATA_DIR=" + temp.resolve("data-unreachable"), "BACKPACK_PAPER_MARKET_DATA=live",
        "BACKPACK_PAPER_UPSTREAM_URL=http://127.0.0.1:1", "BACKPACK_PAPER_UPSTREAM_WS_URL=ws://127.0.0.1:1");
    Result refused = run(inspector(unreachable, "--method", "tools/call", "--tool-name", "create_order", "--tool-arg",
        "symbol=SOL_USDC", "side=Bid", "orderType=Market", "quantity=0.1"), 300);
    assertThat(refused.exitCode).as("inspector exit code (5 = the tool returned isError)\n%s", refused.output).isEqualTo(5);
    assertThat((String) map(list(map(json(refused), "result"), "content").get(0)).get("text"))
        .contains("BACKPACK_PAPER_MARKET_DATA is live but the upstream http://127.0.0.1:1 cannot be read");
  }

  private static List<String> inspector(String... method) {
    return inspector(List.of("BACKPACK_DATA_DIR=" + temp.resolve("data"), "BACKPACK_PAPER_MARKET_DATA=simulated"), method);
  }

  /** @param env the server's variables, NAME=value */
  private static List<String> inspector(List<String> env, String... method) {
    // The inspector hands the server only these variables (and a few defaults such as HOME): so the
    // user-wide settings file is kept out here, not by the environment of run().
    List<String> command = new ArrayList<>(List.of("npx", "-y", INSPECTOR, "--cli", "--format", "json",
        "-e", "XDG_CONFIG_HOME=" + temp.resolve("no-user-config")));
    for (String variable : env) {
      command.addAll(List.of("-e", variable));
    }
    command.add(ServerUnderTest.javaExecutable());
    command.addAll(ServerUnderTest.documentedArgs(ServerUnderTest.jar(), ServerUnderTest.archive()));
    command.addAll(List.of(method));
    return command;
  }

  private static Map<String, Object> json(Result result) throws IOException {
    String stdout = Files.readString(result.stdout, StandardCharsets.UTF_8).strip();
    assertThat(stdout).as("inspector stdout; stderr:\n%s", result.output).startsWith("{");
    return McpJsonDefaults.getMapper().readValue(stdout, MAP);
  }

  private record Result(int exitCode, Path stdout, String output) {}

  /** Runs a command with the parent's environment minus BACKPACK_*; stdout to a file, stderr kept for messages. */
  private static Result run(List<String> command, int timeoutSeconds) {
    try {
      Path out = Files.createTempFile(temp, "stdout", ".json");
      Path err = Files.createTempFile(temp, "stderr", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("BACKPACK_"));
      // Nor the developer's user-wide settings file (XDG_CONFIG_HOME/backpack-mcp/.env, APPDATA on Windows).
      builder.environment().put("XDG_CONFIG_HOME", temp.resolve("no-user-config").toString());
      builder.environment().put("APPDATA", temp.resolve("no-user-config").toString());
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, out, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, null, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, null, "interrupted");
    }
  }
}
