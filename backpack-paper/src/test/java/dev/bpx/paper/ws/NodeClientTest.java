package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.time.Clock;
import java.util.Set;
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
    try (WsFront front = WsFront.builder(Clock.systemUTC()).symbols(Set.of("SOL_USDC")).start();
        NodeScript node = NodeScript.start(SCRIPT, front.url())) {
      String key = node.line().substring("KEY ".length());
      // Replies to a frame are sent once all of its good streams are subscribed, whatever their order.
      assertThat(node.frame()).isEqualTo(Json.parse(
          "{\"id\":42,\"error\":{\"code\":4001,\"message\":\"Invalid stream: bogus.SOL_USDC\"}}"));

      front.publish("trade.SOL_USDC", "{\"e\":\"trade\",\"p\":\"18.68\"}");
      front.publishPrivate(key, "account.orderUpdate.SOL_USDC", "{\"e\":\"orderFill\",\"X\":\"Filled\"}");

      assertThat(node.frame()).isEqualTo(Json.parse("{\"stream\":\"trade.SOL_USDC\",\"data\":{\"e\":\"trade\",\"p\":\"18.68\"}}"));
      assertThat(node.frame()).isEqualTo(Json.parse(
          "{\"stream\":\"account.orderUpdate\",\"data\":{\"e\":\"orderFill\",\"X\":\"Filled\"}}"));
      node.assertClosedNormally();
    }
  }
}
