package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The out-of-the-box experience: no keys at all, the embedded paper exchange, state kept between runs. */
class PaperModeProcessTest {
  @TempDir Path dataDir;
  @TempDir Path workDir;

  @Test
  @SuppressWarnings("unchecked")
  void startsInPaperModeWithoutKeysPlacesAnOrderAndKeepsItAcrossRestarts() throws Exception {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString());
    String orderId;
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      assertThat(server.client().getServerInstructions()).contains("PAPER mode", "no real money");

      Map<String, Object> status = server.ok("get_server_status", Map.of());
      assertThat(status).containsEntry("mode", "paper").containsEntry("readOnly", false).containsEntry("connected", false);

      Map<String, Object> before = server.ok("get_balances", Map.of());
      BigDecimal solBefore = new BigDecimal((String) ((Map<String, Map<String, Object>>) before.get("balances")).get("SOL").get("available"));

      var result = server.call("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market",
          "quantity", "0.5"));
      assertThat(result.isError()).as(McpServerProcess.text(result)).isFalse();
      assertThat(McpServerProcess.text(result)).startsWith("[paper, simulated prices] Placed");
      Map<String, Object> placed = (Map<String, Object>) result.structuredContent();
      assertThat(placed).containsEntry("success", true).containsEntry("mode", "paper").containsEntry("duplicate", false);
      Map<String, Object> order = (Map<String, Object>) placed.get("order");
      assertThat(order).containsEntry("symbol", "SOL_USDC").containsEntry("side", "Bid").containsEntry("status", "Filled");
      orderId = (String) order.get("id");

      Map<String, Object> after = server.ok("get_balances", Map.of());
      BigDecimal solAfter = new BigDecimal((String) ((Map<String, Map<String, Object>>) after.get("balances")).get("SOL").get("available"));
      assertThat(solAfter).isGreaterThan(solBefore);

      status = server.ok("get_server_status", Map.of());
      assertThat(status).containsEntry("connected", true);
      assertThat((String) status.get("exchangeUrl")).startsWith("http://127.0.0.1:");
    }

    Path keyFile = dataDir.resolve("paper-account.key");
    assertThat(keyFile).exists();
    assertThat(dataDir.resolve("paper-exchange.journal")).exists();
    if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }
    String paperKey = Files.readString(keyFile, StandardCharsets.UTF_8).strip();

    try (McpServerProcess again = McpServerProcess.start(env, workDir)) {
      Map<String, Object> history = again.ok("get_order_history", Map.of("symbol", "SOL_USDC"));
      List<Map<String, Object>> orders = (List<Map<String, Object>>) history.get("orders");
      assertThat(orders).extracting(o -> o.get("id")).contains(orderId);
      assertThat(String.join("\n", again.stderr())).doesNotContain(paperKey);
    }
  }

  /**
   * A damaged paper state (a line in the middle of the journal that is not JSON) stops the paper
   * exchange rather than silently dropping the acknowledged commands after it; the person is told what
   * happened and what to do, the file is left as it was, and moving it aside starts a fresh account.
   */
  @Test
  void aDamagedPaperStateIsReportedWithWhatToDoAndTheFileIsLeftAlone() throws Exception {
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString());
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      server.checked("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1",
          "price", "100"));
    }
    Path state = dataDir.resolve("paper-exchange.journal");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(state));
    assertThat(lines.size()).as("header, then the commands").isGreaterThanOrEqualTo(3);
    lines.set(1, lines.get(1).substring(0, 10));
    Files.write(state, lines);
    byte[] damaged = Files.readAllBytes(state);

    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      var result = server.call("list_orders", Map.of());
      assertThat(result.isError()).isTrue();
      assertThat(McpServerProcess.text(result)).startsWith("The paper account's saved state cannot be opened: ")
          .contains("line 2", "Nothing was sent", "move " + state + " aside", "a fresh paper account starts")
          .doesNotContain("Internal error");
    }
    assertThat(Files.readAllBytes(state)).isEqualTo(damaged);

    Files.move(state, dataDir.resolve("paper-exchange.journal.damaged"));
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      assertThat(server.ok("list_orders", Map.of())).containsEntry("count", 0);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoServersOnOneDataDirectoryDoNotCorruptThePaperAccount() throws Exception {
    // Two MCP clients on one machine (say Cursor and Claude Desktop) each start the server with the
    // same default data directory.
    Map<String, String> env = Map.of("BACKPACK_DATA_DIR", dataDir.toString());
    Map<String, Object> order = Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.1",
        "price", "100.00");
    List<String> placed = new java.util.ArrayList<>();
    try (McpServerProcess first = McpServerProcess.start(env, workDir);
        McpServerProcess second = McpServerProcess.start(env, workDir)) {
      placed.add((String) ((Map<String, Object>) first.ok("create_order", order).get("order")).get("id"));
      var result = second.call("create_order", order);
      if (Boolean.TRUE.equals(result.isError())) {
        assertThat(McpServerProcess.text(result)).contains("another", dataDir.toString(), "BACKPACK_DATA_DIR");
      } else {
        placed.add((String) ((Map<String, Object>) ((Map<String, Object>) result.structuredContent()).get("order")).get("id"));
      }
      placed.add((String) ((Map<String, Object>) first.ok("create_order", order).get("order")).get("id"));
    }
    assertThat(placed).doesNotHaveDuplicates();
    try (McpServerProcess later = McpServerProcess.start(env, workDir)) {
      List<Map<String, Object>> open = (List<Map<String, Object>>) later.ok("list_orders", Map.of()).get("orders");
      assertThat(open).extracting(o -> o.get("id")).containsExactlyInAnyOrderElementsOf(placed);
    }
  }
}
