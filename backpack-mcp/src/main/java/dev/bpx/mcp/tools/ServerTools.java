package dev.bpx.mcp.tools;

import dev.bpx.client.BreakerStatus;
import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.config.Settings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code get_server_status}: where the server trades, under which limits, and each circuit breaker's
 * use. Calls the exchange only when a circuit breaker is set.
 */
final class ServerTools {
  static final String STATUS = "get_server_status";
  private static final Map<String, Object> STRING = Map.of("type", "string");
  /** The setting of each breaker, by its rule name in SafetyLimits. */
  private static final Map<String, String> SETTINGS = Map.of("maxPositionNotional", Settings.MAX_POSITION_NOTIONAL,
      "maxLeverage", Settings.MAX_LEVERAGE, "maxOpenOrders", Settings.MAX_OPEN_ORDERS,
      "maxDailyNotional", Settings.MAX_DAILY_NOTIONAL, "maxDailyLoss", Settings.MAX_DAILY_LOSS);

  private ServerTools() {}

  static List<ToolDef> all(TradingSession session) {
    Map<String, Object> output = Schemas.object()
        .required("mode", Schemas.enumOf("unconfigured: see configurationError",
            List.of("paper", "live", "unconfigured")))
        .required("exchangeUrl", Schemas.string("where orders go"))
        .required("connected", Schemas.bool("whether the exchange connection is open yet"))
        .required("readOnly", Schemas.bool("true when no order tool is offered"))
        .optional("maxOrderNotional", Schemas.string("max order value (quote currency); absent: no limit"))
        .required("allowedSymbols", Schemas.array(Map.of("type", "string"), "empty means every symbol"))
        .required("breakers", Schemas.array(Schemas.object().required("rule", STRING).required("setting", STRING)
            .required("limit", STRING).required("used", STRING).optional("tripped", Map.of("type", "boolean"))
            .optional("note", STRING).build(), "circuit breakers: limit, use, tripped"))
        .required("limits", Schemas.string("the limits in one line"))
        .required("account", Schemas.string("public key (shortened) or the paper account"))
        .required("version", Schemas.string("server version"))
        .optional(OrderTools.DEAD_MAN, Schemas.string("present when armed"))
        .optional("configurationError", Schemas.string("present when a setting is wrong: what, and how to fix it;"
            + " until then no tool sends anything"))
        .open()
        .build();
    return List.of(new ToolDef(
        STATUS,
        "Server status",
        "Where this server trades: mode (paper = no real money; live = real Backpack account),"
            + " exchange URL, account, and the safety limits in force. Call it to tell the user whether an order"
            + " would be real.",
        Schemas.object(),
        output,
        ToolDef.Kind.READ,
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
    List<Map<String, Object>> breakers = breakers(session, config);
    out.put("breakers", breakers);
    out.put("limits", config.limitsSummary());
    out.put("account", session.accountLabel());
    out.put("version", dev.bpx.mcp.TradingSession.serverVersion());
    // After the breakers: reading them may open the paper exchange, which decides its market data.
    String marketData = session.paperMarketData();
    if (marketData != null) {
      out.put("marketData", marketData);
    }
    String text = config.mode().label().toUpperCase(java.util.Locale.ROOT) + " mode"
        + (marketData == null ? "" : " (" + marketData + ")") + " on " + session.exchangeUrl()
        + " (account " + session.accountLabel() + "). Limits: " + config.limitsSummary() + "."
        + (breakers.isEmpty() ? "" : " Circuit breakers: " + String.join("; ", breakers.stream().map(ServerTools::line).toList()) + ".");
    if (config.deadManSummary() != null) {
      out.put(OrderTools.DEAD_MAN, config.deadManSummary());
      text += " " + config.deadManSummary() + ".";
    }
    return new ToolDef.Result(out, text);
  }

  /**
   * {@return each circuit breaker that is set: its rule, setting, limit, current use and whether it has
   * tripped} Reads the account (through the client) only when a breaker is set; when the account cannot
   * be reached every figure is "unknown" and the tool still answers.
   */
  private static List<Map<String, Object>> breakers(TradingSession session, ServerConfig config) {
    List<BreakerStatus> status;
    try {
      status = config.maxPositionNotional() == null && config.maxLeverage() == null && config.maxOpenOrders() == null
          && config.maxDailyNotional() == null && config.maxDailyLoss() == null ? List.of()
          : session.client().orders().breakerStatus();
    } catch (RuntimeException e) {
      String why = "unknown: " + e.getMessage();
      status = new ArrayList<>();
      add(status, "maxPositionNotional", config.maxPositionNotional(), why);
      add(status, "maxLeverage", config.maxLeverage(), why);
      add(status, "maxOpenOrders", config.maxOpenOrders() == null ? null : BigDecimal.valueOf(config.maxOpenOrders()), why);
      add(status, "maxDailyNotional", config.maxDailyNotional(), why);
      add(status, "maxDailyLoss", config.maxDailyLoss(), why);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (BreakerStatus s : status) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("rule", s.rule());
      b.put("setting", SETTINGS.getOrDefault(s.rule(), ""));
      b.put("limit", s.limit().stripTrailingZeros().toPlainString());
      b.put("used", s.used() == null ? "unknown" : s.used().stripTrailingZeros().toPlainString());
      if (s.tripped() != null) {
        b.put("tripped", s.tripped());
      }
      if (s.note() != null) {
        b.put("note", s.note());
      }
      out.add(b);
    }
    return out;
  }

  private static void add(List<BreakerStatus> status, String rule, BigDecimal limit, String why) {
    if (limit != null) {
      status.add(new BreakerStatus(rule, limit, null, null, why));
    }
  }

  private static String line(Map<String, Object> b) {
    return b.get("rule") + " " + b.get("limit") + " (" + b.get("setting") + "): used " + b.get("used")
        + (Boolean.TRUE.equals(b.get("tripped")) ? ", TRIPPED" : "") + (b.containsKey("note") ? " (" + b.get("note") + ")" : "");
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
