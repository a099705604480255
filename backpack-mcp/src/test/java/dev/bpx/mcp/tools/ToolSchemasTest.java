package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.mcp.SchemaChecks;
import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool table as assistants see it. This is also the build-time check of every schema against the
 * JSON Schema meta-schema that {@code LazySchemaValidator} skips at start-up.
 */
class ToolSchemasTest {
  /** Tools that only read: readOnlyHint, shown in read-only mode. */
  static final Set<String> READ_TOOLS = Set.of("get_server_status", "list_orders", "get_order", "preview_order",
      "get_max_order_quantity", "list_positions", "get_balances", "get_collateral", "get_borrow_lend_positions",
      "get_account_settings", "list_markets", "get_market", "get_ticker", "get_order_book", "get_klines",
      "get_recent_trades", "get_mark_prices", "get_funding_rates", "get_order_history", "get_fills", "get_funding_payments",
      "get_trade_journal");
  /** Read tools that read only the server's own state (openWorldHint false). */
  static final Set<String> LOCAL_TOOLS = Set.of("get_trade_journal");
  /** Tools that place or cancel orders: destructiveHint. */
  static final Set<String> ORDER_WRITE_TOOLS = Set.of("create_order", "cancel_order", "cancel_all_orders", "close_position",
      "emergency_stop");
  /** Other tools that change the account. */
  static final Set<String> OTHER_WRITE_TOOLS = Set.of("lend", "redeem", "update_account_settings");

  @TempDir static Path dataDir;
  static List<ToolDef> defs;
  static List<McpSchema.Tool> tools;

  @BeforeAll
  static void buildTable() {
    defs = Tools.definitions(new TradingSession(config(false)));
    tools = defs.stream().map(ToolRegistry::tool).toList();
  }

  static ServerConfig config(boolean readOnly) {
    return ServerConfig.load(List.of(), Map.of("BACKPACK_DATA_DIR", dataDir.toString(),
        "BACKPACK_READ_ONLY", String.valueOf(readOnly)), null, dataDir);
  }

  @Test
  void everyToolIsClassifiedAndNamesAreUnique() {
    Set<String> names = new TreeSet<>();
    for (McpSchema.Tool tool : tools) {
      assertThat(names.add(tool.name())).as("duplicate tool %s", tool.name()).isTrue();
      assertThat(tool.name()).matches("[a-z][a-z_]{2,63}");
    }
    Set<String> classified = new TreeSet<>(READ_TOOLS);
    classified.addAll(ORDER_WRITE_TOOLS);
    classified.addAll(OTHER_WRITE_TOOLS);
    assertThat(names).as("a new tool must be added to this test's read/write lists").isEqualTo(classified);
  }

  @Test
  void everyInputSchemaIsAValidJsonSchema() {
    for (McpSchema.Tool tool : tools) {
      assertThat(SchemaChecks.schemaProblems(tool.inputSchema())).as("input schema of %s", tool.name()).isEmpty();
      assertThat(tool.inputSchema()).as("input schema of %s", tool.name()).containsEntry("additionalProperties", false);
    }
  }

  @Test
  void everyOutputSchemaIsAValidJsonSchema() {
    for (McpSchema.Tool tool : tools) {
      assertThat(tool.outputSchema()).as("output schema of %s", tool.name()).isNotNull();
      assertThat(SchemaChecks.schemaProblems(tool.outputSchema())).as("output schema of %s", tool.name()).isEmpty();
    }
  }

  @Test
  void schemaCheckCatchesBrokenSchemas() {
    // Guards the two tests above: if the validator silently accepted anything, they would prove nothing.
    List<Map<String, Object>> broken = List.of(
        Map.of("type", "object", "properties", Map.of("a", Map.of("type", "strin"))),
        Map.of("type", "object", "required", "a"),
        Map.of("type", "object", "properties", Map.of("a", Map.of("type", "integer", "minimum", "zero"))),
        Map.of("type", "object", "properties", Map.of("a", Map.of("type", "string", "pattern", "[unclosed"))),
        Map.of("type", "object", "properties", Map.of("a", Map.of("type", "string")), "required", List.of("b")),
        Map.of("type", "object", "properties", List.of("a")),
        Map.of("type", "array"));
    for (Map<String, Object> schema : broken) {
      assertThat(SchemaChecks.schemaProblems(schema)).as("problems of %s", schema).isNotEmpty();
    }
    Map<String, Object> ok = Schemas.object().required("a", Schemas.decimal("x")).build();
    assertThat(SchemaChecks.schemaProblems(ok)).isEmpty();
    assertThat(SchemaChecks.instanceProblems(ok, Map.of("a", "1.5"))).isEmpty();
    assertThat(SchemaChecks.instanceProblems(ok, Map.of("a", 1.5))).isNotEmpty();
    assertThat(SchemaChecks.instanceProblems(ok, Map.of("a", "1e5"))).isNotEmpty();
    assertThat(SchemaChecks.instanceProblems(ok, Map.of("a", "1", "b", "2"))).isNotEmpty();
  }

  @Test
  void amountsInInputSchemasAreDecimalStringsNeverNumbers() {
    for (McpSchema.Tool tool : tools) {
      assertThat(tool.inputSchema().toString()).as("input schema of %s", tool.name()).doesNotContain("type=number");
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) tool.inputSchema().get("properties");
      properties.forEach((name, schema) -> {
        if (name.toLowerCase().matches(".*(quantity|price|notional|leveragelimit)")) {
          assertThat(schema).as("%s.%s", tool.name(), name)
              .containsEntry("type", "string").containsEntry("pattern", ToolArgs.DECIMAL_PATTERN);
        }
      });
    }
  }

  @Test
  void everyToolHasATitleADescriptionAndFullAnnotations() {
    for (McpSchema.Tool tool : tools) {
      assertThat(tool.title()).as("title of %s", tool.name()).isNotBlank();
      assertThat(tool.description()).as("description of %s", tool.name()).hasSizeGreaterThan(40);
      McpSchema.ToolAnnotations a = tool.annotations();
      assertThat(a).as("annotations of %s", tool.name()).isNotNull();
      assertThat(a.title()).isNotBlank();
      assertThat(a.readOnlyHint()).as("readOnlyHint of %s", tool.name()).isNotNull();
      assertThat(a.destructiveHint()).as("destructiveHint of %s", tool.name()).isNotNull();
      assertThat(a.idempotentHint()).as("idempotentHint of %s", tool.name()).isNotNull();
      assertThat(a.openWorldHint()).as("openWorldHint of %s", tool.name()).isNotNull();
      assertThat(a.openWorldHint()).as("openWorldHint of %s", tool.name()).isEqualTo(!LOCAL_TOOLS.contains(tool.name()));
    }
  }

  @Test
  void readToolsAreReadOnlyAndOrderToolsDestructive() {
    for (McpSchema.Tool tool : tools) {
      McpSchema.ToolAnnotations a = tool.annotations();
      if (READ_TOOLS.contains(tool.name())) {
        assertThat(a.readOnlyHint()).as("readOnlyHint of %s", tool.name()).isTrue();
        assertThat(a.destructiveHint()).as("destructiveHint of %s", tool.name()).isFalse();
        assertThat(a.idempotentHint()).as("idempotentHint of %s", tool.name()).isTrue();
      } else {
        assertThat(a.readOnlyHint()).as("readOnlyHint of %s", tool.name()).isFalse();
      }
      if (ORDER_WRITE_TOOLS.contains(tool.name())) {
        assertThat(a.destructiveHint()).as("destructiveHint of %s", tool.name()).isTrue();
      }
    }
    Map<String, McpSchema.Tool> byName = tools.stream().collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
    assertThat(byName.get("create_order").annotations().idempotentHint()).isFalse();
    assertThat(byName.get("close_position").annotations().idempotentHint()).isFalse();
    assertThat(byName.get("cancel_order").annotations().idempotentHint()).isTrue();
    assertThat(byName.get("cancel_all_orders").annotations().idempotentHint()).isTrue();
    assertThat(byName.get("emergency_stop").annotations().idempotentHint()).isTrue();
    assertThat(byName.get("emergency_stop").annotations().destructiveHint()).isTrue();
  }

  @Test
  void readOnlyModeListsNoWriteTool() {
    TradingSession readOnly = new TradingSession(config(true));
    List<SyncToolSpecification> specs = Tools.specifications(readOnly);
    Set<String> names = specs.stream().map(s -> s.tool().name()).collect(Collectors.toSet());
    assertThat(names).isEqualTo(READ_TOOLS);
    Set<String> all = new HashSet<>(ORDER_WRITE_TOOLS);
    all.addAll(OTHER_WRITE_TOOLS);
    assertThat(names).doesNotContainAnyElementsOf(all);
    for (SyncToolSpecification spec : specs) {
      assertThat(spec.tool().annotations().readOnlyHint()).isTrue();
    }
    assertThat(Tools.specifications(new TradingSession(config(false)))).hasSize(tools.size());
  }

  @Test
  void theOriginalFiveKeepTheirParametersAndResultFields() {
    Map<String, McpSchema.Tool> byName = tools.stream().collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
    assertThat(properties(byName.get("list_orders").inputSchema())).containsKey("symbol");
    assertThat(required(byName.get("list_orders").outputSchema())).contains("orders", "count", "symbol");

    Map<String, Map<String, Object>> create = properties(byName.get("create_order").inputSchema());
    assertThat(create).containsKeys("symbol", "side", "orderType", "quantity", "price", "timeInForce", "quoteQuantity");
    assertThat(create.get("side")).containsEntry("enum", List.of("Bid", "Ask"));
    assertThat(create.get("orderType")).containsEntry("enum", List.of("Limit", "Market"));
    assertThat(create.get("timeInForce")).containsEntry("enum", List.of("GTC", "IOC", "FOK"));
    assertThat(required(byName.get("create_order").inputSchema())).containsExactlyInAnyOrder("symbol", "side", "orderType");
    assertThat(required(byName.get("create_order").outputSchema())).contains("success");
    assertThat(properties(byName.get("create_order").outputSchema())).containsKeys("success", "order");

    assertThat(properties(byName.get("cancel_order").inputSchema())).containsKeys("orderId", "symbol");
    assertThat(required(byName.get("cancel_order").inputSchema())).contains("symbol");
    assertThat(properties(byName.get("cancel_order").outputSchema())).containsKeys("success", "order");

    assertThat(properties(byName.get("list_positions").inputSchema())).isEmpty();
    assertThat(required(byName.get("list_positions").outputSchema())).contains("positions", "count");
    @SuppressWarnings("unchecked")
    Map<String, Object> positionItem = (Map<String, Object>) properties(byName.get("list_positions").outputSchema())
        .get("positions").get("items");
    assertThat(properties(positionItem)).containsKeys("symbol", "netQuantity", "entryPrice", "markPrice", "pnlUnrealized",
        "pnlRealized", "estLiquidationPrice", "breakEvenPrice");

    assertThat(properties(byName.get("get_balances").inputSchema()).get("showZeroBalances")).containsEntry("type", "boolean");
    assertThat(required(byName.get("get_balances").outputSchema())).contains("balances", "count", "totalAssets");
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) properties(byName.get("get_balances").outputSchema())
        .get("balances").get("additionalProperties");
    assertThat(required(row)).contains("available", "locked", "staked", "lent");
  }

  @Test
  void toolsListStaysUnder40Kilobytes() throws Exception {
    McpSchema.ListToolsResult result = new McpSchema.ListToolsResult(tools, null, null);
    String json = McpJsonDefaults.getMapper().writeValueAsString(
        new McpSchema.JSONRPCResponse("2.0", 2, result, null));
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    Map<String, Integer> perTool = new LinkedHashMap<>();
    for (McpSchema.Tool tool : tools) {
      perTool.put(tool.name(), McpJsonDefaults.getMapper().writeValueAsString(tool).getBytes(StandardCharsets.UTF_8).length);
    }
    System.out.println("tools/list answer: " + bytes + " bytes for " + tools.size() + " tools; per tool: " + perTool);
    assertThat(bytes).as("tools/list answer in bytes").isLessThan(40 * 1024);
  }

  @Test
  void writeToolResultsNameTheMode() {
    ToolDef create = defs.stream().filter(d -> d.name().equals("create_order")).findFirst().orElseThrow();
    McpSchema.CallToolResult refused = ToolRegistry.call(create, Map.of("symbol", "SOL_USDC"), Mode.PAPER);
    assertThat(refused.isError()).isTrue();
    assertThat(refused.structuredContent()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("success", false).containsEntry("mode", "paper").containsKey("error");
    assertThat(((McpSchema.TextContent) refused.content().get(0)).text()).startsWith("[paper] Invalid arguments:");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
    return (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
  }

  @SuppressWarnings("unchecked")
  private static List<String> required(Map<String, Object> schema) {
    return (List<String>) schema.getOrDefault("required", List.of());
  }
}
