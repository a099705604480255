package dev.bpx.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the official WebSocket spec ({@code src/test/resources/backpack-asyncapi.yml}, a copy of
 * {@code shared/backpack-asyncapi.yml}), read with Jackson, so that tests check the server's frames against
 * it rather than against our own code.
 */
public final class AsyncApiSpec {
  private static final String MESSAGES = "#/components/messages/";

  private final JsonNode root;

  private AsyncApiSpec(JsonNode root) {
    this.root = root;
  }

  /** {@return the spec, read from the test resources} */
  public static AsyncApiSpec load() {
    try (InputStream in = AsyncApiSpec.class.getResourceAsStream("/backpack-asyncapi.yml")) {
      return new AsyncApiSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A channel the server sends on.
   *
   * @param name e.g. {@code kline.{interval}.{symbol}}
   * @param envelope the name of its message, e.g. {@code KlineEnvelope}
   * @param parameters each parameter's enum values, in the channel's order; empty for a free one (a symbol)
   */
  public record Channel(String name, String envelope, Map<String, List<String>> parameters) {}

  /** {@return the channels with a message the server sends, in the spec's order (not subscriptionControl)} */
  public List<Channel> channels() {
    List<Channel> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("channels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> channel = it.next();
      JsonNode message = channel.getValue().at("/subscribe/message/$ref");
      if (message.isMissingNode()) {
        continue; // subscriptionControl: the client's side
      }
      Map<String, List<String>> parameters = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> p = channel.getValue().path("parameters").fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> param = p.next();
        List<String> values = new ArrayList<>();
        param.getValue().at("/schema/enum").forEach(v -> values.add(v.asText()));
        parameters.put(param.getKey(), values);
      }
      out.add(new Channel(channel.getKey(), message.asText().substring(MESSAGES.length()), parameters));
    }
    return out;
  }

  /** {@return the pattern of the {@code symbol} parameter, without its anchors} */
  public String symbolPattern() {
    return root.at("/components/parameters/symbol/schema/pattern").asText().replaceAll("^\\^|\\$$", "");
  }

  /** {@return the schema of a message's payload, e.g. {@code DepthEnvelope} or {@code SubscribeRequest}} */
  public JsonSchema payloadSchema(String message) {
    ObjectNode schema = root.deepCopy();
    schema.remove("id"); // AsyncAPI's document id, not a schema's: the validator would read it as one
    schema.put("$ref", MESSAGES + message + "/payload");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
  }

  /** {@return the event schema an envelope's {@code data} refers to} */
  public JsonNode dataSchema(String envelope) {
    for (JsonNode part : root.at("/components/messages/" + envelope + "/payload/allOf")) {
      JsonNode ref = part.at("/properties/data/$ref");
      if (!ref.isMissingNode()) {
        return root.at(ref.asText().substring(1));
      }
    }
    throw new AssertionError("no data schema in " + envelope);
  }
}
