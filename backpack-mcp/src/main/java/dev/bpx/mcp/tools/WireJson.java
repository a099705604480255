package dev.bpx.mcp.tools;

import dev.bpx.client.ModelJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client records as tool output: the exchange's own wire JSON (field names, decimal strings, id and
 * timestamp formats), produced by the client's {@link ModelJson}, with absent fields left out. Tool
 * output schemas are derived from the same record definitions, so the two cannot drift apart.
 *
 * <p>Thread-safe.
 */
final class WireJson {
  /** Created on first conversion, not when tool schemas are built: listing tools must stay cheap. */
  private static final class CodecHolder {
    static final ModelJson JSON = ModelJson.create();
  }
  private static final Map<Class<?>, Map<String, Object>> SCHEMAS = new ConcurrentHashMap<>();

  private WireJson() {}

  /** {@return the wire JSON value (maps, lists, strings, numbers, booleans) of a client record} */
  static Object value(Object record) {
    return CodecHolder.JSON.toJsonValue(record);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object record) {
    return (Map<String, Object>) value(record);
  }

  static List<Object> list(List<?> records) {
    List<Object> out = new ArrayList<>(records.size());
    for (Object r : records) {
      out.add(value(r));
    }
    return out;
  }

  /** {@return the output schema {@code {<name>: [record...], count}} of a tool that lists records} */
  static Map<String, Object> listSchema(String name, Class<? extends Record> type) {
    return Schemas.object()
        .required(name, Schemas.array(schema(type), null))
        .required("count", Schemas.count(null))
        .open().build();
  }

  /**
   * {@return {@link #listSchema(String, Class)} with one more property, not on the wire, on each item
   * (a flag the tool derives, such as {@code liquidation})}
   */
  static Map<String, Object> listSchema(String name, Class<? extends Record> type, String extra,
                                        Map<String, Object> extraSchema) {
    Map<String, Object> item = new LinkedHashMap<>(schema(type));
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) item.get("properties"));
    properties.put(extra, extraSchema);
    item.put("properties", properties);
    return Schemas.object()
        .required(name, Schemas.array(item, null))
        .required("count", Schemas.count(null))
        .open().build();
  }

  /** {@return the wire JSON object of a record with one more property (see the four-argument listSchema)} */
  static Map<String, Object> objectWith(Object record, String extra, Object value) {
    Map<String, Object> out = new LinkedHashMap<>(object(record));
    out.put(extra, value);
    return out;
  }

  /** {@return the structured result {@code {<name>: [wire JSON...], count}} of a tool that lists records} */
  static Map<String, Object> listResult(String name, List<?> records) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(name, list(records));
    out.put("count", records.size());
    return out;
  }

  /**
   * {@return the JSON schema of a record's wire JSON: every property typed, none required; one level of
   * nested records is typed, deeper ones stay plain objects to keep tools/list small}
   */
  static Map<String, Object> schema(Class<? extends Record> type) {
    return SCHEMAS.computeIfAbsent(type, t -> ModelJson.schema(type, 1));
  }
}
