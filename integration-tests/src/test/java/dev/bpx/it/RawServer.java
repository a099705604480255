package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The server process driven by hand: JSON-RPC lines written to stdin, and EVERY byte of stdout and
 * stderr kept, so tests can check that stdout carries nothing but JSON-RPC. The process gets only
 * the given environment (plus PATH and HOME), in the given working directory.
 *
 * <p>Not thread-safe.
 */
final class RawServer implements AutoCloseable {
  static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
      + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-it\",\"version\":\"1\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final Process process;
  private final OutputStream stdin;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final Thread[] readers;

  RawServer(List<String> command, Map<String, String> env, Path workDir) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    String home = environment.get("HOME");
    environment.clear();
    if (path != null) {
      environment.put("PATH", path);
    }
    if (home != null) {
      environment.put("HOME", home);
    }
    // Not the developer's user-wide settings file (XDG_CONFIG_HOME/backpack-mcp/.env) either.
    environment.put("XDG_CONFIG_HOME", workDir.resolve("no-user-config").toString());
    environment.put("BACKPACK_PAPER_MARKET_DATA", "simulated"); // the seeded walk unless env says otherwise
    environment.putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stdin = process.getOutputStream();
    readers = new Thread[] {collect(process.getInputStream(), stdout), collect(process.getErrorStream(), stderr)};
  }

  /** Starts a daemon thread that adds each line of {@code in} to {@code lines} (a thread-safe collection) until it ends. */
  static Thread collect(InputStream in, Collection<String> lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("<read failed: " + e + ">");
      }
    }, "line-collector");
    t.setDaemon(true);
    t.start();
    return t;
  }

  void send(String jsonLine) {
    try {
      stdin.write((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the server stopped reading; stderr:\n" + String.join("\n", stderr), e);
    }
  }

  /** {@return the stdout line answering request {@code id}}, waiting until the deadline */
  String awaitResponse(int id, Duration timeout) {
    String marker = "\"id\":" + id + ",";
    return Poll.until(timeout, "the answer to request " + id + " (stderr: " + stderr + ")",
        () -> stdout.stream().filter(l -> l.contains(marker)).findFirst().orElse(null), line -> line != null);
  }

  /** Closes stdin (the client went away) and waits for the process to end; {@return its exit code} */
  int closeStdinAndAwaitExit(Duration timeout) {
    try {
      stdin.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return awaitExit(timeout, "stdin closed");
  }

  /**
   * Sends SIGTERM, as a host does that ends a server without closing stdin; {@return the exit code}
   * Through the process handle: {@link Process#destroy()} sends the same signal but also closes our ends of
   * the pipes at once, losing what the server writes while it shuts down.
   */
  int terminateAndAwaitExit(Duration timeout) {
    process.toHandle().destroy();
    return awaitExit(timeout, "SIGTERM");
  }

  /** Kills the process at once (SIGKILL: no shutdown hook runs), as a crash or a power cut would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for the process to end and for its last output to be read; {@return its exit code} */
  private int awaitExit(Duration timeout, String after) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the server did not exit within " + timeout + " after " + after);
      }
      for (Thread reader : readers) {
        reader.join(timeout.toMillis());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Fails unless every stdout line so far is a JSON-RPC message (a response or a request/notification). */
  void assertStdoutIsOnlyJsonRpc() {
    assertThat(stdout).isNotEmpty();
    for (String line : stdout) {
      Map<String, Object> message;
      try {
        message = McpJsonDefaults.getMapper().readValue(line, new TypeRef<Map<String, Object>>() {});
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
      assertThat(message).as(line).containsEntry("jsonrpc", "2.0");
      assertThat(message.containsKey("result") || message.containsKey("error") || message.containsKey("method")).as(line).isTrue();
    }
  }

  List<String> stdout() {
    return new ArrayList<>(stdout);
  }

  List<String> stderr() {
    return new ArrayList<>(stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
