package dev.bpx.mcp.tools;

import dev.bpx.mcp.TradingSession;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.List;

/** The whole tool table, by group. Thread-safe (stateless). */
public final class Tools {
  private Tools() {}

  /** {@return every tool definition, write tools included} */
  static List<ToolDef> definitions(TradingSession session) {
    List<ToolDef> all = new ArrayList<>();
    all.addAll(ServerTools.all(session));
    all.addAll(OrderTools.all(session));
    all.addAll(AccountTools.all(session));
    all.addAll(MarketTools.all(session));
    all.addAll(HistoryTools.all(session));
    return all;
  }

  /** {@return the SDK specifications for the session's mode and read-only setting} */
  public static List<SyncToolSpecification> specifications(TradingSession session) {
    return ToolRegistry.specifications(definitions(session), session.mode(), session.config().readOnly());
  }
}
