package dev.bpx.it;

import static dev.bpx.it.Json.map;
import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scenario 2, error handling, for every tool, under each official MCP client (the TypeScript SDK's client
 * refuses an error result whose structured content does not match the tool's output schema, so there the
 * suite also proves that the assistant gets the message): missing, unknown and malformed arguments, unknown
 * symbols, bad sides and types, prices and quantities off the filters, insufficient funds, unknown
 * order ids, safety limits and read-only mode. Each must be a clear {@code isError} result (read-only
 * mode: the tool does not exist), with NO order sent: the recording proxy in front of the exchange
 * saw no write request, and the exchange's own records (open orders, order history, balances,
 * positions) did not change. The server must answer afterwards.
 */
abstract class ErrorHandlingSuite extends ServerSuite {
  @BeforeEach
  void freshAccount() {
    exchange.reset();
  }

  @TestFactory
  List<DynamicTest> everyToolRefusesAnUnknownArgument() {
    return forEveryTool(tool -> {
      Map<String, Object> args = ToolArguments.wellFormed(tool);
      args.put("reduce_only", true);
      assertThat(refusedWithoutSending(server, tool, args)).contains("unknown argument 'reduce_only'");
    });
  }

  @TestFactory
  List<DynamicTest> everyRequiredArgumentIsRequired() {
    List<DynamicTest> tests = new ArrayList<>();
    for (McpSchema.Tool tool : server.tools().values()) {
      for (String required : required(tool.inputSchema())) {
        tests.add(dynamicTest(tool.name() + " without " + required, () -> {
          Map<String, Object> args = ToolArguments.wellFormed(tool.name());
          args.remove(required);
          assertThat(refusedWithoutSending(server, tool.name(), args)).contains("'" + required + "'");
        }));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests;
  }

  @TestFactory
  List<DynamicTest> everyArgumentRefusesMalformedValues() {
    List<DynamicTest> tests = new ArrayList<>();
    for (McpSchema.Tool tool : server.tools().values()) {
      map(tool.inputSchema(), "properties").forEach((name, schema) -> {
        for (Object bad : ToolArguments.malformedValues(map(schema))) {
          tests.add(dynamicTest(tool.name() + " " + name + "=" + bad, () -> {
            Map<String, Object> args = ToolArguments.wellFormed(tool.name());
            args.put(name, bad);
            assertThat(refusedWithoutSending(server, tool.name(), args)).contains("'" + name + "'");
          }));
        }
      });
    }
    assertThat(tests).hasSizeGreaterThan(100);
    return tests;
  }

  @Test
  void limitOrderWithoutPriceIsRefused() {
    Map<String, Object> args = ToolArguments.wellFormed("create_order");
    args.remove("price");
    assertThat(refusedWithoutSending(server, "create_order", args)).containsIgnoringCase("price");
  }

  @Test
  void invalidSideAndOrderTypeAreRefusedNamingTheChoices() {
    Map<String, Object> args = ToolArguments.wellFormed("create_order");
    args.put("side", "InvalidSide");
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("'side'", "Bid", "Ask");
    args = ToolArguments.wellFormed("create_order");
    args.put("orderType", "StopLimit");
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("'orderType'", "Limit", "Market");
  }

  @Test
  void unknownSymbolIsRefusedBeforeSendingAndSuggestsRealMarkets() {
    Map<String, Object> args = ToolArguments.wellFormed("create_order");
    args.put("symbol", "FOO_USDC");
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("FOO_USDC", "SOL_USDC");
    assertThat(refusedWithoutSending(server, "get_ticker", Map.of("symbol", "FOO_USDC"))).containsIgnoringCase("symbol");
    // Every tool that names a market checks it against the market list first, as create_order does.
    assertThat(refusedWithoutSending(server, "list_orders", Map.of("symbol", "INVALID_SYMBOL_XYZ")))
        .contains("no market 'INVALID_SYMBOL_XYZ'");
    assertThat(refusedWithoutSending(server, "cancel_all_orders", Map.of("symbol", "FOO_USDC")))
        .contains("no market 'FOO_USDC'", "SOL_USDC");
  }

  @Test
  void priceOffTheTickAndQuantityOffTheStepAreRefusedWithTheNearestValidValues() {
    Map<String, Object> args = ToolArguments.wellFormed("create_order");
    args.put("price", "100.123");
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("tickSize", "100.12", "100.13");
    args = ToolArguments.wellFormed("create_order");
    args.put("quantity", "1.234");
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("stepSize");
    args = ToolArguments.wellFormed("create_order");
    args.put("quantity", "0.001");
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("minQuantity", "0.01");
    // preview_order is a question, not an order: it answers "not acceptable" and says why.
    args = ToolArguments.wellFormed("preview_order");
    args.put("price", "100.123");
    int writes = exchange.proxy.writes().size();
    Map<String, Object> preview = server.ok("preview_order", args);
    assertThat(preview).containsEntry("acceptable", false);
    assertThat(String.valueOf(preview.get("problems"))).contains("tickSize", "100.12", "100.13");
    assertThat(exchange.proxy.writes()).hasSize(writes);
  }

  @Test
  void marketOrderNeedsAQuantityOrQuoteQuantity() {
    assertThat(refusedWithoutSending(server, "create_order",
        Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market"))).containsIgnoringCase("quantity");
  }

  @Test
  void insufficientFundsIsRefusedByTheExchangeAndNothingIsPlaced() {
    Map<String, Object> spot = Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1000", "price", "100");
    assertThat(refusedByExchange("create_order", spot)).contains("INSUFFICIENT_FUNDS");
    Map<String, Object> perp = Map.of("symbol", "SOL_USDC_PERP", "side", "Bid", "orderType", "Market", "quantity", "100000");
    assertThat(refusedByExchange("create_order", perp)).contains("INSUFFICIENT_MARGIN");
    assertThat(refusedByExchange("lend", Map.of("asset", "USDC", "quantity", "1000000"))).contains("HTTP 400");
    // A redeem above what is lent would borrow the rest on the exchange: refused before sending.
    assertThat(refusedWithoutSending(server, "redeem", Map.of("asset", "USDC", "quantity", "1000000")))
        .contains("lent", "borrow");
  }

  @Test
  void legacyWriteToolsKeepTheOriginalErrorEnvelope() {
    Map<String, Object> noPrice = Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "1");
    Map<String, Object> noId = Map.of("orderId", "", "symbol", "SOL_USDC");
    for (Map.Entry<String, Map<String, Object>> call : List.of(Map.entry("create_order", noPrice), Map.entry("cancel_order", noId))) {
      McpSchema.CallToolResult result = server.call(call.getKey(), call.getValue());
      assertThat(result.isError()).isTrue();
      // A client that reads only content[0] (Claude Code on errors) gets the same message as one reading the envelope.
      assertThat(map(result.structuredContent())).containsEntry("success", false);
      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains(str(map(result.structuredContent()), "error"));
      // error() checks the envelope against the tool's output schema and the message in content[0].
      assertThat(server.error(call.getKey(), call.getValue())).isNotBlank();
    }
  }

  @Test
  void unknownOrderIdsAreRefusedOrReportedAsNotFound() {
    assertThat(refusedWithoutSending(server, "cancel_order", Map.of("orderId", "invalid_order_id_12345", "symbol", "SOL_USDC")))
        .contains("'invalid_order_id_12345' is not an order id");
    assertThat(refusedByExchange("cancel_order", Map.of("orderId", "999999999", "symbol", "SOL_USDC")))
        .contains("HTTP 404");
    assertThat(refusedWithoutSending(server, "cancel_order", Map.of("orderId", "", "symbol", "SOL_USDC")))
        .contains("'orderId'", "'clientId'");
    assertThat(refusedWithoutSending(server, "cancel_order", Map.of("orderId", "1", "clientId", 5, "symbol", "SOL_USDC")))
        .contains("exactly one");
    TestExchange.Snapshot before = exchange.snapshot();
    Map<String, Object> found = server.ok("get_order", Map.of("orderId", "999999999", "symbol", "SOL_USDC"));
    assertThat(found).containsEntry("found", false).doesNotContainKey("order");
    assertThat(exchange.snapshot()).isEqualTo(before);
    assertThat(refusedWithoutSending(server, "get_order", Map.of("orderId", "1", "symbol", "SOL_USDC", "waitSeconds", 46)))
        .contains("waitSeconds", "45");
  }

  @Test
  void closingAPositionThatDoesNotExistSendsNothing() {
    assertThat(refusedWithoutSending(server, "close_position", Map.of("symbol", "SOL_USDC_PERP")))
        .contains("no open position", "Nothing was sent");
  }

  @Test
  void updatingSettingsWithNothingToChangeIsRefused() {
    assertThat(refusedWithoutSending(server, "update_account_settings", Map.of())).contains("at least one setting");
  }

  @Test
  void numbersForAmountsArriveWithTheDigitsTheyWereWrittenWith() {
    Map<String, Object> args = ToolArguments.wellFormed("create_order");
    // Through a double this would be 0.3, a valid quantity; its written digits are off the step size.
    args.put("quantity", 0.30000000000000004);
    assertThat(refusedWithoutSending(server, "create_order", args)).contains("0.30000000000000004", "stepSize");
  }

  @Test
  void safetyLimitsRefuseOrdersBeforeSendingAndCancelsStayAllowed() {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_MAX_ORDER_NOTIONAL", "50");
    env.put("BACKPACK_ALLOWED_SYMBOLS", "SOL_USDC,SOL_USDC_PERP");
    try (ServerUnderTest limited = ServerUnderTest.start(client(), env)) {
      Map<String, Object> status = limited.ok("get_server_status", Map.of());
      assertThat(status).containsEntry("maxOrderNotional", "50");
      assertThat(status.get("allowedSymbols")).isEqualTo(List.of("SOL_USDC", "SOL_USDC_PERP"));

      assertThat(refusedWithoutSending(limited, "create_order", ToolArguments.wellFormed("create_order")))
          .contains("50");
      Map<String, Object> otherMarket = ToolArguments.wellFormed("create_order");
      otherMarket.put("symbol", "BTC_USDC");
      otherMarket.put("quantity", "0.0001");
      otherMarket.put("price", "60000");
      assertThat(refusedWithoutSending(limited, "create_order", otherMarket)).contains("BTC_USDC");
      Map<String, Object> marketByQuote = Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Market", "quoteQuantity", "60");
      assertThat(refusedWithoutSending(limited, "create_order", marketByQuote)).contains("50");

      // Within the limits an order goes through, and cancelling is never blocked.
      Map<String, Object> small = map(limited.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid",
          "orderType", "Limit", "quantity", "0.3", "price", "100")), "order");
      assertThat(limited.ok("cancel_order", Map.of("symbol", "SOL_USDC", "orderId", str(small, "id"))))
          .containsEntry("success", true);
    }
  }

  @Test
  void readOnlyModeOffersNoWriteToolAndRefusesThemIfCalledAnyway() {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_READ_ONLY", "true");
    try (ServerUnderTest readOnly = ServerUnderTest.start(client(), env)) {
      List<String> writeTools = List.of("create_order", "cancel_order", "cancel_all_orders", "close_position", "emergency_stop", "lend",
          "redeem", "update_account_settings");
      assertThat(readOnly.tools().keySet()).doesNotContainAnyElementsOf(writeTools)
          .contains("list_orders", "list_positions", "get_balances", "preview_order", "get_trade_journal");
      assertThat(readOnly.tools().values()).allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
      assertThat(readOnly.ok("get_server_status", Map.of())).containsEntry("readOnly", true);

      for (String tool : writeTools) {
        TestExchange.Snapshot before = exchange.snapshot();
        int writes = exchange.proxy.writes().size();
        // A hidden tool is unknown to the SDK, whose own answer ("Unknown tool: invalid_tool_name") would not
        // tell the assistant why; the server's stdin guard answers it as a tool error instead, for both clients.
        McpSchema.CallToolResult result = readOnly.call(tool, ToolArguments.wellFormed(tool));
        assertThat(result.isError()).as(tool).isTrue();
        assertThat(ServerUnderTest.text(result)).as(tool)
            .contains("Read-only mode is on (BACKPACK_READ_ONLY=true): " + tool, "nothing was sent");
        assertThat(exchange.proxy.writes()).hasSize(writes);
        assertThat(exchange.snapshot()).isEqualTo(before);
        readOnly.assertStillAnswering();
      }
      assertThat(readOnly.ok("list_orders", Map.of())).containsEntry("count", 0);
    }
  }

  /** Calls a tool that must fail before anything reaches the exchange's write endpoints. */
  private String refusedWithoutSending(ServerUnderTest target, String tool, Map<String, Object> args) {
    TestExchange.Snapshot before = exchange.snapshot();
    int writes = exchange.proxy.writes().size();
    String text = target.error(tool, args);
    assertThat(exchange.proxy.writes()).as("write requests that reached the exchange").hasSize(writes);
    assertThat(exchange.snapshot()).as("the exchange's records").isEqualTo(before);
    target.assertStillAnswering();
    return text;
  }

  /** Calls a tool whose request reaches the exchange and is refused there: nothing may change. */
  private String refusedByExchange(String tool, Map<String, Object> args) {
    TestExchange.Snapshot before = exchange.snapshot();
    int writes = exchange.proxy.writes().size();
    String text = server.error(tool, args);
    assertThat(exchange.proxy.writes()).as("exactly the one refused request").hasSize(writes + 1);
    assertThat(exchange.snapshot()).as("the exchange's records").isEqualTo(before);
    server.assertStillAnswering();
    return text;
  }

  @SuppressWarnings("unchecked")
  private List<String> required(Map<String, Object> schema) {
    Object required = schema.get("required");
    return required == null ? List.of() : (List<String>) required;
  }

  private List<DynamicTest> forEveryTool(java.util.function.Consumer<String> check) {
    List<DynamicTest> tests = new ArrayList<>();
    for (String tool : server.tools().keySet()) {
      tests.add(dynamicTest(tool, () -> check.accept(tool)));
    }
    assertThat(tests).hasSize(30);
    return tests;
  }
}
