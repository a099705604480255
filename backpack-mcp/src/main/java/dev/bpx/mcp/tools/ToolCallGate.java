package dev.bpx.mcp.tools;

import dev.bpx.mcp.config.Settings;
import dev.bpx.mcp.stdio.ToolCallFilter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tool table's rules for the stdin guard: a call to a write tool that read-only mode hides is
 * answered with an {@code isError} result saying so (the SDK alone would answer "Unknown tool"), and a
 * JSON number given for an amount is handed on as the exact decimal text it was written with
 * ({@code 0.5} becomes {@code "0.5"}), before the SDK's parser could turn it into a {@code double}.
 *
 * <p>Thread-safe (immutable).
 */
final class ToolCallGate implements ToolCallFilter {
  private final Set<String> names;
  private final Map<String, ToolDef> hidden;
  private final Map<String, Set<String>> amountArguments;
  private final ResultMode mode;

  private ToolCallGate(Set<String> names, Map<String, ToolDef> hidden, Map<String, Set<String>> amountArguments,
      ResultMode mode) {
    this.names = Set.copyOf(names);
    this.hidden = Map.copyOf(hidden);
    this.amountArguments = Map.copyOf(amountArguments);
    this.mode = mode;
  }

  /**
   * @param mode the mode written into answers, or null when the configuration is wrong
   * @param readOnly whether write tools are hidden (and calls to them answered here)
   */
  static ToolCallGate of(List<ToolDef> tools, ResultMode mode, boolean readOnly) {
    Set<String> all = new java.util.HashSet<>();
    Map<String, ToolDef> hidden = new LinkedHashMap<>();
    Map<String, Set<String>> amounts = new LinkedHashMap<>();
    for (ToolDef def : tools) {
      all.add(def.name());
      if (readOnly && def.kind().writes()) {
        hidden.put(def.name(), def);
      }
      Set<String> names = def.input().decimalNames();
      if (!names.isEmpty()) {
        amounts.put(def.name(), names);
      }
    }
    return new ToolCallGate(all, hidden, amounts, mode);
  }

  @Override
  public boolean offers(String tool) {
    return names.contains(tool);
  }

  @Override
  public Optional<Object> answer(String tool, Map<String, Object> arguments) {
    ToolDef def = hidden.get(tool);
    if (def == null) {
      return Optional.empty();
    }
    String message = "Read-only mode is on (" + Settings.READ_ONLY + "=true): " + tool + " is not offered and nothing was"
        + " sent to the exchange. Only tools that read work now; to place, cancel or move funds the user must remove "
        + Settings.READ_ONLY + " from the server's configuration and restart the server.";
    return Optional.of(ToolRegistry.errorResult(def, mode == null ? message : "[" + mode.label() + "] " + message, mode));
  }

  @Override
  public Map<String, Object> rewrite(String tool, Map<String, Object> arguments) {
    Set<String> names = amountArguments.get(tool);
    if (names == null) {
      return null;
    }
    Map<String, Object> out = null;
    for (String name : names) {
      if (arguments.get(name) instanceof BigDecimal number) {
        if (out == null) {
          out = new LinkedHashMap<>(arguments);
        }
        // The guard's parser keeps a number's digits exactly as written: 0.10 stays 0.10, never 0.1000000000000000055.
        out.put(name, number.toPlainString());
      }
    }
    return out;
  }
}
