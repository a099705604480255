package dev.bpx.mcp.stdio;

import java.util.Map;
import java.util.Optional;

/**
 * What the stdin guard may do with a {@code tools/call} request before the MCP SDK sees it: answer it
 * itself (the SDK answers a call to a tool it does not list with a fixed "Unknown tool" protocol error,
 * which cannot say that read-only mode hides the tool), or hand on different arguments (a JSON number
 * for an amount as the exact decimal text it was written with, which the SDK's parser would turn into
 * a {@code double}).
 *
 * <p>Implementations must be thread-safe.
 */
public interface ToolCallFilter {
  /** Answers nothing and changes nothing. */
  ToolCallFilter NONE = new ToolCallFilter() {
    @Override
    public Optional<Object> answer(String tool, Map<String, Object> arguments) {
      return Optional.empty();
    }

    @Override
    public Map<String, Object> rewrite(String tool, Map<String, Object> arguments) {
      return null;
    }
  };

  /**
   * {@return whether the server has a tool of this name, offered or hidden} A call to any other is answered by the
   * guard with an "Unknown tool" error naming it. The default says yes, leaving the SDK to answer.
   */
  default boolean offers(String tool) {
    return true;
  }

  /**
   * {@return the result to answer the call with (an object the SDK's JSON mapper writes, e.g. a
   * {@code CallToolResult}), or empty to hand the call to the SDK}
   *
   * @param arguments the call's arguments as parsed by the guard (numbers are {@link java.math.BigDecimal}); never null
   */
  Optional<Object> answer(String tool, Map<String, Object> arguments);

  /**
   * {@return the arguments to hand to the SDK instead, or null to hand on the line unchanged}
   *
   * @param arguments the call's arguments as parsed by the guard (numbers are {@link java.math.BigDecimal},
   *     exactly as written); never null
   */
  Map<String, Object> rewrite(String tool, Map<String, Object> arguments);
}
