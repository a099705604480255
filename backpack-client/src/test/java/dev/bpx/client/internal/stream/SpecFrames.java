package dev.bpx.client.internal.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a data object for an event schema of the spec: one value per declared property, of the declared
 * JSON type. The spec has no examples, so values come from the schema: {@code const} and the first
 * {@code enum} value where given, realistic text for the few strings the spec leaves free but we parse
 * as enums or times ({@link #STRING_VALUES}), distinct decimals for the rest, and JSON numbers with more
 * digits than a {@code double} holds for {@code type: number}.
 */
final class SpecFrames {
  /** Free-text strings the client reads as something other than a decimal: realistic wire values. */
  static final Map<String, Map<String, String>> STRING_VALUES = Map.of(
      "KlineEvent", Map.of("t", "2024-01-16T12:00:00", "T", "2024-01-16T12:01:00"),
      "OrderUpdateEvent", Map.of("o", "LIMIT", "f", "IOC", "B", "MarkPrice", "d", "LastPrice", "g", "IndexPrice",
          "X", "PartiallyFilled", "R", "PostOnlyTaker", "V", "RejectBoth", "N", "USDC"),
      "RfqUpdateEvent", Map.of("o", "CollateralConversion", "C", "client-7"));

  private SpecFrames() {}

  /** {@return property name to its raw JSON text (quoted strings, bare numbers), in spec order} */
  static Map<String, String> sample(AsyncApiSpec spec, String schema) {
    Map<String, String> values = new LinkedHashMap<>();
    int index = 0;
    for (Map.Entry<String, Object> property : spec.properties(schema).entrySet()) {
      index++;
      String name = property.getKey();
      Map<String, Object> definition = AsyncApiSpec.map(property.getValue());
      String type = (String) definition.get("type");
      String json = switch (type) {
        case "integer" -> Long.toString(1_705_406_400_000_000L + index * 1_000_003L);
        // Twenty significant digits: a double would lose the tail.
        case "number" -> "1" + index + "345.6789012345678901";
        case "boolean" -> "true";
        case "array" -> "[[\"1" + index + ".5\",\"2.25\"],[\"1" + index + ".75\",\"0\"]]";
        case "string" -> quote(stringValue(schema, name, definition, index));
        default -> throw new AssertionError("type " + type + " of " + schema + "." + name);
      };
      values.put(name, json);
    }
    return values;
  }

  /** {@return the data object with {@code e} replaced (or removed when {@code event} is null)} */
  static String json(Map<String, String> values, String eventOverride, boolean overrideEvent) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> value : values.entrySet()) {
      String json = value.getValue();
      if (value.getKey().equals("e") && overrideEvent) {
        if (eventOverride == null) {
          continue;
        }
        json = quote(eventOverride);
      }
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(value.getKey())).append(':').append(json);
    }
    return out.append('}').toString();
  }

  /** {@return the unquoted text of a JSON string or number} */
  static String text(String json) {
    return json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
  }

  @SuppressWarnings("unchecked")
  private static String stringValue(String schema, String name, Map<String, Object> definition, int index) {
    if (definition.get("const") != null) {
      return (String) definition.get("const");
    }
    if (definition.get("enum") != null) {
      return ((List<String>) definition.get("enum")).get(0);
    }
    if (name.equals("s")) {
      return "SOL_USDC_PERP";
    }
    String fixed = STRING_VALUES.getOrDefault(schema, Map.of()).get(name);
    return fixed != null ? fixed : index + "4.0" + index + "0";
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
