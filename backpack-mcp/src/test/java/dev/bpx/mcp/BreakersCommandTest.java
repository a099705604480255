package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backpack-mcp breakers reset}: clears the daily breakers' state in the data directory of the settings. */
class BreakersCommandTest {
  @TempDir
  Path dataDir;
  @TempDir
  Path home;

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BreakersCommand.run(List.of(args), env, null, null, home, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void resetClearsATrippedDailyLossAndTheCountedNotionalInTheDataDirectory() throws Exception {
    Path state = dataDir.resolve("circuit-breakers-0123456789ab.state");
    Files.writeString(state, """
        backpack-circuit-breakers 1
        notional 1796076000000 7 250
        loss-day 2026-11-30 1000
        loss-tripped 50 940 1796076000000
        """, StandardCharsets.UTF_8);

    Run run = run(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), "reset");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Circuit breakers reset in " + dataDir, "maxDailyLoss trip cleared (tripped at"
        + " 2026-11-30T22:00:00Z, limit 50)", "loss baseline 1000 of 2026-11-30 cleared", "1 counted orders (notional 250) cleared");
    assertThat(Files.readString(state, StandardCharsets.UTF_8)).isEqualTo("backpack-circuit-breakers 1\n");
  }

  @Test
  void resetWithNoStateSaysThereIsNothingToReset() {
    Run run = run(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), "reset");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo("No circuit breaker state in " + dataDir + ": nothing to reset.\n");
  }

  @Test
  void anythingButResetIsAUsageErrorThatChangesNothing() {
    Run run = run(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), "clear");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("usage: backpack-mcp breakers reset");
  }

  @Test
  void aWrongSettingIsAConfigurationErrorThatResetsNothing() {
    Run run = run(Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_MAX_DAILY_LOSS", "lots"), "reset");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("BACKPACK_MAX_DAILY_LOSS", "Nothing was reset");
  }
}
