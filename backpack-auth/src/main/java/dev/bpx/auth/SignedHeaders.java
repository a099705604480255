package dev.bpx.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four authentication headers of a signed Backpack request.
 *
 * <p>{@link #toString()} shows only the timestamp and window: the key and signature stay out of logs.
 * Thread-safe (immutable).
 *
 * @param apiKey base64 public key, the {@code X-API-Key} header
 * @param signature base64 ED25519 signature, the {@code X-Signature} header
 * @param timestampMillis Unix epoch milliseconds, the {@code X-Timestamp} header
 * @param windowMillis validity window in milliseconds, the {@code X-Window} header
 */
public record SignedHeaders(String apiKey, String signature, long timestampMillis, long windowMillis) {
  /** Header name of the public key. */
  public static final String API_KEY = "X-API-Key";
  /** Header name of the signature. */
  public static final String SIGNATURE = "X-Signature";
  /** Header name of the timestamp. */
  public static final String TIMESTAMP = "X-Timestamp";
  /** Header name of the window. */
  public static final String WINDOW = "X-Window";

  /** {@return the headers by name, in a stable order} */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(API_KEY, apiKey);
    headers.put(SIGNATURE, signature);
    headers.put(TIMESTAMP, Long.toString(timestampMillis));
    headers.put(WINDOW, Long.toString(windowMillis));
    return java.util.Collections.unmodifiableMap(headers);
  }

  @Override
  public String toString() {
    return "SignedHeaders[timestampMillis=" + timestampMillis + ", windowMillis=" + windowMillis + "]";
  }
}
