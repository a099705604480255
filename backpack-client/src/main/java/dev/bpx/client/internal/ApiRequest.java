package dev.bpx.client.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to the exchange, before signing: method, path, query parameters (raw, not yet
 * URL-encoded), an optional JSON body (a {@code Map} for an object, a {@code List} of maps for a
 * batch), and whether it reads or writes (which decides the retry rules).
 *
 * <p>Body values are {@link String} (decimals already as plain strings), {@link Boolean} or
 * {@link Long}; they are serialised once and the serialised text is what gets signed. Thread-safe
 * (immutable).
 *
 * @param method HTTP method
 * @param path path, e.g. {@code /api/v1/order}
 * @param query query parameters in the order they are sent; empty for none
 * @param body JSON body, or null
 * @param kind read (retried on 429/5xx/connection errors) or write (retried only when the exchange
 *     certainly did not act)
 */
public record ApiRequest(String method, String path, Map<String, String> query, Object body, Kind kind) {

  /** Whether a request reads or changes state on the exchange. */
  public enum Kind {
    /** Safe to repeat: retried on 429, 5xx and connection errors. */
    READ,
    /** Changes state: never repeated unless the exchange certainly did not act on it. */
    WRITE
  }

  /** Copies the query map. */
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /** {@return a GET (read) with the given query parameters} */
  public static ApiRequest get(String path, Map<String, String> query) {
    return new ApiRequest("GET", path, query, null, Kind.READ);
  }

  /** {@return a GET (read) without parameters} */
  public static ApiRequest get(String path) {
    return get(path, Map.of());
  }

  /** {@return a POST (write) with a JSON object body} */
  public static ApiRequest post(String path, Map<String, Object> body) {
    return new ApiRequest("POST", path, Map.of(), body, Kind.WRITE);
  }

  /** {@return a POST (write) with a JSON array body (a batch)} */
  public static ApiRequest postBatch(String path, List<Map<String, Object>> body) {
    return new ApiRequest("POST", path, Map.of(), body, Kind.WRITE);
  }

  /** {@return a DELETE (write) with a JSON object body, as Backpack's cancel endpoints take} */
  public static ApiRequest delete(String path, Map<String, Object> body) {
    return new ApiRequest("DELETE", path, Map.of(), body, Kind.WRITE);
  }

  /** {@return a PATCH (write) with a JSON object body} */
  public static ApiRequest patch(String path, Map<String, Object> body) {
    return new ApiRequest("PATCH", path, Map.of(), body, Kind.WRITE);
  }

  /** {@return "METHOD /path", for messages and logs} */
  public String endpoint() {
    return method + " " + path;
  }

  /** Never shows the body (it may be signed). */
  @Override
  public String toString() {
    return "ApiRequest[" + endpoint() + "]";
  }
}
