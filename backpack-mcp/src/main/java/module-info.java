/**
 * The Backpack MCP server. Only {@code dev.bpx.mcp} ({@code Main}, the entry point) is exported; the
 * configuration, stdio guard and tool packages are its own business.
 *
 * <p>{@code dev.bpx.client} and {@code dev.bpx.paper} have no module descriptor and are read as
 * automatic modules (named by their jars' {@code Automatic-Module-Name}). The shaded server jar runs on
 * the class path, where descriptors do not apply; this one is checked when the module compiles and when
 * its tests run.
 */
module dev.bpx.mcp {
  requires dev.bpx.auth;
  requires dev.bpx.client;
  requires dev.bpx.paper;
  requires io.modelcontextprotocol.sdk.mcp;
  requires org.slf4j;

  exports dev.bpx.mcp;
}
