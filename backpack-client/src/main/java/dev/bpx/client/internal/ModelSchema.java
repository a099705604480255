package dev.bpx.client.internal;

import com.squareup.moshi.Json;
import dev.bpx.client.internal.json.EpochMicros;
import dev.bpx.client.internal.json.EpochMillis;
import dev.bpx.client.internal.json.LongAsString;
import dev.bpx.client.model.PriceLevel;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of a model record's wire JSON, read from the same record definitions and codec
 * qualifiers ({@link LongAsString}, {@link EpochMillis}, {@link EpochMicros}) the Moshi adapters use,
 * so a schema and the JSON it describes cannot drift apart. Stateless; thread-safe.
 */
public final class ModelSchema {
  private ModelSchema() {}

  /**
   * {@return the schema {@code {"type":"object","properties":{...}}} of a record's wire JSON: every
   * property typed, none required}
   *
   * @param typedLevels how many levels of records held directly in a component are described property by
   *     property; deeper records, and records inside lists and maps, are plain {@code {"type":"object"}}
   */
  public static Map<String, Object> of(Class<? extends Record> type, int typedLevels) {
    return build(type, 0, typedLevels);
  }

  private static Map<String, Object> build(Class<?> type, int depth, int typedLevels) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Json json = annotation(c, Json.class);
      String name = json != null ? json.name() : c.getName();
      properties.put(name, typeOf(c.getGenericType(), c, depth, typedLevels));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    return schema;
  }

  /** Finds an annotation written on a record component, wherever its targets propagated it. */
  private static <A extends Annotation> A annotation(RecordComponent c, Class<A> type) {
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

  private static Map<String, Object> typeOf(Type generic, RecordComponent component, int depth, int typedLevels) {
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
      return Map.of("type", "array", "items", typeOf(p.getActualTypeArguments()[0], null, depth + 1, typedLevels));
    }
    if (Map.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p) {
      return Map.of("type", "object", "additionalProperties", typeOf(p.getActualTypeArguments()[1], null, depth + 1, typedLevels));
    }
    if (raw.isRecord()) {
      return depth < typedLevels ? build(raw, depth + 1, typedLevels) : Map.of("type", "object");
    }
    return Map.of();
  }
}
