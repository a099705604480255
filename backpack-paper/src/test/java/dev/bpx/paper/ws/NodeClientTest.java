package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The protocol against clients nobody here wrote: Node's built-in WebSocket (undici's, Node 20+) and
 * Node's own Ed25519 for the private subscription's signature. Skipped, with a message, without Node.
 */
class NodeClientTest {
  private static final String SCRIPT = """
      const crypto = require('crypto');
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
      const key = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
      const ts = Date.now(), window = 5000;
      const sig = crypto.sign(null, Buffer.from(`instruction=subscribe&timestamp=${ts}&window=${window}`), privateKey)
          .toString('base64');
      console.log('KEY ' + key);
      const ws = new WebSocket(process.argv[1]);
      let data = 0;
      ws.onopen = () => ws.send(JSON.stringify({ method: 'SUBSCRIBE', id: 42,
          params: ['trade.SOL_USDC', 'bogus.SOL_USDC', 'account.orderUpdate'],
          signature: [key, sig, String(ts), String(window)] }));
      ws.onmessage = (e) => {
        console.log('FRAME ' + e.data);
        if (JSON.parse(e.data).stream && ++data === 2) ws.close(1000, 'done');
      };
      ws.onclose = (e) => { console.log('CLOSED ' + e.code); process.exit(0); };
      ws.onerror = (e) => { console.log('ERROR ' + e.message); process.exit(1); };
      setTimeout(() => { console.log('TIMEOUT'); process.exit(1); }, 20000);
      """;

  @Test
  void nodesBuiltInWebSocketSubscribesSignedAndReceivesFrames() throws Exception {
    List<String> node = nodeCommand();
    try (WsFront front = WsFront.builder(Clock.systemUTC()).symbols(Set.of("SOL_USDC")).start()) {
      List<String> cmd = new ArrayList<>(node);
      cmd.addAll(List.of("-e", SCRIPT, front.url()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          r.lines().forEach(lines::add);
        } catch (IOException e) {
          lines.add("READ FAILED " + e);
        }
      });
      reader.start();
      try {
        String key = line(lines).substring("KEY ".length());
        // Replies to a frame are sent once all of its good streams are subscribed, whatever their order.
        assertThat(frame(lines)).isEqualTo(Json.parse(
            "{\"id\":42,\"error\":{\"code\":4001,\"message\":\"Invalid stream: bogus.SOL_USDC\"}}"));

        front.publish("trade.SOL_USDC", "{\"e\":\"trade\",\"p\":\"18.68\"}");
        front.publishPrivate(key, "account.orderUpdate.SOL_USDC", "{\"e\":\"orderFill\",\"X\":\"Filled\"}");

        assertThat(frame(lines)).isEqualTo(Json.parse("{\"stream\":\"trade.SOL_USDC\",\"data\":{\"e\":\"trade\",\"p\":\"18.68\"}}"));
        assertThat(frame(lines)).isEqualTo(Json.parse(
            "{\"stream\":\"account.orderUpdate\",\"data\":{\"e\":\"orderFill\",\"X\":\"Filled\"}}"));
        assertThat(line(lines)).isEqualTo("CLOSED 1000");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
      } finally {
        p.destroyForcibly();
        reader.join(5_000);
      }
    }
  }

  private static String line(BlockingQueue<String> lines) throws InterruptedException {
    String l = lines.poll(20, TimeUnit.SECONDS);
    assertThat(l).as("a line from node within 20 s").isNotNull();
    return l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> frame(BlockingQueue<String> lines) throws InterruptedException {
    String l = line(lines);
    assertThat(l).startsWith("FRAME ");
    return (Map<String, Object>) Json.parse(l.substring("FRAME ".length()));
  }

  /** {@return the command that runs node with a global WebSocket}; skips the test without one */
  static List<String> nodeCommand() throws InterruptedException {
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
