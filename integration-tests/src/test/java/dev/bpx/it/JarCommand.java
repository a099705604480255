package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar run as a terminal command ({@code emergency-stop}, {@code breakers reset}, {@code journal
 * verify}), launched as the README says, as a person would: in a temporary working directory (no stray
 * {@code .env}), with none of the parent's {@code BACKPACK_*} variables or user-wide settings, only the
 * given ones, and nothing on stdin.
 */
final class JarCommand {
  private JarCommand() {}

  /** A finished run: exit code, stdout and stderr. */
  record Run(int exitCode, String stdout, String stderr) {}

  static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("bpx-it-command");
    List<String> command = new ArrayList<>();
    command.add(ServerUnderTest.javaExecutable());
    command.addAll(ServerUnderTest.documentedArgs(ServerUnderTest.jar(), ServerUnderTest.archive()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("BACKPACK_"));
    builder.environment().put("XDG_CONFIG_HOME", work.resolve("no-user-config").toString());
    builder.environment().put("APPDATA", work.resolve("no-user-config").toString());
    builder.environment().put("BACKPACK_PAPER_MARKET_DATA", "simulated"); // the seeded walk unless env says otherwise
    builder.environment().putAll(env);
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(String.join(" ", args) + " ended").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
