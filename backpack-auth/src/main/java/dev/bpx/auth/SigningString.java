package dev.bpx.auth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the exact text Backpack signs ({@code backpack-api.md} section 1.2):
 *
 * <pre>{@code instruction=<name>[&k1=v1&k2=v2...]&timestamp=<ms>&window=<ms>}</pre>
 *
 * <p>Parameters are sorted by key in plain code-unit order; values are rendered raw (no quotes, no
 * URL encoding). The window is always present, even when the request omits the {@code X-Window}
 * header (the server then assumes 5000). Thread-safe.
 */
public final class SigningString {
  /** The window Backpack assumes when a request has no {@code X-Window} header, in milliseconds. */
  public static final long DEFAULT_WINDOW_MILLIS = 5_000;

  /** The largest window Backpack accepts, in milliseconds. */
  public static final long MAX_WINDOW_MILLIS = 60_000;

  private SigningString() {}

  /**
   * {@return the signing string of a single request}
   *
   * @param params query parameters (GET) or top-level JSON body fields (POST, DELETE, PATCH), already
   *     rendered as text; order does not matter
   */
  public static String of(
      String instruction, Map<String, String> params, long timestampMillis, long windowMillis) {
    StringBuilder out = new StringBuilder(64 + 24 * params.size());
    appendSegment(out, instruction, params);
    return appendTimeAndWindow(out, timestampMillis, windowMillis);
  }

  /**
   * {@return the signing string of a batch: one {@code instruction=...} segment per item, in list
   * order, then the timestamp and window once}
   *
   * @throws IllegalArgumentException if {@code items} is empty
   */
  public static String ofBatch(
      String instruction, List<Map<String, String>> items, long timestampMillis, long windowMillis) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one item");
    }
    StringBuilder out = new StringBuilder(96 * items.size());
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append('&');
      }
      appendSegment(out, instruction, items.get(i));
    }
    return appendTimeAndWindow(out, timestampMillis, windowMillis);
  }

  private static void appendSegment(StringBuilder out, String instruction, Map<String, String> params) {
    if (instruction == null || instruction.isEmpty()) {
      throw new IllegalArgumentException("instruction is required");
    }
    out.append("instruction=").append(instruction);
    Map<String, String> sorted = params instanceof TreeMap ? params : new TreeMap<>(params);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      out.append('&').append(e.getKey()).append('=').append(e.getValue());
    }
  }

  private static String appendTimeAndWindow(StringBuilder out, long timestampMillis, long windowMillis) {
    return out.append("&timestamp=")
        .append(timestampMillis)
        .append("&window=")
        .append(windowMillis)
        .toString();
  }
}
