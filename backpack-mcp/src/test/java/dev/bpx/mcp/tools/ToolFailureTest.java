package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures that happen before any request: wrong keys, an unreachable exchange. */
class ToolFailureTest {
  @TempDir Path dir;

  private McpSchema.CallToolResult call(Map<String, String> env, String tool, Map<String, Object> args) {
    ServerConfig config = ServerConfig.load(List.of(), env, null, dir);
    try (TradingSession session = new TradingSession(config)) {
      ToolDef def = Tools.definitions(session).stream().filter(d -> d.name().equals(tool)).findFirst().orElseThrow();
      return ToolRegistry.call(def, args, config.mode());
    }
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  // Key problems stop the server at start (ServerConfig), before any tool can be called.

  @Test
  void malformedPrivateKeyStopsTheServerAtStartNamingTheSettingWithoutItsValue() {
    String secret = "c2VjcmV0LXRoYXQtaXMtbm90LWEta2V5LWF0LWFsbA==";
    assertThatThrownBy(() -> ServerConfig.load(List.of(), Map.of("BACKPACK_PRIVATE_KEY", secret), null, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BACKPACK_PRIVATE_KEY")
        .hasMessageNotContaining(secret);
  }

  @Test
  void publicKeyOfAnotherAccountStopsTheServerAtStart() {
    SigningKey key = SigningKey.generate();
    SigningKey other = SigningKey.generate();
    assertThatThrownBy(() -> ServerConfig.load(List.of(), Map.of("BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_PUBLIC_KEY", other.publicKeyBase64()), null, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BACKPACK_PUBLIC_KEY does not belong to BACKPACK_PRIVATE_KEY")
        .hasMessageNotContaining(key.exportPrivateKeyBase64());
  }

  @Test
  void malformedClientTuningStopsTheServerAtStartEvenInPaperMode() {
    assertThatThrownBy(() -> ServerConfig.load(List.of(), Map.of("BACKPACK_WINDOW_MS", "90000"), null, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BACKPACK_WINDOW_MS");
  }

  @Test
  void unreachableExchangeSaysNothingWasExecutedAndRetryingIsSafe() {
    SigningKey key = SigningKey.generate();
    McpSchema.CallToolResult result = call(Map.of("BACKPACK_PRIVATE_KEY", key.exportPrivateKeyBase64(),
        "BACKPACK_BASE_URL", "http://127.0.0.1:9", "BACKPACK_MAX_RETRIES", "0", "BACKPACK_CONNECT_TIMEOUT_MS", "1000"),
        "list_orders", Map.of());
    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("did not reach the exchange", "retrying is safe");
    assertThat(result.structuredContent()).as("list_orders declares no error field: text only").isNull();
  }
}
