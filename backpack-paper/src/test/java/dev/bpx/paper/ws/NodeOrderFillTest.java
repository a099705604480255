package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.util.Map;
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
    SigningKey key = SigningKey.generate();
    PaperClock clock = PaperClock.system();
    try (PaperExchange paper = PaperExchange.builder().clock(clock).webSocketPort(0).start()) {
      // Signed here, sent once node is up: the longest window the exchange allows, so a slow node start on a loaded
      // machine (over 5 s was seen) cannot expire it. Windows have tests of their own.
      SignedHeaders sig = new RequestSigner(key).sign("subscribe", Map.of(), clock.millis(), 60_000);
      try (NodeScript node = NodeScript.start(SCRIPT, paper.wsUrl(), sig.apiKey(), sig.signature(),
          Long.toString(sig.timestampMillis()), Long.toString(sig.windowMillis()))) {
        assertThat(node.line()).isEqualTo("READY");
        PaperHttp.Reply placed = new PaperHttp(paper.url(), key, clock).post("/api/v1/order",
            "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.10\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        String id = (String) ((Map<?, ?>) Json.parse(placed.body())).get("id");

        Map<String, Object> accepted = node.frame();
        assertThat(accepted).containsEntry("stream", "account.orderUpdate");
        assertThat(data(accepted)).containsEntry("e", "orderAccepted").containsEntry("i", id)
            .containsEntry("o", "MARKET");
        Map<String, Object> fill = data(node.frame());
        assertThat(fill).containsEntry("e", "orderFill").containsEntry("i", id).containsEntry("X", "Filled")
            .containsEntry("l", "0.10").containsEntry("z", "0.10").containsEntry("m", false).containsEntry("N", "SOL")
            .containsKeys("t", "L", "n");
        node.assertClosedNormally();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> frame) {
    return (Map<String, Object>) frame.get("data");
  }
}
