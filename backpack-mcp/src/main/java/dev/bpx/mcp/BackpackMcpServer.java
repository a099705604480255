package dev.bpx.mcp;

import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.tools.Tools;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import dev.bpx.mcp.stdio.StdinGuard;
import java.time.Duration;
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

  /**
   * Starts the server on the guard's streams and gives the guard the tool table's rules for calls.
   * A session whose configuration is wrong still starts: its instructions and every tool say what to fix.
   */
  static BackpackMcpServer start(TradingSession session, StdinGuard guard) {
    // The tool table (schemas from record definitions) and the SDK's JSON mapper are independent and
    // each take tens of milliseconds at start; building them side by side shortens the first answer.
    CompletableFuture<List<SyncToolSpecification>> tools = CompletableFuture.supplyAsync(
        () -> Tools.specifications(session, guard.cancelledRequests()));
    guard.filterToolCalls(Tools.callFilter(session));
    guard.trackCancellation(Tools.CANCELLABLE);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpJsonDefaults.getMapper(), guard.transportInput(), guard.transportOutput());
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo(ServerInfo.NAME, ServerInfo.version())
        .instructions(instructions(session))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
        .jsonSchemaValidator(new LazySchemaValidator())
        // Arguments are checked by ToolArgs, whose messages say how to fix them.
        .validateToolInputs(false)
        // Bounds the server's requests to the client, i.e. order confirmations (elicitation), which
        // wait up to the confirmation timeout themselves; the SDK's default of 10 s would cut them short.
        .requestTimeout(config(session).map(c -> c.confirmTimeout().plusSeconds(5)).orElse(Duration.ofSeconds(10)))
        .tools(tools.join())
        .build();
    ServerConfig config = session.config();
    if (config == null) {
      log.warn("backpack-mcp {} started without trading: every tool except get_server_status answers with the"
          + " configuration error above until it is fixed and the server restarted", ServerInfo.version());
    } else {
      log.info("backpack-mcp {} ready: {} mode, exchange {}, {}", ServerInfo.version(), config.mode().label(),
          session.exchangeUrl(), config.limitsSummary());
      if (config.deadManSummary() != null) {
        log.info("{}", config.deadManSummary());
      }
      if (config.mode() == Mode.PAPER && config.hasKeys()) {
        log.info("--paper given: the configured keys are not used");
      }
    }
    return new BackpackMcpServer(server, session);
  }

  private static java.util.Optional<ServerConfig> config(TradingSession session) {
    return java.util.Optional.ofNullable(session.config());
  }

  static String instructions(TradingSession session) {
    if (session.configProblem().isPresent()) {
      ConfigException problem = session.configProblem().get();
      return "CONFIGURATION ERROR: this Backpack Exchange server cannot trade until the user fixes its configuration. "
          + problem.getMessage() + (problem.getMessage().endsWith(".") ? " " : ". ") + problem.fix() + "."
          + " Tell the user this. Until then every tool except get_server_status answers with this error and sends nothing.";
    }
    ServerConfig config = session.config();
    String where = config.mode() == Mode.LIVE
        ? "LIVE mode: orders are real and use real funds on " + config.baseUrl() + "."
        : "PAPER mode: orders go to a local paper exchange (no real money) that follows " + session.paperMarketData()
            + "; balances and orders persist between sessions (one paper account state per market data source).";
    return "Backpack Exchange trading server. " + where + " Safety limits: " + config.limitsSummary() + "."
        + " Amounts are decimal strings (\"0.5\"). Symbols look like SOL_USDC (spot) or SOL_USDC_PERP (perpetual)."
        + " Before placing an order, use preview_order to check filters, cost and fees; call get_server_status to see the mode at any time."
        + " Every order has a clientId; if a create_order outcome is unknown, look it up with get_order by clientId instead of placing it again."
        + (config.confirmOrders().asks() ? " create_order may ask the user to confirm the order in a dialog (" + config.confirmOrders()
            + "); when the user declines or does not confirm, nothing is sent: do not place it again unless they ask." : "")
        + (config.deadManSummary() == null ? "" : " " + config.deadManSummary() + ".");
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
