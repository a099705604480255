package dev.bpx.mcp.tools;

import com.squareup.moshi.Json;
import com.squareup.moshi.Moshi;
import dev.bpx.client.internal.json.EpochMicros;
import dev.bpx.client.internal.json.EpochMillis;
import dev.bpx.client.internal.json.JsonCodec;
import dev.bpx.client.internal.json.LongAsString;
import dev.bpx.client.model.PriceLevel;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client records as tool output: the exchange's own wire JSON (field names, decimal strings, id and
 * timestamp formats), produced by the client's Moshi adapters, with absent fields left out. Tool
 * output schemas are derived from the same record definitions, so the two cannot drift apart.
 *
 * <p>Thread-safe.
 */
final class WireJson {
  /** Created on first conversion, not when tool schemas are built: listing tools must stay cheap. */
  private static final class MoshiHolder {
    static final Moshi MOSHI = JsonCodec.newMoshi();
  }
  private static final Map<Class<?>, Map<String, Object>> SCHEMAS = new ConcurrentHashMap<>();

  private WireJson() {}

  /** {@return the wire JSON value (maps, lists, strings, numbers, booleans) of a client record} */
  static Object value(Object record) {
    if (record == null) {
      return null;
    }
    if (record instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(value(item));
      }
      return out;
    }
    @SuppressWarnings("unchecked")
    Class<Object> type = (Class<Object>) record.getClass();
    return MoshiHolder.MOSHI.adapter(type).toJsonValue(record);
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

  /** {@return the JSON schema of a record's wire JSON: every property typed, none required} */
  static Map<String, Object> schema(Class<? extends Record> type) {
    return SCHEMAS.computeIfAbsent(type, t -> build(t, 0));
  }

  private static Map<String, Object> build(Class<?> type, int depth) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Json json = annotation(c, Json.class);
      String name = json != null ? json.name() : c.getName();
      properties.put(name, typeOf(c.getGenericType(), c, depth));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    return schema;
  }

  /** Finds an annotation written on a record component, wherever its targets propagated it. */
  private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent c, Class<A> type) {
    A found = c.getAnnotation(type);
    if (found == null) {
      found = c.getAccessor().getAnnotation(type);
    }
    if (found == null) {
      try {
        found = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(type);
      } catch (NoSuchFieldException e) {
        return null;
      }
    }
    return found;
  }

  private static Map<String, Object> typeOf(Type generic, RecordComponent component, int depth) {
    Class<?> raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
    if (raw == String.class || raw == BigDecimal.class || raw.isEnum()) {
      return Map.of("type", "string");
    }
    if (raw == Long.class || raw == Integer.class || raw == long.class || raw == int.class) {
      return component != null && annotation(component, LongAsString.class) != null
          ? Map.of("type", "string")
          : Map.of("type", "integer");
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return Map.of("type", "boolean");
    }
    if (raw == Instant.class) {
      boolean numeric = component != null
          && (annotation(component, EpochMillis.class) != null || annotation(component, EpochMicros.class) != null);
      return Map.of("type", numeric ? "integer" : "string");
    }
    if (raw == PriceLevel.class) {
      return Map.of("type", "array", "items", Map.of("type", "string"));
    }
    if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p) {
      return Map.of("type", "array", "items", typeOf(p.getActualTypeArguments()[0], null, depth + 1));
    }
    if (Map.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p) {
      return Map.of("type", "object", "additionalProperties", typeOf(p.getActualTypeArguments()[1], null, depth + 1));
    }
    if (raw.isRecord()) {
      // One level of nesting is typed; deeper records stay plain objects to keep tools/list small.
      return depth == 0 ? build(raw, depth + 1) : Map.of("type", "object");
    }
    return Map.of();
  }
}
