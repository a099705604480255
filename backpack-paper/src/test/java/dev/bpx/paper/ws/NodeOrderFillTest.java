package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
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
import org.junit.jupiter.api.Test;

/**
 * The engine's events over the real socket to a client nobody here wrote: Node's built-in WebSocket
 * subscribes to {@code account.orderUpdate} of an account, an order placed over REST fills, and Node reads
 * its {@code orderAccepted} and {@code orderFill} frames. Skipped, with a message, without Node 20+.
 */
class NodeOrderFillTest {
  private static final String SCRIPT = """
      const [url, key, sig, ts, window] = process.argv.slice(1);
      const ws = new WebSocket(url);
      ws.onopen = () => ws.send(JSON.stringify({ method: 'SUBSCRIBE', id: 7,
          params: ['account.orderUpdate'], signature: [key, sig, ts, window] }));
      ws.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (m.id === 7) { console.log(m.error ? 'ERROR ' + e.data : 'READY'); return; }
        console.log('FRAME ' + e.data);
        if (m.data && m.data.e === 'orderFill' && m.data.X === 'Filled') ws.close(1000, 'done');
      };
      ws.onclose = (e) => { console.log('CLOSED ' + e.code); process.exit(0); };
      ws.onerror = (e) => { console.log('ERROR ' + e.message); process.exit(1); };
      setTimeout(() => { console.log('TIMEOUT'); process.exit(1); }, 20000);
      """;

  @Test
  void nodeReceivesTheOrderFillOfAnOrderPlacedOverRest() throws Exception {
    List<String> node = NodeClientTest.nodeCommand();
    SigningKey key = SigningKey.generate();
    PaperClock clock = PaperClock.system();
    try (PaperExchange paper = PaperExchange.builder().clock(clock).webSocketPort(0).start()) {
      SignedHeaders sig = new RequestSigner(key).sign("subscribe", Map.of(), clock.millis(), 5000);
      List<String> cmd = new ArrayList<>(node);
      cmd.addAll(List.of("-e", SCRIPT, paper.wsUrl(), sig.apiKey(), sig.signature(),
          Long.toString(sig.timestampMillis()), Long.toString(sig.windowMillis())));
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
        assertThat(line(lines)).isEqualTo("READY");
        PaperHttp.Reply placed = new PaperHttp(paper.url(), key, clock).post("/api/v1/order",
            "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.10\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        String id = (String) ((Map<?, ?>) Json.parse(placed.body())).get("id");

        Map<String, Object> accepted = frame(lines);
        assertThat(accepted).containsEntry("stream", "account.orderUpdate");
        assertThat(data(accepted)).containsEntry("e", "orderAccepted").containsEntry("i", id)
            .containsEntry("o", "MARKET");
        Map<String, Object> fill = data(frame(lines));
        assertThat(fill).containsEntry("e", "orderFill").containsEntry("i", id).containsEntry("X", "Filled")
            .containsEntry("l", "0.10").containsEntry("z", "0.10").containsEntry("m", false).containsEntry("N", "SOL")
            .containsKeys("t", "L", "n");
        assertThat(line(lines)).isEqualTo("CLOSED 1000");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
      } finally {
        p.destroyForcibly();
        reader.join(5_000);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> frame) {
    return (Map<String, Object>) frame.get("data");
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
}
