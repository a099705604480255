package dev.bpx.mcp.tools;

import dev.bpx.client.EmergencyStopReport;
import dev.bpx.client.model.Order;
import dev.bpx.mcp.TradingSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code emergency_stop}: cancels every open order and closes every perp position, for an assistant that
 * must stop all trading at once. The same report feeds the {@code emergency-stop} command of the jar.
 *
 * <p>Read-only mode hides it: that mode promises that no tool places an order, and this one places
 * reduce-only closes. The person can still run {@code backpack-mcp emergency-stop} in a terminal.
 */
public final class EmergencyStopTools {
  static final String NAME = "emergency_stop";
  private static final Map<String, Object> ORDER = Map.of("type", "object", "description", "an order, as in list_orders");

  private EmergencyStopTools() {}

  static List<ToolDef> all(TradingSession session) {
    Map<String, Object> failure = Schemas.object()
        .required("step", Schemas.string(null))
        .optional("symbol", Schemas.string(null))
        .required("reason", Schemas.string(null))
        .build();
    return List.of(new ToolDef(NAME, "Emergency stop",
        "Cancels every open order on every market (trigger, TP/SL too), then closes every perp position with"
            + " reduce-only market orders. Never blocked by limits; safe to repeat; failures are listed.",
        Schemas.object(),
        Schemas.object()
            .required("cancelled", Schemas.array(ORDER, null))
            .required("closed", Schemas.array(ORDER, "reduce-only closing orders"))
            .required("cancelQueued", Schemas.array(Map.of("type", "string"), "markets whose cancel the exchange queued"))
            .required("failures", Schemas.array(failure, null))
            .required("nothingToDo", Schemas.bool("true when nothing was open"))
            .optional("mode", Schemas.string("paper or live"))
            .open().build(),
        ToolDef.Kind.CANCEL, false,
        args -> result(session.client().orders().emergencyStop())));
  }

  /** {@return the report as structured content and text} */
  static ToolDef.Result result(EmergencyStopReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cancelled", WireJson.list(report.cancelled()));
    out.put("closed", WireJson.list(report.closed()));
    out.put("cancelQueued", new ArrayList<>(report.cancelQueued()));
    List<Object> failures = new ArrayList<>();
    for (EmergencyStopReport.Failure f : report.failures()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("step", f.step());
      if (f.symbol() != null) {
        one.put("symbol", f.symbol());
      }
      one.put("reason", f.reason());
      failures.add(one);
    }
    out.put("failures", failures);
    out.put("nothingToDo", report.nothingToDo());
    return new ToolDef.Result(out, text(report));
  }

  /** {@return the report for a person: what was cancelled, closed, queued, and what failed} */
  public static String text(EmergencyStopReport report) {
    if (report.nothingToDo()) {
      return "Emergency stop: nothing to do; no open orders and no open positions.";
    }
    StringBuilder text = new StringBuilder("Emergency stop: cancelled " + report.cancelled().size()
        + " order(s), closed " + report.closed().size() + " position(s), " + report.failures().size() + " failure(s).");
    for (Order o : report.cancelled()) {
      text.append("\nCancelled ").append(Text.order(o)).append('.');
    }
    for (Order o : report.closed()) {
      text.append("\nClosed the position with ").append(Text.order(o)).append('.');
    }
    for (String symbol : report.cancelQueued()) {
      text.append("\nThe exchange queued the cancel on ").append(symbol).append("; check with list_orders.");
    }
    for (EmergencyStopReport.Failure f : report.failures()) {
      text.append("\nFAILED: ").append(f.step()).append(f.symbol() == null ? "" : " on " + f.symbol()).append(": ")
          .append(f.reason());
    }
    return text.toString();
  }
}
