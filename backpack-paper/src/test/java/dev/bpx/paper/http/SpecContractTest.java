package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON of every endpoint the paper exchange serves, checked against the response schema of
 * the official OpenAPI spec (a copy in test resources), after enough activity that every shape
 * has content: spot and perp fills, a resting order, a trigger order, lending, funding and
 * interest. Two checks per endpoint: the schema validates (the spec declares no
 * {@code nullable}, so a property outside {@code required} may also be null, which is how the
 * live API writes empty optionals), and every property the schema lists is present.
 */
class SpecContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode spec;
  private static PaperExchange paper;
  private static PaperHttp client;

  @BeforeAll
  static void setUp() throws Exception {
    try (InputStream in = SpecContractTest.class.getResourceAsStream("/backpack-openapi.yml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    allowNullForOptional(spec);
    PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T10:59:30Z"));
    paper = PaperExchange.builder().clock(clock).seed(11).start();
    client = new PaperHttp(paper.url(), SigningKey.generate(), clock);
    ok(client.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"1\"}"));
    ok(client.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\",\"clientId\":5}"));
    ok(client.post("/api/v1/order", "{\"symbol\":\"BTC_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.01\","
        + "\"takeProfitTriggerPrice\":\"200000.0\",\"stopLossTriggerPrice\":\"50000.0\"}"));
    ok(client.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quoteQuantity\":\"500\"}"));
    ok(client.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"120.00\","
        + "\"triggerPrice\":\"121.00\",\"triggerQuantity\":\"1\"}"));
    ok(client.post("/api/v1/borrowLend", "{\"symbol\":\"USDC\",\"side\":\"Lend\",\"quantity\":\"100\"}"));
    paper.advance(Duration.ofHours(2));
  }

  @AfterAll
  static void tearDown() {
    paper.close();
  }

  private static PaperHttp.Reply ok(PaperHttp.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  @TestFactory
  List<DynamicTest> everyEndpointMatchesTheOfficialResponseSchema() {
    String[][] calls = {
        {"GET", "/api/v1/markets", null}, {"GET", "/api/v1/market?symbol=BTC_USDC_PERP", null},
        {"GET", "/api/v1/ticker?symbol=SOL_USDC", null}, {"GET", "/api/v1/tickers?interval=1w", null},
        {"GET", "/api/v1/depth?symbol=SOL_USDC&limit=10", null},
        {"GET", "/api/v1/klines?symbol=SOL_USDC&interval=1h&startTime=1772300000", null},
        {"GET", "/api/v1/trades?symbol=SOL_USDC", null}, {"GET", "/api/v1/trades/history?symbol=SOL_USDC_PERP", null},
        {"GET", "/api/v1/markPrices", null}, {"GET", "/api/v1/fundingRates?symbol=SOL_USDC_PERP", null},
        {"GET", "/api/v1/openInterest", null}, {"GET", "/api/v1/assets", null}, {"GET", "/api/v1/collateral", null},
        {"GET", "/api/v1/borrowLend/markets", null}, {"GET", "/api/v1/status", null},
        {"GET", "/api/v1/account", null}, {"GET", "/api/v1/capital", null}, {"GET", "/api/v1/capital/collateral", null},
        {"GET", "/api/v1/borrowLend/positions", null}, {"GET", "/api/v1/position", null},
        {"GET", "/api/v1/position?symbol=BTC_USDC_PERP", null},
        {"GET", "/api/v1/account/limits/order?symbol=SOL_USDC&side=Bid", null},
        {"GET", "/api/v1/account/limits/borrow?symbol=USDC", null},
        {"GET", "/api/v1/account/limits/withdrawal?symbol=USDC", null},
        {"GET", "/api/v1/orders", null}, {"GET", "/api/v1/order?symbol=SOL_USDC&clientId=5", null},
        {"GET", "/wapi/v1/history/orders", null}, {"GET", "/wapi/v1/history/fills", null},
        {"GET", "/wapi/v1/history/funding", null}, {"GET", "/wapi/v1/history/interest", null},
        {"GET", "/wapi/v1/history/borrowLend", null}, {"GET", "/wapi/v1/history/borrowLend/positions", null},
        {"GET", "/wapi/v1/history/settlement", null}, {"GET", "/wapi/v1/history/position", null},
        {"POST", "/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"300.00\",\"quantity\":\"0.10\",\"clientId\":9}"},
        {"POST", "/api/v1/orders", "[{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"310.00\",\"quantity\":\"0.10\"},"
            + "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"310.00\",\"quantity\":\"1000\"}]"},
        {"DELETE", "/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"clientId\":9}"},
        {"DELETE", "/api/v1/orders", "{\"symbol\":\"SOL_USDC\"}"},
    };
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : calls) {
      tests.add(DynamicTest.dynamicTest(c[0] + " " + c[1], () -> check(c[0], c[1], c[2])));
    }
    return tests;
  }

  private static void check(String method, String pathAndQuery, String body) throws Exception {
    PaperHttp.Reply r = client.send(method, pathAndQuery, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
    String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
    String pointer = "/paths/" + path.replace("/", "~1") + "/" + method.toLowerCase()
        + "/responses/200/content/application~1json; charset=utf-8/schema";
    assertThat(spec.at(pointer).isMissingNode()).as("spec has " + pointer).isFalse();
    ObjectNode root = spec.deepCopy();
    root.put("$ref", "#" + pointer);
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
    JsonNode instance = JSON.readTree(r.body());
    Set<ValidationMessage> errors = schema.validate(instance);
    assertThat(errors).as(r.body()).isEmpty();
    List<String> missing = new ArrayList<>();
    everyPropertyPresent(spec.at(pointer), instance, "$", missing);
    assertThat(missing).as(r.body()).isEmpty();
    if (instance.isArray()) {
      assertThat(instance.size()).as("non-empty sample for " + pathAndQuery).isGreaterThan(0);
    }
  }

  /** The spec declares no nullable: treat every property outside {@code required} as nullable. */
  private static void allowNullForOptional(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode props = o.get("properties");
      if (props != null && props.isObject()) {
        Set<String> required = new HashSet<>();
        if (o.get("required") != null) {
          o.get("required").forEach(n -> required.add(n.asText()));
        }
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        List<String> names = new ArrayList<>();
        it.forEachRemaining(e -> names.add(e.getKey()));
        for (String name : names) {
          allowNullForOptional(props.get(name));
          if (!required.contains(name)) {
            ObjectNode wrapper = JSON.createObjectNode();
            ArrayNode anyOf = wrapper.putArray("anyOf");
            anyOf.add(props.get(name));
            anyOf.addObject().put("type", "null");
            ((ObjectNode) props).set(name, wrapper);
          }
        }
      }
      o.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("properties")) {
          allowNullForOptional(e.getValue());
        }
      });
    } else if (node.isArray()) {
      node.forEach(SpecContractTest::allowNullForOptional);
    }
  }

  private static JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      schema = spec.at(schema.get("$ref").asText().substring(1));
    }
    return schema;
  }

  /** Checks that every property a schema lists appears in the instance (null allowed). */
  private static void everyPropertyPresent(JsonNode unresolved, JsonNode instance, String at, List<String> missing) {
    JsonNode schema = resolve(unresolved);
    if (instance == null || instance.isNull()) {
      return;
    }
    if (schema.has("anyOf") && schema.get("anyOf").size() == 2
        && "null".equals(schema.get("anyOf").get(1).path("type").asText())) {
      everyPropertyPresent(schema.get("anyOf").get(0), instance, at, missing);
      return;
    }
    if (schema.has("discriminator")) {
      String tag = schema.get("discriminator").get("propertyName").asText();
      JsonNode target = schema.get("discriminator").get("mapping").get(instance.path(tag).asText());
      if (target != null) {
        everyPropertyPresent(spec.at(target.asText().substring(1)), instance, at, missing);
      }
      return;
    }
    if (schema.has("allOf")) {
      for (JsonNode part : schema.get("allOf")) {
        everyPropertyPresent(part, instance, at, missing);
      }
    }
    if (schema.has("items") && instance.isArray()) {
      for (int i = 0; i < instance.size(); i++) {
        everyPropertyPresent(schema.get("items"), instance.get(i), at + "[" + i + "]", missing);
      }
    }
    if (schema.has("properties") && instance.isObject()) {
      schema.get("properties").fields().forEachRemaining(e -> {
        if (!instance.has(e.getKey())) {
          missing.add(at + "." + e.getKey());
        } else {
          everyPropertyPresent(e.getValue(), instance.get(e.getKey()), at + "." + e.getKey(), missing);
        }
      });
    }
    if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject() && instance.isObject()) {
      instance.fields().forEachRemaining(e ->
          everyPropertyPresent(schema.get("additionalProperties"), e.getValue(), at + "." + e.getKey(), missing));
    }
  }
}
