package dev.bpx.mcp;

import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.setup.FastLaunch;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the server says on stderr when a person starts it in a terminal: what it is, where it trades,
 * and the client configuration that launches it (with this jar's real path).
 */
final class Banner {
  private Banner() {}

  static String text(ServerConfig config) {
    Path jar = jarPath();
    String jarText = jar == null ? "/path/to/backpack-mcp.jar" : jar.toString();
    // The launch setup writes and the README documents, with this jar's paths.
    Path launched = Path.of(jarText);
    List<String> args = FastLaunch.entry(Path.of("java"), launched, FastLaunch.archiveFor(launched), Map.of()).args();
    String where = config.mode() == Mode.LIVE
        ? "LIVE mode: real orders on " + config.baseUrl()
        : "PAPER mode: a paper Backpack exchange on 127.0.0.1 following " + config.paperMarketData().describeChoice()
            + ", state in " + config.dataDir();
    return String.join("\n",
        "",
        "backpack-mcp " + ServerInfo.version() + " is running: an MCP server that speaks JSON-RPC on stdin/stdout.",
        where + ". Limits: " + config.limitsSummary() + ".",
        "It is meant to be started by an MCP client (Cursor, Claude Desktop, Claude Code, VS Code). Add this",
        "to the client's MCP configuration (e.g. ~/.cursor/mcp.json), then restart the client:",
        "",
        "  {\"mcpServers\": {\"backpack\": {\"command\": \"java\", \"args\": [",
        "    " + quoted(args.subList(0, 4)) + ",",
        "    " + quoted(args.subList(4, args.size())) + "]}}}",
        "",
        "To try it by hand: npx -y @modelcontextprotocol/inspector@2.12.0 --cli java -jar " + jarText + " --method tools/list",
        "Press Ctrl-D (Ctrl-Z then Enter on Windows) to stop.",
        "");
  }

  /** {@return the values as JSON strings, comma-separated (paths keep their backslashes, escaped)} */
  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v.replace("\\", "\\\\") + "\"").collect(Collectors.joining(", "));
  }

  private static Path jarPath() {
    java.security.CodeSource code = Banner.class.getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return null;
    }
    try {
      File source = new File(code.getLocation().toURI());
      return source.isFile() ? source.toPath().toAbsolutePath() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
