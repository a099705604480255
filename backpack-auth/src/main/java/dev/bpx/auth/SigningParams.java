package dev.bpx.auth;

import dev.bpx.auth.json.Json;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what travels on the wire (a query string, a JSON body) into the sorted {@code key=value}
 * parameters that get signed ({@code backpack-api.md} section 1.2).
 *
 * <p>Rendering: strings raw (no quotes), booleans {@code true}/{@code false}, numbers as their plain
 * decimal text, {@code null} omitted. Query values are percent-decoded, as the official Rust client
 * signs them. Thread-safe.
 */
public final class SigningParams {
  private SigningParams() {}

  /**
   * {@return the sorted, percent-decoded parameters of a raw query string; empty for null or ""}
   *
   * <p>When a key repeats, the last value wins (the official client keeps one value per key; how the
   * server signs repeated keys is unconfirmed, so clients should not repeat keys).
   */
  public static Map<String, String> fromQuery(String rawQuery) {
    TreeMap<String, String> params = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  /**
   * {@return the sorted top-level fields of a JSON object body}
   *
   * @throws IllegalArgumentException if the body is not a JSON object
   */
  public static Map<String, String> fromJsonObject(String json) {
    Object parsed = Json.parse(json);
    if (!(parsed instanceof Map)) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    return render((Map<?, ?>) parsed);
  }

  /**
   * {@return the sorted top-level fields of each object of a JSON array body (a batch)}
   *
   * @throws IllegalArgumentException if the body is not a JSON array of objects
   */
  public static List<Map<String, String>> fromJsonArray(String json) {
    Object parsed = Json.parse(json);
    if (!(parsed instanceof List)) {
      throw new IllegalArgumentException("batch body must be a JSON array");
    }
    List<Map<String, String>> items = new ArrayList<>();
    for (Object item : (List<?>) parsed) {
      if (!(item instanceof Map)) {
        throw new IllegalArgumentException("every batch item must be a JSON object");
      }
      items.add(render((Map<?, ?>) item));
    }
    return Collections.unmodifiableList(items);
  }

  /**
   * {@return the signing text of one JSON value: strings raw, booleans lowercase, numbers as plain
   * decimal text; null for JSON null (the key is then left out)}
   */
  public static String render(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Boolean || value instanceof Number) {
      return value.toString();
    }
    // Nested values do not occur in Backpack's signed payloads; render them as compact JSON, which
    // is what the official client's serde_json::Value::to_string() would sign.
    return Json.write(value);
  }

  private static Map<String, String> render(Map<?, ?> object) {
    TreeMap<String, String> params = new TreeMap<>();
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String rendered = render(e.getValue());
      if (rendered != null) {
        params.put((String) e.getKey(), rendered);
      }
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
