package dev.bpx.mcp;

import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.tools.Tools;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server: the SDK's stdio transport over the guarded streams, the tool table, and the
 * instructions that tell the assistant where it trades. Nothing here opens the exchange connection.
 *
 * <p>Thread-safe.
 */
final class BackpackMcpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackpackMcpServer.class);

  private final McpSyncServer server;
  private final TradingSession session;

  private BackpackMcpServer(McpSyncServer server, TradingSession session) {
    this.server = server;
    this.session = session;
  }

  static BackpackMcpServer start(ServerConfig config, InputStream transportIn, OutputStream protocolOut) {
    TradingSession session = new TradingSession(config);
    // The tool table (schemas from record definitions) and the SDK's JSON mapper are independent and
    // each take tens of milliseconds at start; building them side by side shortens the first answer.
    CompletableFuture<List<SyncToolSpecification>> tools = CompletableFuture.supplyAsync(() -> Tools.specifications(session));
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpJsonDefaults.getMapper(), transportIn, protocolOut);
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo(ServerInfo.NAME, ServerInfo.version())
        .instructions(instructions(config, session))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
        .jsonSchemaValidator(new LazySchemaValidator())
        // Arguments are checked by ToolArgs, whose messages say how to fix them.
        .validateToolInputs(false)
        .tools(tools.join())
        .build();
    log.info("backpack-mcp {} ready: {} mode, exchange {}, {}", ServerInfo.version(), config.mode().label(),
        session.exchangeUrl(), config.limitsSummary());
    if (config.mode() == Mode.PAPER && config.hasKeys()) {
      log.info("--paper given: the configured keys are not used");
    }
    return new BackpackMcpServer(server, session);
  }

  static String instructions(ServerConfig config, TradingSession session) {
    String where = config.mode() == Mode.LIVE
        ? "LIVE mode: orders are real and use real funds on " + config.baseUrl() + "."
        : "PAPER mode: orders go to a local simulated Backpack exchange (no real money); balances and orders persist between sessions.";
    return "Backpack Exchange trading server. " + where + " Safety limits: " + config.limitsSummary() + "."
        + " Amounts are decimal strings (\"0.5\"). Symbols look like SOL_USDC (spot) or SOL_USDC_PERP (perpetual)."
        + " Before placing an order, use preview_order to check filters, cost and fees; call get_server_status to see the mode at any time."
        + " Every order has a clientId; if a create_order outcome is unknown, look it up with get_order by clientId instead of placing it again.";
  }

  @Override
  public void close() {
    try {
      server.closeGracefully();
    } catch (RuntimeException e) {
      log.debug("close: {}", e.toString());
    }
    session.close();
  }
}
