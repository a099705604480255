package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.stream.PositionUpdateEvent;
import dev.bpx.client.stream.StreamChannel;
import dev.bpx.client.stream.StreamSettings;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The spec's initial snapshot on {@code account.positionUpdate}: "On subscribe, the server sends current open
 * positions with the {@code e} field omitted". Each snapshot frame validates against the official
 * {@code PositionUpdateEnvelope} schema, has no {@code e}, and carries REST {@code /api/v1/position}'s numbers;
 * the per-symbol stream gets only its market's; an account without positions gets none; later fills arrive as
 * typed events after it. Our client ({@code backpack-client}) reads such a frame as its {@code Snapshot} case.
 */
class PositionSnapshotTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

  @Test
  void subscribingSendsTheOpenPositionsWithoutAnEventTypeThenTheEvents() throws Exception {
    PaperClock clock = PaperClock.fixed(T0);
    SigningKey key = SigningKey.generate();
    try (PaperExchange paper = PaperExchange.builder().clock(clock).webSocketPort(0).start()) {
      PaperHttp http = new PaperHttp(paper.url(), key, clock);
      ok(http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"2\"}"));
      ok(http.post("/api/v1/order", "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"0.001\"}"));
      Map<String, Map<String, Object>> rest = new HashMap<>();
      for (Object p : http.get("/api/v1/position").array()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> position = (Map<String, Object>) p;
        rest.put((String) position.get("symbol"), position);
      }
      assertThat(rest).containsOnlyKeys("SOL_USDC_PERP", "BTC_USDC_PERP");
      JsonSchema envelope = envelopeSchema();

      try (OkHttpWs all = new OkHttpWs(paper.wsUrl()); OkHttpWs one = new OkHttpWs(paper.wsUrl())) {
        all.send(subscribe(key, clock, "account.positionUpdate"));
        assertThat(all.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
        Map<String, Map<String, Object>> snapshot = new HashMap<>();
        for (int i = 0; i < 2; i++) {
          String frame = all.frames.poll(10, TimeUnit.SECONDS);
          assertThat(frame).as("snapshot frame %d", i).isNotNull();
          assertThat(envelope.validate(new ObjectMapper().readTree(frame))).as(frame).isEmpty();
          @SuppressWarnings("unchecked")
          Map<String, Object> f = (Map<String, Object>) Json.parse(frame);
          assertThat(f.get("stream")).isEqualTo("account.positionUpdate");
          @SuppressWarnings("unchecked")
          Map<String, Object> data = (Map<String, Object>) f.get("data");
          assertThat(data).as("no event type in the snapshot").doesNotContainKey("e");
          snapshot.put((String) data.get("s"), data);
        }
        assertThat(snapshot).containsOnlyKeys(rest.keySet());
        for (String symbol : rest.keySet()) {
          Map<String, Object> s = snapshot.get(symbol);
          Map<String, Object> r = rest.get(symbol);
          assertThat(num(s.get("q"))).as(symbol + " q").isEqualByComparingTo((String) r.get("netQuantity"));
          assertThat(num(s.get("B"))).as(symbol + " B").isEqualByComparingTo((String) r.get("entryPrice"));
          assertThat(num(s.get("M"))).as(symbol + " M").isEqualByComparingTo((String) r.get("markPrice"));
          assertThat(s.get("i")).as(symbol + " i").isEqualTo(r.get("positionId"));
          assertThat(num(s.get("E"))).isEqualByComparingTo(BigDecimal.valueOf(T0.toEpochMilli() * 1000));
        }

        one.send(subscribe(key, clock, "account.positionUpdate.SOL_USDC_PERP"));
        assertThat(one.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
        Map<String, Object> sol = one.next();
        assertThat(sol.get("stream")).isEqualTo("account.positionUpdate.SOL_USDC_PERP");
        @SuppressWarnings("unchecked")
        Map<String, Object> solData = (Map<String, Object>) sol.get("data");
        assertThat(solData).doesNotContainKey("e").containsEntry("s", "SOL_USDC_PERP");

        // Then the stream goes on with typed events, and nothing else was sent to the per-symbol subscriber.
        ok(http.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"1\"}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> adjusted = (Map<String, Object>) one.next().get("data");
        assertThat(adjusted).containsEntry("e", "positionAdjusted");
        assertThat(num(adjusted.get("q"))).isEqualByComparingTo("3");
      }

      SigningKey flat = SigningKey.generate();
      ok(new PaperHttp(paper.url(), flat, clock).get("/api/v1/capital"));
      try (OkHttpWs none = new OkHttpWs(paper.wsUrl())) {
        none.send(subscribe(flat, clock, "account.positionUpdate"));
        assertThat(none.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
        none.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"nope\"],\"id\":2}");
        // The next frame is the reply to the next request: no snapshot frame came between.
        assertThat(none.next().get("id")).isEqualTo(Json.parse("2"));
      }
    }
  }

  @Test
  void theClientReadsTheSnapshotAsItsSnapshotCase() throws Exception {
    PaperClock clock = PaperClock.fixed(T0);
    SigningKey key = SigningKey.generate();
    try (PaperExchange paper = PaperExchange.builder().clock(clock).webSocketPort(0).start();
        BackpackClient client = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).clock(clock)
            .maxRetries(0).streams(StreamSettings.builder().url(paper.wsUrl()).build()).build()) {
      ok(new PaperHttp(paper.url(), key, clock).post("/api/v1/order",
          "{\"symbol\":\"ETH_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"0.5\"}"));
      BlockingQueue<PositionUpdateEvent> events = new LinkedBlockingQueue<>();
      client.streams().subscribe(StreamChannel.positionUpdates(), events::add);
      PositionUpdateEvent first = events.poll(10, TimeUnit.SECONDS);
      assertThat(first).isInstanceOf(PositionUpdateEvent.Snapshot.class);
      assertThat(first.position().symbol()).isEqualTo("ETH_USDC_PERP");
      assertThat(first.position().netQuantity()).isEqualByComparingTo("-0.5");
    }
  }

  private static String subscribe(SigningKey key, PaperClock clock, String stream) {
    SignedHeaders h = new RequestSigner(key).sign("subscribe", Map.of(), clock.millis(), 5000);
    return Json.write(Map.of("method", "SUBSCRIBE", "params", List.of(stream), "id", 1L,
        "signature", List.of(h.apiKey(), h.signature(), "" + h.timestampMillis(), "" + h.windowMillis())));
  }

  private static BigDecimal num(Object v) {
    return new BigDecimal(v.toString());
  }

  private static void ok(PaperHttp.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static JsonSchema envelopeSchema() throws Exception {
    JsonNode spec;
    try (InputStream in = PositionSnapshotTest.class.getResourceAsStream("/backpack-asyncapi.yml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    ObjectNode root = spec.deepCopy();
    root.remove("id"); // AsyncAPI's document id, not a schema's
    root.put("$ref", "#/components/messages/PositionUpdateEnvelope/payload");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
  }
}
