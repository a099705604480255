package dev.bpx.mcp.setup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MCP clients {@code setup} configures, with where each keeps the current user's server list.
 *
 * <p>Locations, from each client's documentation (checked 2026-12):
 * <ul>
 *   <li>Cursor: {@code ~/.cursor/mcp.json} on every OS ({@code %USERPROFILE%\.cursor\mcp.json} on
 *       Windows), member {@code mcpServers}; https://cursor.com/docs/context/mcp ("Configuration
 *       locations", global) and https://cursor.com/docs/mcp/install-links.</li>
 *   <li>Claude Desktop: {@code ~/Library/Application Support/Claude/claude_desktop_config.json} (macOS),
 *       {@code %APPDATA%\Claude\claude_desktop_config.json} (Windows), member {@code mcpServers};
 *       https://modelcontextprotocol.io/quickstart/user. There is no official Linux build; the
 *       community builds read {@code $XDG_CONFIG_HOME/Claude/claude_desktop_config.json}.</li>
 *   <li>Claude Code: {@code claude mcp add --scope user} when the CLI is installed, which stores the
 *       server in {@code ~/.claude.json}, top-level {@code mcpServers} (user scope);
 *       https://docs.anthropic.com/en/docs/claude-code/mcp ("MCP installation scopes").</li>
 *   <li>VS Code: the user profile's {@code mcp.json}, member {@code servers}, entries with
 *       {@code "type": "stdio"}: {@code ~/.config/Code/User/mcp.json} (Linux, honouring
 *       {@code XDG_CONFIG_HOME}), {@code ~/Library/Application Support/Code/User/mcp.json} (macOS),
 *       {@code %APPDATA%\Code\User\mcp.json} (Windows);
 *       https://code.visualstudio.com/docs/copilot/customization/mcp-servers ("MCP: Open User
 *       Configuration") and https://code.visualstudio.com/docs/copilot/guides/mcp-developer-guide.</li>
 *   <li>Windsurf: {@code ~/.codeium/windsurf/mcp_config.json} ({@code %USERPROFILE%\.codeium\windsurf}
 *       on Windows), member {@code mcpServers}; https://docs.windsurf.com/windsurf/cascade/mcp.</li>
 * </ul>
 */
public enum McpClient {
  CURSOR("cursor", "Cursor", "mcpServers", false, "Restart Cursor (or toggle the server in Settings > MCP)"),
  CLAUDE_DESKTOP("claude-desktop", "Claude Desktop", "mcpServers", false, "Quit Claude Desktop completely and start it again"),
  CLAUDE_CODE("claude-code", "Claude Code", "mcpServers", true, "Start a new Claude Code session (check with /mcp)"),
  VSCODE("vscode", "VS Code", "servers", true, "Reload VS Code, open Chat in Agent mode and start the server from \"MCP: List Servers\""),
  WINDSURF("windsurf", "Windsurf", "mcpServers", false, "Press refresh in Windsurf's MCP panel (or restart Windsurf)");

  private final String id;
  private final String displayName;
  private final String serversMember;
  private final boolean stdioType;
  private final String restart;

  McpClient(String id, String displayName, String serversMember, boolean stdioType, String restart) {
    this.id = id;
    this.displayName = displayName;
    this.serversMember = serversMember;
    this.stdioType = stdioType;
    this.restart = restart;
  }

  /** {@return the client named on the command line ({@code --client cursor}), or null} */
  public static McpClient byId(String id) {
    for (McpClient c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** {@return the ids, "cursor|claude-desktop|..."} */
  public static String ids() {
    return Arrays.stream(values()).map(McpClient::id).collect(Collectors.joining("|"));
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** {@return the member of the file's top-level object that holds the servers by name} */
  public String serversMember() {
    return serversMember;
  }

  /** {@return whether the entry carries {@code "type": "stdio"} (VS Code requires it; Claude Code writes it)} */
  public boolean stdioType() {
    return stdioType;
  }

  /** {@return what the user does so that the client starts the new entry} */
  public String restart() {
    return restart;
  }

  /**
   * {@return the current user's configuration file of this client}
   *
   * @param env the environment (APPDATA on Windows, XDG_CONFIG_HOME on Linux)
   */
  public Path configFile(Os os, Path home, Map<String, String> env) {
    return switch (this) {
      case CURSOR -> home.resolve(".cursor").resolve("mcp.json");
      case WINDSURF -> home.resolve(".codeium").resolve("windsurf").resolve("mcp_config.json");
      case CLAUDE_CODE -> home.resolve(".claude.json");
      case CLAUDE_DESKTOP -> switch (os) {
        case MACOS -> home.resolve("Library").resolve("Application Support").resolve("Claude").resolve("claude_desktop_config.json");
        case WINDOWS -> appData(home, env).resolve("Claude").resolve("claude_desktop_config.json");
        case LINUX -> xdgConfig(home, env).resolve("Claude").resolve("claude_desktop_config.json");
      };
      case VSCODE -> switch (os) {
        case MACOS -> home.resolve("Library").resolve("Application Support").resolve("Code").resolve("User").resolve("mcp.json");
        case WINDOWS -> appData(home, env).resolve("Code").resolve("User").resolve("mcp.json");
        case LINUX -> xdgConfig(home, env).resolve("Code").resolve("User").resolve("mcp.json");
      };
    };
  }

  private static Path appData(Path home, Map<String, String> env) {
    String appData = env.get("APPDATA");
    return appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
  }

  private static Path xdgConfig(Path home, Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
  }
}
