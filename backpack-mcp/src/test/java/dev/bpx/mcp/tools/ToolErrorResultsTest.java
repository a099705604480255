package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.mcp.SchemaChecks;
import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error result the registry can produce, for every tool and every kind of failure, validates
 * against that tool's output schema or carries no structured content. Strict clients (the TypeScript
 * SDK, Claude Desktop) reject a tool result whose {@code structuredContent} does not match, errors
 * included, and the assistant then never sees our message.
 */
class ToolErrorResultsTest {
  @TempDir static Path dataDir;
  static List<ToolDef> defs;

  /** One of each failure a handler can throw; the registry turns each into an error result. */
  static final Map<String, Supplier<Throwable>> FAILURES = Map.ofEntries(
      Map.entry("bad argument", () -> new ToolInputException("'symbol' is required")),
      Map.entry("refused before sending", () -> new ValidationException("quantity", "is below minQuantity 0.01", "use 0.01")),
      Map.entry("exchange 400", () -> new ApiException(400, "INVALID_ORDER", "Invalid order", "POST", "/api/v1/order")),
      Map.entry("exchange 503", () -> new ApiException(503, null, null, "GET", "/api/v1/orders")),
      Map.entry("rate limited", () -> new RateLimitException(429, null, null, "GET", "/api/v1/orders", Duration.ofSeconds(2))),
      Map.entry("credentials", () -> new AuthenticationException(401, "INVALID_CLIENT_REQUEST", "bad sig", "GET", "/api/v1/orders")),
      Map.entry("unknown outcome", () -> new NetworkException("read timed out", "POST", "/api/v1/order", true, 42L, new IOException())),
      Map.entry("not sent", () -> new NetworkException("connection refused", "GET", "/api/v1/orders", false, null, null)),
      Map.entry("garbled answer", () -> new ResponseFormatException("/api/v1/orders", "$[0].price", "not a decimal", null)),
      Map.entry("not placed", () -> new OrderNotPlacedException("POST /api/v1/order: HTTP 500", "SOL_USDC", 42L,
          new ApiException(500, null, null, "POST", "/api/v1/order"))),
      Map.entry("lost cancel", () -> new NetworkException("no answer", "DELETE", "/api/v1/order", true, "SOL_USDC", 42L, null)),
      Map.entry("configuration", () -> new ConfigException("BACKPACK_BASE_URL is not a URL")),
      Map.entry("bug", () -> new IllegalStateException("unexpected")),
      Map.entry("decoder assertion", () -> new AssertionError("Moshi")),
      Map.entry("not confirmed", () -> new OrderNotConfirmedException("Not placed: the user declined the order.")));

  @BeforeAll
  static void buildTable() {
    ServerConfig config = ServerConfig.load(List.of(), Map.of("BACKPACK_DATA_DIR", dataDir.toString()), null, dataDir);
    defs = Tools.definitions(new TradingSession(config));
  }

  @TestFactory
  List<DynamicTest> everyErrorResultOfEveryToolMatchesItsOutputSchemaOrHasNoStructuredContent() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ToolDef def : defs) {
      for (Map.Entry<String, Supplier<Throwable>> failure : FAILURES.entrySet()) {
        for (Mode mode : Mode.values()) {
          tests.add(dynamicTest(def.name() + " / " + failure.getKey() + " / " + mode, () -> {
            McpSchema.CallToolResult result = ToolRegistry.call(throwing(def, failure.getValue()), Map.of(), mode);
            assertErrorConforms(def, result);
          }));
        }
      }
      // And the real handler, with an argument no tool declares: the most common error of all.
      tests.add(dynamicTest(def.name() + " / real handler, unknown argument", () ->
          assertErrorConforms(def, ToolRegistry.call(def, Map.of("no_such_argument", true), Mode.PAPER))));
    }
    assertThat(tests).hasSize(defs.size() * (FAILURES.size() * Mode.values().length + 1));
    return tests;
  }

  static void assertErrorConforms(ToolDef def, McpSchema.CallToolResult result) {
    assertThat(result.isError()).isTrue();
    assertThat(result.content()).isNotEmpty();
    assertThat(result.content().get(0)).isInstanceOf(McpSchema.TextContent.class);
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(text).as("the message an assistant reads").isNotBlank();
    assertThat(sentences(text)).as("sentences of: %s", text).doesNotHaveDuplicates();
    if (result.structuredContent() != null) {
      assertThat(SchemaChecks.instanceProblems(def.output(), result.structuredContent()))
          .as("%s error result %s against its output schema", def.name(), result.structuredContent()).isEmpty();
      assertThat(def.legacyEnvelope()).as("only the original write tools carry structured errors").isTrue();
      assertThat(result.structuredContent()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("success", false).containsEntry("error", text);
    }
  }

  /** {@return the sentences of a text, lower-cased, the mode prefix left out} */
  static List<String> sentences(String text) {
    return java.util.Arrays.stream(text.replaceFirst("^\\[[a-z]+\\] ", "").split("(?<=[.!?])\\s+"))
        .map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
  }

  private static ToolDef throwing(ToolDef def, Supplier<Throwable> failure) {
    return new ToolDef(def.name(), def.title(), def.description(), def.input(), def.output(), def.kind(),
        def.legacyEnvelope(), args -> {
          Throwable t = failure.get();
          if (t instanceof RuntimeException r) {
            throw r;
          }
          throw (Error) t;
        });
  }
}
