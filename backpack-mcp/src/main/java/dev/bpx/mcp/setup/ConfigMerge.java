package dev.bpx.mcp.setup;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonSyntaxException;
import dev.bpx.auth.json.PrettyJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts one server entry into a client's configuration text and leaves everything else as it was:
 * other servers, other top-level members (Claude Code keeps its whole state in the same file), their
 * order and values. Only the entry of the same name is replaced. The text is written back indented
 * by two spaces, as the clients themselves write it; comments cannot survive that, so a file that is
 * not plain JSON (VS Code tolerates comments in {@code mcp.json}) is refused, not rewritten.
 *
 * <p>Thread-safe (stateless).
 */
final class ConfigMerge {
  private ConfigMerge() {}

  /**
   * The merged file.
   *
   * @param text the new file content, ending with a newline
   * @param previous the entry of the same name that was replaced, or null when there was none
   */
  record Result(String text, Object previous) {}

  /**
   * @param existing the file's content, or null when the file does not exist (blank counts as empty)
   * @param serversMember the top-level member holding the servers by name ({@code mcpServers}, {@code servers})
   * @throws SetupException when the text is not a JSON object, or its servers member is not an object
   */
  static Result merge(String existing, String file, String serversMember, String name, Map<String, Object> entry) {
    Map<String, Object> root = parseRoot(existing, file);
    Object servers = root.get(serversMember);
    if (servers == null) {
      servers = new LinkedHashMap<String, Object>();
      root.put(serversMember, servers);
    } else if (!(servers instanceof Map)) {
      throw new SetupException(1, file + ": \"" + serversMember + "\" is not a JSON object, so the server cannot be"
          + " added to it. Nothing was changed; fix the file (or move it aside) and run setup again.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> byName = (Map<String, Object>) servers;
    Object previous = byName.put(name, entry);
    return new Result(PrettyJson.write(root, 2) + "\n", previous);
  }

  private static Map<String, Object> parseRoot(String existing, String file) {
    if (existing == null || existing.isBlank()) {
      return new LinkedHashMap<>();
    }
    String text = existing.startsWith("\uFEFF") ? existing.substring(1) : existing;
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (JsonSyntaxException e) {
      throw new SetupException(1, file + " is not valid JSON (" + e.getMessage() + "). Nothing was changed: a"
          + " file this command cannot read must not be rewritten, or its other entries could be lost. Fix it"
          + " (comments and trailing commas are not JSON), or add the entry below by hand.", e);
    }
    if (!(parsed instanceof Map)) {
      throw new SetupException(1, file + " does not hold a JSON object. Nothing was changed; fix the file or add"
          + " the entry below by hand.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) parsed;
    return root;
  }
}
