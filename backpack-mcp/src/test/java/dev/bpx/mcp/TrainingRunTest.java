package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's training run ({@code --cds-training}), which the build and {@code setup} run on the
 * user's machine: its tool calls succeed, so the classes of a first call are what gets archived, and it
 * leaves nothing behind, neither in the temporary directory nor in the home directory where paper
 * accounts live by default.
 */
class TrainingRunTest {
  @TempDir
  Path temp;

  /** What a training run printed and how it ended. */
  private record Run(int exitCode, String stdout, String stderr) {}

  /** Runs {@code --cds-training} with its own temporary and home directories and {@code env} on top. */
  private Run train(Path tmp, Path home, java.util.Map<String, String> env) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(McpServerProcess.command(List.of(Main.CDS_TRAINING)));
    command.add(1, "-Djava.io.tmpdir=" + Files.createDirectories(tmp));
    ProcessBuilder builder = McpServerProcess.isolatedBuilder(temp);
    builder.environment().put("HOME", Files.createDirectories(home).toString());
    builder.environment().remove("BACKPACK_PAPER_MARKET_DATA");
    builder.environment().putAll(env);
    Path stderr = Files.createTempFile(temp, "stderr", ".txt");
    builder.command(command).redirectError(stderr.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the training run exits").isTrue();
    return new Run(process.exitValue(), stdout, Files.readString(stderr));
  }

  @Test
  void everyScriptedCallSucceedsAndThePaperAccountIsGoneAfterwards() throws Exception {
    Path tmp = temp.resolve("tmp");
    Path home = temp.resolve("home");
    Run run = train(tmp, home, java.util.Map.of());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
    List<String> answers = run.stdout().lines().filter(l -> l.startsWith("{")).toList();
    assertThat(answers).as("initialize, tools/list and seven tool calls answered").hasSize(9);
    assertThat(answers).noneMatch(l -> l.contains("\"isError\":true") || l.matches("\\{\"jsonrpc\":\"2.0\",\"id\":\\d+,\"error\".*"));
    assertThat(run.stdout()).contains("Placed Limit Bid 0.1 SOL_USDC", "simulated prices");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("left in java.io.tmpdir").isEmpty();
    }
    try (Stream<Path> left = Files.walk(home)) {
      assertThat(left.filter(p -> !p.equals(home))).as("written under HOME").isEmpty();
    }
  }

  @Test
  void theTrainingRunNamesNoKeyOfTheUsers() throws IOException, InterruptedException {
    // A user's BACKPACK_PRIVATE_KEY in the environment must not turn the training into a live session.
    Run run = train(temp.resolve("tmp2"), temp.resolve("home2"),
        java.util.Map.of("BACKPACK_PRIVATE_KEY", "not-a-key-and-never-read", "BACKPACK_BASE_URL", "http://127.0.0.1:9"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("PAPER mode").doesNotContain("not-a-key").doesNotContain("127.0.0.1:9\"");
    assertThat(run.stdout().lines().filter(l -> l.startsWith("{"))).noneMatch(l -> l.contains("\"isError\":true"));
  }
}
