package dev.bpx.mcp.tools;

import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code get_server_status}: where the server trades and under which limits. No exchange call. */
final class ServerTools {
  static final String STATUS = "get_server_status";

  private ServerTools() {}

  static List<ToolDef> all(TradingSession session) {
    Map<String, Object> output = Schemas.object()
        .required("mode", Schemas.enumOf("paper or live; unconfigured when a setting is wrong (see configurationError)",
            List.of("paper", "live", "unconfigured")))
        .required("exchangeUrl", Schemas.string("where orders go"))
        .required("connected", Schemas.bool("whether the exchange connection is open yet"))
        .required("readOnly", Schemas.bool("true when no order tool is offered"))
        .optional("maxOrderNotional", Schemas.string("largest order value in quote currency; absent when there is no limit"))
        .required("allowedSymbols", Schemas.array(Map.of("type", "string"), "empty means every symbol"))
        .required("breakers", Schemas.array(Map.of("type", "string"), "circuit breakers set: rule, limit, setting"))
        .required("limits", Schemas.string("the limits in one line"))
        .required("account", Schemas.string("the account the keys belong to (public key, shortened), or the paper account"))
        .required("version", Schemas.string("server version"))
        .optional(OrderTools.DEAD_MAN, Schemas.string("present when armed"))
        .optional("configurationError", Schemas.string("present when a setting is wrong: what, and how to fix it;"
            + " until then no tool sends anything"))
        .open()
        .build();
    return List.of(new ToolDef(
        STATUS,
        "Server status",
        "Where this server trades: mode (paper = simulated, no real money; live = real Backpack account),"
            + " exchange URL, account, and the safety limits in force. Call it to tell the user whether an order"
            + " would be real.",
        Schemas.object(),
        output,
        ToolDef.Kind.LOCAL_READ,
        false,
        args -> status(session)));
  }

  private static ToolDef.Result status(TradingSession session) {
    if (session.configProblem().isPresent()) {
      return unconfigured(session.configProblem().get());
    }
    ServerConfig config = session.config();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", config.mode().label());
    out.put("exchangeUrl", session.exchangeUrl());
    out.put("connected", session.isOpen());
    out.put("readOnly", config.readOnly());
    if (config.maxOrderNotional() != null) {
      out.put("maxOrderNotional", config.maxOrderNotional().toPlainString());
    }
    out.put("allowedSymbols", new ArrayList<>(config.allowedSymbols()));
    out.put("breakers", breakers(config));
    out.put("limits", config.limitsSummary());
    out.put("account", session.accountLabel());
    out.put("version", dev.bpx.mcp.TradingSession.serverVersion());
    String text = config.mode().label().toUpperCase(java.util.Locale.ROOT) + " mode on " + session.exchangeUrl()
        + " (account " + session.accountLabel() + "). Limits: " + config.limitsSummary() + ".";
    if (config.deadManSummary() != null) {
      out.put(OrderTools.DEAD_MAN, config.deadManSummary());
      text += " " + config.deadManSummary() + ".";
    }
    return new ToolDef.Result(out, text);
  }

  /** {@return each circuit breaker that is set: its rule, its limit and the setting that changes it} */
  private static List<String> breakers(ServerConfig config) {
    List<String> out = new ArrayList<>();
    if (config.maxPositionNotional() != null) {
      out.add("maxPositionNotional " + config.maxPositionNotional().toPlainString() + " (" + Settings.MAX_POSITION_NOTIONAL + ")");
    }
    if (config.maxLeverage() != null) {
      out.add("maxLeverage " + config.maxLeverage().toPlainString() + " (" + Settings.MAX_LEVERAGE + ")");
    }
    if (config.maxOpenOrders() != null) {
      out.add("maxOpenOrders " + config.maxOpenOrders() + " (" + Settings.MAX_OPEN_ORDERS + ")");
    }
    return out;
  }

  private static ToolDef.Result unconfigured(ConfigException problem) {
    String error = problem.getMessage() + (problem.getMessage().endsWith(".") ? " " : ". ") + problem.fix() + ".";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", "unconfigured");
    out.put("exchangeUrl", "none");
    out.put("connected", false);
    out.put("readOnly", false);
    out.put("allowedSymbols", List.of());
    out.put("breakers", List.of());
    out.put("limits", "no tool sends anything until the configuration is fixed");
    out.put("account", "none");
    out.put("version", dev.bpx.mcp.TradingSession.serverVersion());
    out.put("configurationError", error);
    return new ToolDef.Result(out, "NOT CONFIGURED: the server cannot trade until the user fixes a setting. " + error
        + " No tool sends anything until then.");
  }
}
