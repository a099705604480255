package dev.bpx.mcp.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Claude Code's {@code claude} CLI, the documented way to add a server to it
 * (https://docs.anthropic.com/en/docs/claude-code/mcp: {@code claude mcp add-json <name> '<json>'}
 * with {@code --scope user} for every project). A seam so tests can stand in for the CLI.
 */
@FunctionalInterface
interface ClaudeCli {
  /** A finished run: exit code, and stdout and stderr together. */
  record Result(int exitCode, String output) {}

  Result run(List<String> command);

  /** The real process, at most a minute, its output captured. */
  ClaudeCli PROCESS = command -> {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  };

  /**
   * {@return the {@code claude} executable on the PATH, or null}. On Windows only {@code claude.exe}
   * counts: npm's {@code claude.cmd} would need {@code cmd.exe}, whose quoting mangles the JSON argument,
   * so there setup writes the file instead.
   */
  static Path find(Map<String, String> env, Os os) {
    String path = env.get("PATH");
    if (path == null && os == Os.WINDOWS) {
      path = env.get("Path");
    }
    if (path == null || path.isBlank()) {
      return null;
    }
    String separator = os == Os.WINDOWS ? ";" : ":";
    String name = os == Os.WINDOWS ? "claude.exe" : "claude";
    for (String dir : path.split(separator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
