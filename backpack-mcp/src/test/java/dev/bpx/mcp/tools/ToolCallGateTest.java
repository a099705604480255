package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.mcp.SchemaChecks;
import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCallGateTest {
  @TempDir Path dataDir;

  private List<ToolDef> defs() {
    ServerConfig config = ServerConfig.load(List.of(), Map.of("BACKPACK_DATA_DIR", dataDir.toString()), null, dataDir);
    return Tools.definitions(new TradingSession(config));
  }

  @Test
  void inReadOnlyModeACallToAHiddenWriteToolIsAnsweredWithAnErrorSayingReadOnlyModeIsOn() {
    List<ToolDef> defs = defs();
    ToolCallGate gate = ToolCallGate.of(defs, ResultMode.of(Mode.LIVE), true);
    List<ToolDef> writes = defs.stream().filter(d -> d.kind().writes()).toList();
    assertThat(writes).extracting(ToolDef::name).contains("create_order", "cancel_order", "lend", "update_account_settings");
    for (ToolDef def : writes) {
      Optional<Object> answer = gate.answer(def.name(), Map.of());
      assertThat(answer).as(def.name()).isPresent();
      McpSchema.CallToolResult result = (McpSchema.CallToolResult) answer.get();
      ToolErrorResultsTest.assertErrorConforms(def, result);
      assertThat(((McpSchema.TextContent) result.content().get(0)).text())
          .startsWith("[live] Read-only mode is on (BACKPACK_READ_ONLY=true): " + def.name() + " is not offered")
          .contains("nothing was sent", "restart the server");
    }
    assertThat(gate.answer("get_balances", Map.of())).isEmpty();
    assertThat(ToolCallGate.of(defs, ResultMode.of(Mode.LIVE), false).answer("create_order", Map.of())).isEmpty();
  }

  @Test
  void jsonNumbersForAmountsAreHandedOnAsTheirExactDecimalTextAndNothingElseChanges() {
    ToolCallGate gate = ToolCallGate.of(defs(), ResultMode.of(Mode.PAPER), false);
    Map<String, Object> rewritten = gate.rewrite("create_order", Map.of("symbol", "SOL_USDC", "quantity", new BigDecimal("0.10"),
        "price", new BigDecimal("1.4210E+2"), "clientId", new BigDecimal("7"), "postOnly", true));
    assertThat(rewritten).containsEntry("quantity", "0.10").containsEntry("price", "142.10")
        .containsEntry("clientId", new BigDecimal("7")).containsEntry("symbol", "SOL_USDC").containsEntry("postOnly", true);
    assertThat(gate.rewrite("lend", Map.of("asset", "USDC", "quantity", new BigDecimal("500")))).containsEntry("quantity", "500");
    assertThat(gate.rewrite("create_order", Map.of("symbol", "SOL_USDC", "quantity", "0.5"))).as("strings stay").isNull();
    assertThat(gate.rewrite("get_order_book", Map.of("symbol", "SOL_USDC", "limit", new BigDecimal("5")))).isNull();
  }

  @Test
  void withAWrongConfigurationEveryToolButTheStatusAnswersWithTheProblemBeforeReadingItsArguments() {
    ConfigException problem = new ConfigException("BACKPACK_READONLY", "unknown setting BACKPACK_READONLY.", "the environment", null);
    TradingSession session = TradingSession.unconfigured(problem);
    List<SyncToolSpecification> specs = Tools.specifications(session);
    Map<String, ToolDef> defs = new java.util.HashMap<>();
    Tools.definitions(session).forEach(d -> defs.put(d.name(), d));
    assertThat(specs).hasSize(defs.size());
    for (SyncToolSpecification spec : specs) {
      String name = spec.tool().name();
      boolean status = name.equals("get_server_status");
      McpSchema.CallToolResult result = spec.callHandler().apply(null,
          new McpSchema.CallToolRequest(name, status ? Map.of() : Map.of("no_such_argument", 1)));
      String text = ((McpSchema.TextContent) result.content().get(0)).text();
      if (status) {
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text).contains("NOT CONFIGURED", "unknown setting BACKPACK_READONLY");
        assertThat(SchemaChecks.instanceProblems(defs.get(name).output(), result.structuredContent())).isEmpty();
        assertThat(result.structuredContent()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("mode", "unconfigured")
            .containsEntry("configurationError", "unknown setting BACKPACK_READONLY. Fix BACKPACK_READONLY in the environment,"
                + " then restart the server.");
        continue;
      }
      ToolErrorResultsTest.assertErrorConforms(defs.get(name), result);
      assertThat(text).as(name).startsWith("The server's configuration is wrong: unknown setting BACKPACK_READONLY. Nothing was sent")
          .contains("Fix BACKPACK_READONLY in the environment, then restart the server").doesNotContain("..")
          .doesNotContain("no_such_argument");
    }
  }
}
