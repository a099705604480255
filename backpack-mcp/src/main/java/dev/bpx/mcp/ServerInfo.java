package dev.bpx.mcp;

/** The server's name and version as MCP clients see them. */
final class ServerInfo {
  static final String NAME = "backpack-exchange";

  private ServerInfo() {}

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "development";
  }
}
