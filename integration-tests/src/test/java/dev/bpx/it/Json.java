package dev.bpx.it;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading structured tool content (maps, lists, decimal strings) without casts in every test. */
final class Json {
  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("expected a JSON object, got " + value);
    }
    return (Map<String, Object>) value;
  }

  static Map<String, Object> map(Map<String, Object> parent, String name) {
    return map(parent.get(name));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> parent, String name) {
    Object value = parent.get(name);
    if (!(value instanceof List<?>)) {
      throw new AssertionError("expected a JSON array at '" + name + "', got " + value);
    }
    return (List<Map<String, Object>>) value;
  }

  /** {@return a decimal that the server sent as a string, never as a JSON number} */
  static BigDecimal dec(Map<String, Object> parent, String name) {
    Object value = parent.get(name);
    if (!(value instanceof String s)) {
      throw new AssertionError("expected a decimal string at '" + name + "', got " + value + " in " + parent);
    }
    return new BigDecimal(s);
  }

  static String str(Map<String, Object> parent, String name) {
    Object value = parent.get(name);
    if (!(value instanceof String s)) {
      throw new AssertionError("expected a string at '" + name + "', got " + value + " in " + parent);
    }
    return s;
  }

  static int integer(Map<String, Object> parent, String name) {
    Object value = parent.get(name);
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new AssertionError("expected an integer at '" + name + "', got " + value + " in " + parent);
    }
    return ((Number) value).intValue();
  }
}
