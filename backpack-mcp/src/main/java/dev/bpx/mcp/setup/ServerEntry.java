package dev.bpx.mcp.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an MCP client starts the server: the command, its arguments and the environment, as every
 * client's stdio entry has them. Immutable; {@code env} is kept sorted so the written file and the
 * install links do not depend on the order options were given in.
 *
 * @param command the program, an absolute path where possible (GUI clients have a short PATH)
 * @param args its arguments
 * @param env the settings, {@code BACKPACK_*} names to values; never a private key
 */
public record ServerEntry(String command, List<String> args, Map<String, String> env) {
  public ServerEntry {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("command is blank");
    }
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }

  /** {@return the entry as JSON values in the order clients document them; "type": "stdio" first when asked} */
  public Map<String, Object> toJson(boolean withStdioType) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (withStdioType) {
      json.put("type", "stdio");
    }
    json.put("command", command);
    json.put("args", args);
    if (!env.isEmpty()) {
      json.put("env", new TreeMap<>(env));
    }
    return json;
  }
}
