package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * get_server_status on a server whose exchange cannot be reached: every breaker that needs the account
 * says "unknown" with the reason, and the tool still answers; the notional counted on disk needs no
 * exchange at all.
 */
class BreakerStatusProcessTest {
  @TempDir
  Path dataDir;
  @TempDir
  Path workDir;

  @Test
  @SuppressWarnings("unchecked")
  void aBreakerWhoseAccountReadFailsIsUnknownAndTheStatusStillAnswers() {
    Map<String, String> env = Map.of(
        "BACKPACK_BASE_URL", "http://127.0.0.1:1",
        "BACKPACK_PRIVATE_KEY", SigningKey.generate().exportPrivateKeyBase64(),
        "BACKPACK_MAX_RETRIES", "0",
        "BACKPACK_MAX_DAILY_LOSS", "50",
        "BACKPACK_MAX_DAILY_NOTIONAL", "1000",
        "BACKPACK_DATA_DIR", dataDir.toString());
    try (McpServerProcess server = McpServerProcess.start(env, workDir)) {
      Map<String, Object> status = server.ok("get_server_status", Map.of());

      List<Map<String, Object>> breakers = (List<Map<String, Object>>) status.get("breakers");
      assertThat(breakers).extracting(b -> b.get("rule")).containsExactly("maxDailyNotional", "maxDailyLoss");
      assertThat(breakers.get(0)).containsEntry("used", "0").containsEntry("tripped", false);
      assertThat(breakers.get(1)).containsEntry("setting", "BACKPACK_MAX_DAILY_LOSS").containsEntry("limit", "50")
          .containsEntry("used", "unknown").doesNotContainKey("tripped");
      assertThat((String) breakers.get(1).get("note")).startsWith("unknown: ");
      assertThat((String) status.get("limits")).contains("max daily notional 1000", "max daily loss 50");
    }
  }
}
