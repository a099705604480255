package dev.bpx.mcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema fragments for tool input and output schemas, as plain maps (what the MCP SDK takes).
 * Amounts are strings with a decimal pattern, never JSON numbers.
 */
final class Schemas {
  /** The most rows one page of an exchange list holds. */
  static final long MAX_LIMIT = 1000;

  private Schemas() {}

  /** An object schema under construction: properties in declaration order. */
  static final class ObjectSchema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private boolean closed = true;

    ObjectSchema required(String name, Map<String, Object> schema) {
      properties.put(name, schema);
      required.add(name);
      return this;
    }

    ObjectSchema optional(String name, Map<String, Object> schema) {
      properties.put(name, schema);
      return this;
    }

    /** Allows properties not listed (for maps keyed by asset, for example). */
    ObjectSchema open() {
      closed = false;
      return this;
    }

    List<String> names() {
      return List.copyOf(properties.keySet());
    }

    /** {@return the names of the amount properties (decimal strings)} */
    java.util.Set<String> decimalNames() {
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      properties.forEach((name, schema) -> {
        if (schema instanceof Map<?, ?> m && ToolArgs.DECIMAL_PATTERN.equals(m.get("pattern"))) {
          out.add(name);
        }
      });
      return out;
    }

    Map<String, Object> build() {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.put("properties", properties);
      if (!required.isEmpty()) {
        schema.put("required", List.copyOf(required));
      }
      if (closed) {
        schema.put("additionalProperties", false);
      }
      return schema;
    }
  }

  static ObjectSchema object() {
    return new ObjectSchema();
  }

  static Map<String, Object> string(String description) {
    return describe(Map.of("type", "string"), description);
  }

  static Map<String, Object> decimal(String description) {
    return describe(Map.of("type", "string", "pattern", ToolArgs.DECIMAL_PATTERN), description);
  }

  static Map<String, Object> symbol(String description) {
    return describe(Map.of("type", "string", "pattern", ToolArgs.SYMBOL_PATTERN), description);
  }

  static Map<String, Object> enumOf(String description, List<String> values) {
    return describe(Map.of("type", "string", "enum", values), description);
  }

  static Map<String, Object> bool(String description) {
    return describe(Map.of("type", "boolean"), description);
  }

  /** {@return the {@code limit} of a paged read, 1 to {@link #MAX_LIMIT}} */
  static Map<String, Object> limit(String description) {
    return integer(description, 1, MAX_LIMIT);
  }

  static Map<String, Object> integer(String description, long min, long max) {
    return describe(Map.of("type", "integer", "minimum", min, "maximum", max), description);
  }

  /** {@return a non-negative count (output side)} */
  static Map<String, Object> count(String description) {
    return describe(Map.of("type", "integer"), description);
  }

  static Map<String, Object> array(Map<String, Object> items, String description) {
    return describe(Map.of("type", "array", "items", items), description);
  }

  private static Map<String, Object> describe(Map<String, Object> base, String description) {
    Map<String, Object> schema = new LinkedHashMap<>(base);
    if (description != null) {
      schema.put("description", description);
    }
    return schema;
  }
}
