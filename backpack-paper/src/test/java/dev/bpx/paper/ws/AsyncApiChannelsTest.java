package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.AsyncApiSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server against the official AsyncAPI spec ({@code src/test/resources/backpack-asyncapi.yml}, a copy of
 * {@code shared/backpack-asyncapi.yml}): every channel it lists, with every value of its enum parameters, is
 * accepted, a subscribe frame valid under the spec's {@code SubscribeRequest} schema is understood, and every
 * data frame sent validates against its channel's envelope schema.
 */
class AsyncApiChannelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AsyncApiSpec SPEC = AsyncApiSpec.load();
  private static final String SYMBOL = "SOL_USDC";

  @Test
  void everyChannelOfTheSpecIsServedInItsEnvelope() throws Exception {
    Map<String, String> streams = channelInstances(); // stream name -> envelope message of its channel
    assertThat(streams).hasSizeGreaterThan(30).containsKeys("depth.1000ms.SOL_USDC", "kline.1month.SOL_USDC",
        "liquidation", "account.rfqUpdate", "account.positionUpdate.SOL_USDC");
    SigningKey key = SigningKey.generate();
    SignedHeaders sig = new RequestSigner(key).sign("subscribe", Map.of(), System.currentTimeMillis(), 5000);
    Map<String, Object> subscribe = new LinkedHashMap<>();
    subscribe.put("method", "SUBSCRIBE");
    subscribe.put("params", new ArrayList<>(streams.keySet()));
    subscribe.put("signature", List.of(sig.apiKey(), sig.signature(), "" + sig.timestampMillis(), "" + sig.windowMillis()));
    subscribe.put("id", 1L);
    String frame = Json.write(subscribe);
    // The schemas bite: an envelope without an object in data, or a subscribe with three signature parts, fails.
    assertThat(SPEC.payloadSchema("DepthEnvelope")
        .validate(JSON.readTree("{\"stream\":\"depth.SOL_USDC\",\"data\":\"x\"}"))).isNotEmpty();
    assertThat(SPEC.payloadSchema("SubscribeRequest")
        .validate(JSON.readTree("{\"method\":\"SUBSCRIBE\",\"params\":[],\"signature\":[\"a\",\"b\",\"c\"]}"))).isNotEmpty();
    assertThat(SPEC.payloadSchema("SubscribeRequest").validate(JSON.readTree(frame))).isEmpty();

    try (WsFront front = WsFront.builder(Clock.systemUTC()).symbols(Set.of(SYMBOL)).start();
        OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send(frame);
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));

      for (Map.Entry<String, String> s : streams.entrySet()) {
        String name = s.getKey();
        if (!name.startsWith("account.")) {
          front.publish(name, "{}");
        } else if (name.endsWith("." + SYMBOL)) {
          // Reaches this per-symbol stream and the account's all-symbols one, in that order.
          front.publishPrivate(key.publicKeyBase64(), name, "{}");
        }
      }
      for (Map.Entry<String, String> s : streams.entrySet()) {
        String sent = ws.frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(sent).as("a frame for %s", s.getKey()).isNotNull();
        JsonNode instance = JSON.readTree(sent);
        String stream = instance.path("stream").asText();
        assertThat(streams).containsKey(stream);
        assertThat(SPEC.payloadSchema(streams.get(stream)).validate(instance))
            .as(sent).isEmpty();
      }
    }
  }

  @Test
  void namesTheSpecDoesNotHaveAreRefused() throws Exception {
    try (WsFront front = WsFront.builder(Clock.systemUTC()).symbols(Set.of(SYMBOL)).start();
        OkHttpWs ws = new OkHttpWs(front.url())) {
      for (String bad : List.of("depth.5s.SOL_USDC", "kline.2d.SOL_USDC", "account.balanceUpdate", "ticker", "Ticker.SOL_USDC")) {
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + bad + "\"]}");
        assertThat(ws.next()).isEqualTo(Json.parse(
            "{\"id\":null,\"error\":{\"code\":4001,\"message\":\"Invalid stream: " + bad + "\"}}"));
      }
    }
  }

  /** Each channel name with its parameters filled in: every enum value, and {@value #SYMBOL} for symbols. */
  private static Map<String, String> channelInstances() {
    Map<String, String> out = new LinkedHashMap<>();
    for (AsyncApiSpec.Channel channel : SPEC.channels()) {
      List<String> names = List.of(channel.name());
      for (Map.Entry<String, List<String>> param : channel.parameters().entrySet()) {
        List<String> values = param.getValue().isEmpty() ? List.of(SYMBOL) : param.getValue();
        List<String> expanded = new ArrayList<>();
        for (String n : names) {
          for (String v : values) {
            expanded.add(n.replace("{" + param.getKey() + "}", v));
          }
        }
        names = expanded;
      }
      names.forEach(n -> out.put(n, channel.envelope()));
    }
    return out;
  }
}
