package dev.bpx.mcp.stdio;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The requests the client cancelled ({@code notifications/cancelled}), so that a tool call can tell,
 * before it does something it cannot take back, that nobody wants it any more.
 *
 * <p>The MCP Java SDK (2.1.0) has no handler for {@code notifications/cancelled}: it logs "No handler
 * registered" and drops it, and a tool handler is not told its request's JSON-RPC id either. So the
 * stdin guard, which sees every line first, records the cancelled ids here and tags each tool call it
 * tracks with its id in {@code params._meta} under {@link #META_KEY}; the tool handler reads the tag
 * and asks {@link #isCancelled}.
 *
 * <p>Bounded: the newest {@link #CAPACITY} cancelled ids are kept (a cancel refers to a call in flight,
 * and calls in flight are few). Thread-safe.
 */
public final class CancelledRequests {
  /** The key in a tool call's {@code params._meta} that carries its request id, written by the guard. */
  public static final String META_KEY = "dev.bpx/requestId";
  static final int CAPACITY = 1024;

  private final Set<String> cancelled = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CAPACITY;
        }
      }));

  /** Records that the request with this JSON-RPC id was cancelled. */
  void cancel(Object requestId) {
    String key = key(requestId);
    if (key != null) {
      cancelled.add(key);
    }
  }

  /** {@return whether the request tagged with {@code key} (as {@link #key} makes it) was cancelled} */
  public boolean isCancelled(Object key) {
    return key instanceof String k && cancelled.contains(k);
  }

  /**
   * {@return a JSON-RPC id as one string: the same id written as {@code 7} or {@code 7.0} gives the same
   * key, and the number 7 and the string "7" do not; null for an id that is neither}
   */
  static String key(Object id) {
    if (id instanceof BigDecimal number) {
      return "n:" + (number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
    }
    if (id instanceof Number number) {
      return key(new BigDecimal(number.toString()));
    }
    return id instanceof String text ? "s:" + text : null;
  }
}
