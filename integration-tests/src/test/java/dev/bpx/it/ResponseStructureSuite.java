package dev.bpx.it;

import static dev.bpx.it.Json.list;
import static dev.bpx.it.Json.map;
import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scenario 3, response structure: every tool's schemas are valid JSON Schema, every tool's
 * {@code structuredContent} validates against its declared output schema (checked by the Java SDK's
 * validator, and under the TypeScript SDK client by that client too, in a session that calls every listed
 * tool), and the five original tools return the fields the original Python server returned, with the same
 * names and JSON types.
 */
abstract class ResponseStructureSuite extends ServerSuite {
  /** The original server's fields (RAMTO/backpack-mcp mcp_server.py docstrings). */
  private static final List<String> ORIGINAL_ORDER_FIELDS =
      List.of("id", "symbol", "side", "orderType", "status", "quantity", "executedQuantity", "price", "timeInForce", "createdAt");
  private static final List<String> ORIGINAL_POSITION_FIELDS = List.of("symbol", "netQuantity", "entryPrice", "markPrice",
      "breakEvenPrice", "estLiquidationPrice", "pnlUnrealized", "pnlRealized", "netExposureQuantity", "netExposureNotional",
      "positionId", "imf", "mmf", "imfFunction", "mmfFunction", "netCost", "cumulativeFundingPayment", "cumulativeInterest",
      "subaccountId", "userId");

  @Test
  void everyToolDeclaresValidSchemasATitleAndAnnotations() {
    assertThat(server.tools()).hasSize(30);
    for (McpSchema.Tool tool : server.tools().values()) {
      for (Map<String, Object> schema : List.of(tool.inputSchema(), tool.outputSchema())) {
        JsonSchemaValidator.ValidationResponse valid = ServerUnderTest.VALIDATOR.validateSchema(schema);
        assertThat(valid.valid()).as("%s schema: %s", tool.name(), valid.errorMessage()).isTrue();
        assertThat(schema).containsEntry("type", "object");
      }
      assertThat(tool.title()).as(tool.name()).isNotBlank();
      assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(40);
      assertThat(tool.annotations()).as(tool.name()).isNotNull();
    }
    assertThat(server.initializeResult().instructions()).contains("LIVE mode", exchange.proxy.url());
  }

  /** One session that calls every listed tool successfully; each result is validated by {@link ServerUnderTest#ok}. */
  @TestFactory
  List<DynamicTest> everyToolsStructuredContentMatchesItsOutputSchema() {
    exchange.reset();
    Set<String> called = new LinkedHashSet<>();
    Map<String, Object> context = new LinkedHashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    Step step = (tool, args) -> tests.add(dynamicTest((tests.size() + 1) + ". " + tool, () -> {
      Map<String, Object> out = server.ok(tool, args.get());
      called.add(tool);
      context.put(tool, out);
    }));
    step.call("get_server_status", Map::of);
    step.call("list_markets", () -> Map.of("marketType", "PERP"));
    step.call("list_markets", Map::of);
    step.call("get_market", () -> Map.of("symbol", "BTC_USDC_PERP"));
    step.call("get_ticker", () -> Map.of("symbol", "SOL_USDC"));
    step.call("get_ticker", Map::of);
    step.call("get_order_book", () -> Map.of("symbol", "SOL_USDC", "limit", 10));
    step.call("get_klines", () -> Map.of("symbol", "SOL_USDC", "interval", "1m", "limit", 30));
    step.call("get_recent_trades", () -> Map.of("symbol", "SOL_USDC"));
    step.call("get_mark_prices", Map::of);
    step.call("get_funding_rates", () -> Map.of("symbol", "SOL_USDC_PERP"));
    step.call("create_order", () -> Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1",
        "price", "100", "clientId", 4242));
    step.call("list_orders", Map::of);
    step.call("get_order", () -> Map.of("symbol", "SOL_USDC", "orderId", createdOrderId(context)));
    step.call("get_order", () -> Map.of("symbol", "SOL_USDC", "clientId", 4242));
    step.call("get_order", () -> Map.of("symbol", "SOL_USDC", "clientId", 4242, "waitSeconds", 1)); // still open after 1 s
    step.call("preview_order", () -> Map.of("symbol", "SOL_USDC_PERP", "side", "Ask", "orderType", "Market", "quantity", "2"));
    step.call("get_max_order_quantity", () -> Map.of("symbol", "SOL_USDC_PERP", "side", "Bid"));
    step.call("cancel_order", () -> Map.of("symbol", "SOL_USDC", "orderId", createdOrderId(context)));
    step.call("create_order", () -> Map.of("symbol", "SOL_USDC", "side", "Ask", "orderType", "Limit", "quantity", "1", "price", "290"));
    step.call("cancel_all_orders", () -> Map.of("symbol", "SOL_USDC"));
    step.call("create_order", () -> Map.of("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Market", "quantity", "1"));
    step.call("list_positions", Map::of);
    step.call("close_position", () -> Map.of("symbol", "SOL_USDC_PERP"));
    step.call("create_order", () -> Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1", "price", "100"));
    step.call("create_order", () -> Map.of("symbol", "SOL_USDC_PERP", "side", "Ask", "orderType", "Market", "quantity", "1"));
    step.call("emergency_stop", Map::of); // one resting order and one short position to undo
    step.call("emergency_stop", Map::of); // nothing left: the empty report has the same shape
    step.call("get_balances", Map::of);
    step.call("get_collateral", Map::of);
    step.call("get_borrow_lend_positions", Map::of);
    step.call("lend", () -> Map.of("asset", "USDC", "quantity", "25"));
    step.call("redeem", () -> Map.of("asset", "USDC", "quantity", "25"));
    step.call("get_account_settings", Map::of);
    step.call("update_account_settings", () -> Map.of("leverageLimit", "5", "autoLend", false));
    step.call("get_order_history", () -> Map.of("limit", 10));
    step.call("get_fills", () -> Map.of("symbol", "SOL_USDC_PERP"));
    step.call("get_funding_payments", Map::of);
    step.call("get_trade_journal", () -> Map.of("limit", 20)); // every action above, intent and outcome
    tests.add(dynamicTest("every listed tool was called", () -> assertThat(called).containsExactlyInAnyOrderElementsOf(server.tools().keySet())));
    return tests;
  }

  @Test
  void listOrdersHasTheOriginalFields() {
    exchange.reset();
    server.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1", "price", "100"));
    Map<String, Object> listed = server.ok("list_orders", Map.of());
    assertThat(listed).containsKeys("orders", "count", "symbol");
    assertThat(listed.get("count")).isInstanceOf(Integer.class).isEqualTo(1);
    assertThat(listed.get("symbol")).isEqualTo("all");
    Map<String, Object> order = list(listed, "orders").get(0);
    assertThat(order).containsKeys(ORIGINAL_ORDER_FIELDS.toArray(String[]::new));
    assertOrderTypes(order);
    server.ok("cancel_all_orders", Map.of("symbol", "SOL_USDC"));
  }

  @Test
  void createAndCancelOrderHaveTheOriginalFieldsOnSuccessAndFailure() {
    exchange.reset();
    Map<String, Object> created = server.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "1", "price", "100", "timeInForce", "GTC"));
    assertThat(created).containsEntry("success", true);
    Map<String, Object> order = map(created, "order");
    assertThat(order).containsKeys("id", "symbol", "side", "orderType", "status", "quantity", "price", "timeInForce", "createdAt");
    assertOrderTypes(order);

    Map<String, Object> cancelled = server.ok("cancel_order", Map.of("orderId", str(order, "id"), "symbol", "SOL_USDC"));
    assertThat(cancelled).containsEntry("success", true);
    assertThat(map(cancelled, "order")).containsKeys("id", "symbol", "status", "side", "quantity", "price")
        .containsEntry("status", "Cancelled");

    for (McpSchema.CallToolResult failed : List.of(
        server.call("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "0.001")),
        server.call("cancel_order", Map.of("orderId", "", "symbol", "SOL_USDC")))) {
      assertThat(failed.isError()).isTrue();
      assertThat(map(failed.structuredContent())).containsEntry("success", false)
          .hasEntrySatisfying("error", e -> assertThat(e).isInstanceOf(String.class));
    }
  }

  @Test
  void listPositionsHasTheOriginalFields() {
    exchange.reset();
    server.ok("create_order", Map.of("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Market", "quantity", "1"));
    Map<String, Object> listed = server.ok("list_positions", Map.of());
    assertThat(listed).containsKeys("positions", "count");
    assertThat(listed.get("count")).isEqualTo(1);
    Map<String, Object> position = list(listed, "positions").get(0);
    // The original server passed the exchange's JSON through, nulls included; this one leaves null fields
    // out. subaccountId is null for the main account, so it may be missing, but only then.
    assertThat(exchange.position("SOL_USDC_PERP")).get().extracting(p -> p.subaccountId()).isNull();
    assertThat(position).containsKeys(ORIGINAL_POSITION_FIELDS.stream().filter(f -> !f.equals("subaccountId")).toArray(String[]::new));
    for (String decimal : List.of("netQuantity", "entryPrice", "markPrice", "breakEvenPrice", "estLiquidationPrice",
        "pnlUnrealized", "pnlRealized", "netCost", "imf", "mmf")) {
      assertThat(position.get(decimal)).as(decimal).isInstanceOf(String.class);
    }
    assertThat(position.get("imfFunction")).isInstanceOf(Map.class);
    server.ok("close_position", Map.of("symbol", "SOL_USDC_PERP"));
  }

  @Test
  void getBalancesHasTheOriginalFields() {
    exchange.reset();
    Map<String, Object> result = server.ok("get_balances", Map.of("showZeroBalances", false));
    assertThat(result).containsKeys("balances", "count", "totalAssets");
    assertThat(result.get("count")).isInstanceOf(Integer.class);
    assertThat(result.get("totalAssets")).isInstanceOf(Integer.class);
    assertThat(map(result, "balances")).isNotEmpty().allSatisfy((asset, row) ->
        assertThat(map(row)).containsKeys("available", "locked", "staked", "lent")
            .allSatisfy((name, value) -> assertThat(value).as(asset + "." + name).isInstanceOf(String.class)));
  }

  private void assertOrderTypes(Map<String, Object> order) {
    for (String text : List.of("id", "symbol", "side", "orderType", "status", "quantity", "price", "timeInForce")) {
      assertThat(order.get(text)).as(text).isInstanceOf(String.class);
    }
    assertThat(order.get("createdAt")).as("createdAt in epoch milliseconds").isInstanceOf(Long.class);
    assertThat((Long) order.get("createdAt")).isGreaterThan(1_600_000_000_000L);
  }

  private String createdOrderId(Map<String, Object> context) {
    return str(map(map(context.get("create_order")), "order"), "id");
  }

  @FunctionalInterface
  private interface Step {
    void call(String tool, Supplier<Map<String, Object>> arguments);
  }
}
