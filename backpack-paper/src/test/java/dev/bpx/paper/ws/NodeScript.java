package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: a Node script that uses Node's built-in WebSocket, run with arguments, its output read a
 * line at a time. Scripts print {@code FRAME <json>} for each frame and {@code CLOSED <code>} when the
 * socket closes. {@link #start} skips the calling test, with a message, without Node 20+.
 */
final class NodeScript implements AutoCloseable {
  private final Process process;
  private final Thread reader;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private NodeScript(Process process) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        r.lines().forEach(lines::add);
      } catch (IOException e) {
        lines.add("READ FAILED " + e);
      }
    });
    reader.start();
  }

  /** Runs {@code script} (given to {@code node -e}) with {@code args} after it. */
  static NodeScript start(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(nodeCommand());
    cmd.add("-e");
    cmd.add(script);
    cmd.addAll(List.of(args));
    return new NodeScript(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** {@return the next line the script printed}; fails when none comes within 20 s */
  String line() throws InterruptedException {
    String l = lines.poll(20, TimeUnit.SECONDS);
    assertThat(l).as("a line from node within 20 s").isNotNull();
    return l;
  }

  /** {@return the next line, which must be a {@code FRAME}, parsed} */
  @SuppressWarnings("unchecked")
  Map<String, Object> frame() throws InterruptedException {
    String l = line();
    assertThat(l).startsWith("FRAME ");
    return (Map<String, Object>) Json.parse(l.substring("FRAME ".length()));
  }

  /** Checks that the next line reports a normal close and that the script then exits with 0. */
  void assertClosedNormally() throws InterruptedException {
    assertThat(line()).isEqualTo("CLOSED 1000");
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    reader.join(5_000);
  }

  /** {@return the command that runs node with a global WebSocket}; skips the test without one */
  private static List<String> nodeCommand() throws InterruptedException {
    for (List<String> candidate : List.of(List.of("node"), List.of("node", "--experimental-websocket"))) {
      try {
        List<String> probe = new ArrayList<>(candidate);
        probe.addAll(List.of("-e", "process.stdout.write(typeof WebSocket)"));
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor(20, TimeUnit.SECONDS) && out.equals("function")) {
          return candidate;
        }
      } catch (IOException e) {
        Assumptions.abort("node not found on PATH (" + e.getMessage() + "): Node WebSocket check skipped");
      }
    }
    Assumptions.abort("this node has no built-in WebSocket (Node 20+ needed): Node WebSocket check skipped");
    return List.of();
  }
}
