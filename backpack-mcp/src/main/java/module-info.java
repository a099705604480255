/**
 * The Backpack MCP server. Only {@code dev.bpx.mcp} ({@code Main}, the entry point) is exported; the
 * configuration, stdio guard and tool packages are its own business.
 *
 * <p>{@code dev.bpx.paper} is a named module that exports only its front door ({@code dev.bpx.paper}) and
 * {@code dev.bpx.paper.market}; {@code dev.bpx.client} has no module descriptor and is read as an
 * automatic module (named by its jar's {@code Automatic-Module-Name}). The shaded server jar runs on
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
