package dev.bpx.mcp.tools;

import dev.bpx.client.OrderPreview;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.WireEnum;
import java.math.BigDecimal;
import java.util.List;

/** Short text renderings of tool results, for clients that show text rather than structured content. */
final class Text {
  private static final int MAX_LINES = 20;

  private Text() {}

  static String plain(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString();
  }

  static String wire(WireEnum value) {
    if (value == null) {
      return "-";
    }
    try {
      return value.wireValue();
    } catch (IllegalStateException unknown) {
      return "unknown";
    }
  }

  static String order(Order o) {
    StringBuilder s = new StringBuilder();
    s.append(wire(o.orderType())).append(' ').append(wire(o.side())).append(' ');
    if (o.quantity() != null && o.quantity().signum() != 0) {
      s.append(plain(o.quantity())).append(' ');
    } else if (o.quoteQuantity() != null) {
      s.append("for ").append(plain(o.quoteQuantity())).append(" quote ");
    }
    s.append(o.symbol());
    if (o.price() != null) {
      s.append(" @ ").append(plain(o.price()));
    }
    s.append(" (id ").append(o.id());
    if (o.clientId() != null) {
      s.append(", clientId ").append(o.clientId());
    }
    s.append(", status ").append(wire(o.status()));
    if (o.executedQuantity() != null && o.executedQuantity().signum() != 0) {
      s.append(", filled ").append(plain(o.executedQuantity()));
    }
    return s.append(')').toString();
  }

  static String orderLines(List<Order> orders) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < orders.size() && i < MAX_LINES; i++) {
      s.append("\n- ").append(order(orders.get(i)));
    }
    if (orders.size() > MAX_LINES) {
      s.append("\n- … ").append(orders.size() - MAX_LINES).append(" more in the structured result");
    }
    return s.toString();
  }

  static String preview(OrderPreview p) {
    StringBuilder s = new StringBuilder();
    s.append(p.acceptable() ? "Acceptable" : "Would be refused").append(": ").append(wire(p.orderType())).append(' ')
        .append(wire(p.side())).append(' ').append(p.symbol()).append('.');
    if (p.estimatedFillQuantity() != null && p.estimatedFillQuantity().signum() > 0) {
      s.append(" Fills about ").append(plain(p.estimatedFillQuantity())).append(" at ~").append(plain(p.estimatedAveragePrice()))
          .append(" (slippage ").append(plain(p.slippageBps())).append(" bps)");
      s.append('.');
    }
    if (p.restingQuantity() != null && p.restingQuantity().signum() > 0) {
      s.append(" Rests ").append(plain(p.restingQuantity())).append(" on the book.");
    }
    if (p.orderNotional() != null) {
      s.append(" Value ").append(plain(p.orderNotional())).append('.');
    }
    if (p.estimatedFee() != null) {
      s.append(" Fee ~").append(plain(p.estimatedFee())).append('.');
    }
    if (p.estimatedLiquidationPrice() != null) {
      s.append(" Resulting position ").append(plain(p.resultingPositionQuantity())).append(", est. liquidation ")
          .append(plain(p.estimatedLiquidationPrice())).append('.');
    }
    for (String problem : p.problems()) {
      s.append("\nProblem: ").append(problem);
    }
    for (String warning : p.warnings()) {
      s.append("\nNote: ").append(warning);
    }
    return s.toString();
  }
}
