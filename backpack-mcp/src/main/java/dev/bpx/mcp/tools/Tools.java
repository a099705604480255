package dev.bpx.mcp.tools;

import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.stdio.CancelledRequests;
import dev.bpx.mcp.stdio.ToolCallFilter;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The whole tool table, by group. Thread-safe (stateless). */
public final class Tools {
  private Tools() {}

  /** {@return every tool definition, write tools included} */
  static List<ToolDef> definitions(TradingSession session) {
    List<ToolDef> all = new ArrayList<>();
    all.addAll(ServerTools.all(session));
    all.addAll(OrderTools.all(session));
    all.addAll(EmergencyStopTools.all(session));
    all.addAll(AccountTools.all(session));
    all.addAll(MarketTools.all(session));
    all.addAll(HistoryTools.all(session));
    all.addAll(JournalTools.all(session));
    return all;
  }

  /**
   * {@return the SDK specifications for the session's mode and read-only setting} When the session's
   * configuration is wrong, every tool is listed and every tool but {@code get_server_status} answers
   * with the configuration problem before reading its arguments.
   */
  public static List<SyncToolSpecification> specifications(TradingSession session) {
    return specifications(session, new CancelledRequests());
  }

  /**
   * As {@link #specifications(TradingSession)}, with the calls the client cancelled ({@link
   * #CANCELLABLE} tools ask before they send).
   */
  public static List<SyncToolSpecification> specifications(TradingSession session, CancelledRequests cancelled) {
    List<ToolDef> defs = definitions(session);
    if (session.configProblem().isPresent()) {
      String message = ToolErrors.describe(session.configProblem().get());
      List<SyncToolSpecification> specs = new ArrayList<>();
      for (ToolDef def : defs) {
        specs.add(def.name().equals(ServerTools.STATUS) ? ToolRegistry.specification(def, null) : ToolRegistry.refusing(def, message));
      }
      return specs;
    }
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (SyncToolSpecification spec : ToolRegistry.specifications(defs, resultMode(session), session.config().readOnly(),
        cancelled)) {
      specs.add(touchingDeadManSwitch(spec, session));
    }
    return specs;
  }

  /** The tools whose calls ask, before they send an order, whether the client cancelled them. */
  public static final Set<String> CANCELLABLE = Set.of("create_order");

  /**
   * Every tool call is activity for the dead-man switch, as it starts and as it ends, and no sweep runs
   * while it is in flight (a slow call is not idle time, and its order is never cancelled under it).
   */
  private static SyncToolSpecification touchingDeadManSwitch(SyncToolSpecification spec, TradingSession session) {
    return SyncToolSpecification.builder()
        .tool(spec.tool())
        .callHandler((exchange, request) -> {
          session.callStarted();
          try {
            return spec.callHandler().apply(exchange, request);
          } finally {
            session.callEnded();
          }
        })
        .build();
  }

  /**
   * {@return what the stdin guard does with tool calls for this session: answer calls to write tools
   * that read-only mode hides, and hand on JSON numbers for amounts as their exact decimal text}
   */
  public static ToolCallFilter callFilter(TradingSession session) {
    boolean readOnly = session.config() != null && session.config().readOnly();
    return ToolCallGate.of(definitions(session), resultMode(session), readOnly);
  }

  /** {@return how write tools name where they trade; null when the configuration is wrong} */
  private static ResultMode resultMode(TradingSession session) {
    return session.mode() == null ? null : new ResultMode(session.mode(), session::paperMarketData);
  }
}
