package dev.bpx.client.internal.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The official WebSocket spec (a verbatim copy of shared/backpack-asyncapi.yml in test resources), read
 * with SnakeYAML so the tests check the wire format against it rather than against our own code.
 */
final class AsyncApiSpec {
  private final Map<String, Object> root;

  private AsyncApiSpec(Map<String, Object> root) {
    this.root = root;
  }

  static AsyncApiSpec load() {
    try (InputStream in = AsyncApiSpec.class.getResourceAsStream("/backpack-asyncapi.yml")) {
      return new AsyncApiSpec(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return the channel names, e.g. {@code depth.{symbol}}} */
  java.util.Set<String> channels() {
    return map(root.get("channels")).keySet();
  }

  /** {@return a channel's parameter enum, e.g. the kline intervals} */
  @SuppressWarnings("unchecked")
  List<String> parameterEnum(String channel, String parameter) {
    Map<String, Object> param = map(map(map(map(root.get("channels")).get(channel)).get("parameters")).get(parameter));
    return (List<String>) map(param.get("schema")).get("enum");
  }

  /** {@return the name of the data schema of a channel's message, e.g. {@code TradeEvent}} */
  @SuppressWarnings("unchecked")
  String dataSchemaName(String channel) {
    Map<String, Object> subscribe = map(map(map(root.get("channels")).get(channel)).get("subscribe"));
    String messageRef = (String) map(subscribe.get("message")).get("$ref");
    Map<String, Object> message = map(map(map(root.get("components")).get("messages")).get(last(messageRef)));
    List<Object> allOf = (List<Object>) map(message.get("payload")).get("allOf");
    Map<String, Object> data = map(map(map(allOf.get(1)).get("properties")).get("data"));
    return last((String) data.get("$ref"));
  }

  /** {@return a schema's properties, name to property schema} */
  Map<String, Object> properties(String schema) {
    return map(map(map(map(root.get("components")).get("schemas")).get(schema)).get("properties"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("expected a mapping in the spec, got " + value);
    }
    return (Map<String, Object>) value;
  }

  private static String last(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
