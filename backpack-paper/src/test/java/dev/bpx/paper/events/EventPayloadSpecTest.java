package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.bpx.auth.SigningKey;
import dev.bpx.paper.AsyncApiSpec;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.RecordedStreams;
import dev.bpx.paper.market.Holding;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every payload the engine publishes, checked against the official AsyncAPI spec
 * ({@code src/test/resources/backpack-asyncapi.yml}, a copy of {@code shared/backpack-asyncapi.yml}), not
 * against our own code: the stream name matches one of the spec's channels, the frame validates against
 * that channel's envelope schema (types: strings for decimals, integers for times and ids, the event-type
 * enums), and every key of {@code data} is a property the channel's event schema declares (the schemas do
 * not forbid extra keys, so the validator alone would let a misspelt key through).
 */
class EventPayloadSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AsyncApiSpec SPEC = AsyncApiSpec.load();
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:30Z");

  @Test
  void everyPublishedPayloadIsDeclaredByItsChannelsSchema() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    Map<String, Holding> small = Map.of("USDC", new Holding(new BigDecimal("1200"), BigDecimal.ZERO, BigDecimal.ZERO),
        "SOL", new Holding(new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO));
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock).seed(9).startingPortfolio(small)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      scenario(paper, http);
      rec.awaitFrame(f -> f.stream().equals("liquidation"), Duration.ofSeconds(10));
    }

    List<Channel> channels = channels();
    Set<String> eventTypes = new TreeSet<>();
    Set<String> channelsSeen = new TreeSet<>();
    Set<String> streamsSeen = new TreeSet<>();
    Map<String, JsonSchema> schemas = new HashMap<>();
    for (RecordedStreams.Frame f : rec.frames()) {
      Channel c = channels.stream().filter(ch -> ch.pattern.matcher(f.stream()).matches()).findFirst()
          .orElseThrow(() -> new AssertionError("no channel of the spec for stream " + f.stream()));
      assertThat(f.account() != null).as("private exactly when the channel is an account one: %s", f.stream())
          .isEqualTo(c.name.startsWith("account."));
      ObjectNode frame = JSON.createObjectNode();
      frame.put("stream", f.stream());
      frame.set("data", JSON.readTree(f.json()));
      JsonSchema envelope = schemas.computeIfAbsent(c.envelope, SPEC::payloadSchema);
      assertThat(envelope.validate(frame)).as("%s against %s", frame, c.envelope).isEmpty();
      JsonNode declared = SPEC.dataSchema(c.envelope).path("properties");
      for (Iterator<String> keys = frame.get("data").fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        assertThat(declared.has(key)).as("key %s of %s is declared by %s", key, f.json(), c.envelope).isTrue();
      }
      eventTypes.add(frame.get("data").path("e").asText());
      channelsSeen.add(c.name);
      streamsSeen.add(f.stream());
    }
    assertThat(eventTypes).contains("orderAccepted", "orderCancelled", "orderExpired", "orderFill", "triggerPlaced",
        "positionOpened", "positionAdjusted", "positionClosed", "trade", "depth", "bookTicker", "ticker", "kline",
        "markPrice", "openInterest", "liquidation");
    assertThat(channelsSeen).contains("account.orderUpdate.{symbol}", "account.positionUpdate.{symbol}", "trade.{symbol}",
        "depth.{symbol}", "depth.{aggregation}.{symbol}", "bookTicker.{symbol}", "ticker.{symbol}",
        "kline.{interval}.{symbol}", "markPrice.{symbol}",
        "openInterest.{symbol}", "liquidation");
    assertThat(streamsSeen).contains("kline.1s.SOL_USDC", "depth.200ms.SOL_USDC", "depth.600ms.SOL_USDC",
        "depth.1000ms.SOL_USDC");
  }

  /** Orders of every kind and outcome, a perp position opened, adjusted and liquidated, time through a minute. */
  private static void scenario(PaperExchange paper, PaperHttp http) {
    String sol = "{\"symbol\":\"SOL_USDC\",";
    ok(http.post("/api/v1/order", sol + "\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"300.00\",\"quantity\":\"1\",\"clientId\":5}"));
    ok(http.delete("/api/v1/orders", "{\"symbol\":\"SOL_USDC\"}"));
    ok(http.post("/api/v1/order", sol + "\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"1\"}"));
    ok(http.post("/api/v1/order", sol + "\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\","
        + "\"timeInForce\":\"IOC\"}"));
    ok(http.post("/api/v1/order", sol + "\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"1\","
        + "\"triggerPrice\":\"1.00\",\"triggerQuantity\":\"1\"}"));
    paper.advance(Duration.ofSeconds(45)); // the minute's candle closes
    ok(http.patch("/api/v1/account", "{\"leverageLimit\":\"20\"}"));
    String perp = "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.1\"}";
    ok(http.post("/api/v1/order", perp));
    ok(http.post("/api/v1/order", perp));
    BigDecimal mark = paper.inspect(e -> e.markets().get("BTC_USDC_PERP").markPrice());
    paper.setPrice("BTC_USDC_PERP", mark.multiply(new BigDecimal("0.7")).setScale(1, java.math.RoundingMode.DOWN));
  }

  private static void ok(PaperHttp.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private record Channel(String name, Pattern pattern, String envelope) {}

  /** The spec's channels with their parameters as patterns (enums as alternatives, symbols by the spec's pattern). */
  private static List<Channel> channels() {
    List<Channel> out = new ArrayList<>();
    String symbol = SPEC.symbolPattern();
    for (AsyncApiSpec.Channel ch : SPEC.channels()) {
      String regex = Pattern.quote(ch.name());
      for (Map.Entry<String, List<String>> p : ch.parameters().entrySet()) {
        String values = p.getValue().isEmpty() ? symbol
            : p.getValue().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        regex = regex.replace("{" + p.getKey() + "}", "\\E(?:" + values + ")\\Q");
      }
      out.add(new Channel(ch.name(), Pattern.compile(regex), ch.envelope()));
    }
    return out;
  }
}
