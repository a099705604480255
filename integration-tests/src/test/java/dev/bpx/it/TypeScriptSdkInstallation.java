package dev.bpx.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The TypeScript SDK client bridge ({@code src/test/node/ts-client}), installed once per JVM with {@code npm ci}
 * from its lock file into {@code target/ts-client}, so the source tree stays clean. It is unavailable, with the
 * reason, only when Node.js or npm is missing or too old, or when the npm registry is unreachable and the npm
 * cache lacks the locked packages; any other failure of {@code npm ci} fails the tests that need it.
 *
 * <p>Thread-safe.
 */
final class TypeScriptSdkInstallation {
  /** The pinned client, as in the lock file (and in {@code bench/node-baseline}). */
  static final String SDK = "@modelcontextprotocol/sdk@1.32.2";
  private static final List<String> FILES = List.of("package.json", "package-lock.json", "bridge.mjs");
  private static final String MARKER = ".installed-lock-sha256";

  private static TypeScriptSdkInstallation installed;

  private final Path directory;
  private final String unavailable;
  private final String failure;

  private TypeScriptSdkInstallation(Path directory, String unavailable, String failure) {
    this.directory = directory;
    this.unavailable = unavailable;
    this.failure = failure;
  }

  /** {@return the installation, made on the first call} */
  static synchronized TypeScriptSdkInstallation get() {
    if (installed == null) {
      installed = install(
          Path.of(System.getProperty("bpx.ts.client.source", "src/test/node/ts-client")).toAbsolutePath().normalize(),
          Path.of(System.getProperty("bpx.ts.client.dir", "target/ts-client")).toAbsolutePath().normalize());
      if (installed.unavailable != null) {
        // Once per run, on the console: a skip must not go unnoticed.
        System.err.println("The TypeScript SDK client suites are SKIPPED: " + installed.unavailable);
      }
    }
    return installed;
  }

  /** {@return why the client cannot run on this machine, or null when it can} */
  String unavailable() {
    return unavailable;
  }

  /** {@return the bridge script, after failing if the installation broke for a reason other than a missing tool or registry} */
  Path bridge() {
    if (failure != null) {
      throw new AssertionError(failure);
    }
    if (unavailable != null) {
      throw new IllegalStateException("the TypeScript SDK client is unavailable: " + unavailable);
    }
    return directory.resolve("bridge.mjs");
  }

  private static TypeScriptSdkInstallation install(Path source, Path directory) {
    Command.Result node = Command.run(List.of("node", "--version"), source, 60);
    if (node.exitCode() != 0) {
      return unavailable("node is not available (" + node.output().strip() + "); install Node.js 20+");
    }
    String version = node.output().strip();
    if (version.matches("v1?\\d\\..*")) {
      return unavailable("Node.js " + version + " is too old for " + SDK + "; install Node.js 20+");
    }
    Command.Result npm = Command.run(List.of("npm", "--version"), source, 60);
    if (npm.exitCode() != 0) {
      return unavailable("npm is not available (" + npm.output().strip() + "); install Node.js 20+ with npm");
    }
    try {
      Files.createDirectories(directory);
      for (String file : FILES) {
        Files.copy(source.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      String lock = sha256(directory.resolve("package-lock.json"));
      Path marker = directory.resolve(MARKER);
      if (Files.isDirectory(directory.resolve("node_modules")) && Files.isRegularFile(marker)
          && Files.readString(marker).equals(lock)) {
        return new TypeScriptSdkInstallation(directory, null, null);
      }
      Files.deleteIfExists(marker);
      Command.Result ci = Command.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline",
          "--fetch-timeout=20000", "--fetch-retries=1"), directory, 600);
      if (ci.exitCode() != 0) {
        Command.Result ping = Command.run(List.of("npm", "ping", "--fetch-timeout=10000", "--fetch-retries=1"), directory, 60);
        if (ping.exitCode() != 0) {
          return unavailable("the npm registry is unreachable (npm ping: " + ping.output().strip()
              + ") and the npm cache lacks " + SDK + " or its dependencies (npm ci: " + tail(ci.output()) + ")");
        }
        return new TypeScriptSdkInstallation(directory, null, "npm ci in " + directory + " failed although the registry answers: "
            + ci.output());
      }
      Files.writeString(marker, lock);
      return new TypeScriptSdkInstallation(directory, null, null);
    } catch (IOException e) {
      return new TypeScriptSdkInstallation(directory, null, "installing the TypeScript SDK client in " + directory + " failed: " + e);
    }
  }

  private static TypeScriptSdkInstallation unavailable(String reason) {
    return new TypeScriptSdkInstallation(null, reason, null);
  }

  private static String tail(String output) {
    String stripped = output.strip();
    return stripped.length() <= 600 ? stripped : "…" + stripped.substring(stripped.length() - 600);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A short-lived command with the parent's environment minus {@code BACKPACK_*}; stdout and stderr together. */
  static final class Command {
    private Command() {}

    record Result(int exitCode, String output) {}

    static Result run(List<String> command, Path directory, int timeoutSeconds) {
      try {
        Path output = Files.createTempFile("bpx-it-command", ".txt");
        try {
          ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
              .redirectErrorStream(true).redirectOutput(output.toFile());
          builder.environment().keySet().removeIf(name -> name.startsWith("BACKPACK_"));
          Process process = builder.start();
          if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
          }
          return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
          Files.deleteIfExists(output);
        }
      } catch (IOException e) {
        return new Result(-1, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(-1, "interrupted");
      }
    }
  }
}
