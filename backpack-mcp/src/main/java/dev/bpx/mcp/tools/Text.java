package dev.bpx.mcp.tools;

import dev.bpx.client.OrderPreview;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.WireEnum;
import dev.bpx.client.request.MarketRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
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
    s.append(trigger(o));
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

  /**
   * {@return what a trigger order waits for and what it carries, e.g. ", triggers at 150 (MarkPrice) for
   * 0.1, reduce-only, protects order 42; take-profit 250, stop-loss 150"; empty for a plain order} A
   * pending trigger order has quantity 0 until it fires, so without this an order list shows only
   * "Market Ask SOL_USDC_PERP" and nobody can tell a stop-loss from an accidental open order. The
   * exchange marks a take-profit or stop-loss child only by its parent ({@code relatedOrderId}); its
   * own take-profit and stop-loss fields are those it will attach when it fills.
   */
  static String trigger(Order o) {
    StringBuilder s = new StringBuilder();
    if (o.triggerPrice() != null) {
      s.append(", triggers at ").append(plain(o.triggerPrice()));
      if (o.triggerBy() != null) {
        s.append(" (").append(wire(o.triggerBy())).append(')');
      }
      if (o.triggerQuantity() != null) {
        s.append(" for ").append(o.triggerQuantity());
      }
      if (Boolean.TRUE.equals(o.reduceOnly())) {
        s.append(", reduce-only");
      }
      if (o.relatedOrderId() != null) {
        s.append(", protects order ").append(o.relatedOrderId());
      }
    }
    String tpsl = "";
    if (o.takeProfitTriggerPrice() != null) {
      tpsl = "take-profit " + plain(o.takeProfitTriggerPrice())
          + (o.takeProfitLimitPrice() == null ? "" : " (limit " + plain(o.takeProfitLimitPrice()) + ")");
    }
    if (o.stopLossTriggerPrice() != null) {
      tpsl += (tpsl.isEmpty() ? "" : ", ") + "stop-loss " + plain(o.stopLossTriggerPrice())
          + (o.stopLossLimitPrice() == null ? "" : " (limit " + plain(o.stopLossLimitPrice()) + ")");
    }
    if (!tpsl.isEmpty()) {
      s.append("; ").append(tpsl);
    }
    return s.toString();
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

  /**
   * The preview in a few sentences, its estimates rounded to what the market can express: prices to
   * the tick size, quantities to the step size, quote values to both (the structured result keeps
   * every digit).
   */
  static String preview(OrderPreview p, MarketRules market) {
    int priceScale = scale(market.tickSize());
    int quantityScale = scale(market.stepSize());
    int quoteScale = priceScale + quantityScale;
    StringBuilder s = new StringBuilder();
    s.append(p.acceptable() ? "Acceptable" : "Would be refused").append(": ").append(wire(p.orderType())).append(' ')
        .append(wire(p.side())).append(' ').append(p.symbol()).append('.');
    if (p.estimatedFillQuantity() != null && p.estimatedFillQuantity().signum() > 0) {
      s.append(" Fills about ").append(rounded(p.estimatedFillQuantity(), quantityScale)).append(" at ~")
          .append(rounded(p.estimatedAveragePrice(), priceScale)).append(" (slippage ").append(plain(p.slippageBps())).append(" bps).");
    }
    if (p.restingQuantity() != null && p.restingQuantity().signum() > 0) {
      s.append(" Rests ").append(rounded(p.restingQuantity(), quantityScale)).append(" on the book.");
    }
    if (p.orderNotional() != null) {
      s.append(" Value ").append(rounded(p.orderNotional(), quoteScale)).append('.');
    }
    if (p.estimatedFee() != null) {
      s.append(" Fee ~").append(rounded(p.estimatedFee(), quoteScale)).append('.');
    }
    if (p.estimatedLiquidationPrice() != null) {
      s.append(" Resulting position ").append(rounded(p.resultingPositionQuantity(), quantityScale)).append(", est. liquidation ")
          .append(rounded(p.estimatedLiquidationPrice(), priceScale)).append('.');
    }
    for (String problem : new LinkedHashSet<>(p.problems())) {
      s.append("\nProblem: ").append(problem);
    }
    for (String warning : new LinkedHashSet<>(p.warnings())) {
      s.append("\nNote: ").append(warning);
    }
    return s.toString();
  }

  /** {@return the decimals of an increment such as a tick size; 8 when the market does not say} */
  static int scale(BigDecimal increment) {
    return increment == null ? 8 : Math.max(0, increment.stripTrailingZeros().scale());
  }

  /** An estimate shown at the market's precision: half-up, since the text says "about". */
  static String rounded(BigDecimal value, int scale) {
    return value == null ? "-" : plain(value.setScale(scale, RoundingMode.HALF_UP));
  }

  /** {@return one line about a market, e.g. {@code SOL_USDC (SPOT, SOL/USDC): tickSize 0.01, stepSize 0.01, ...}} */
  static String market(Market m) {
    StringBuilder s = new StringBuilder(m.symbol()).append(" (").append(wire(m.marketType())).append(", ")
        .append(m.baseSymbol()).append('/').append(m.quoteSymbol()).append(')');
    if (m.orderBookState() != null) {
      s.append(", order book ").append(wire(m.orderBookState()));
    }
    if (m.filters() != null && m.filters().price() != null) {
      s.append(": tickSize ").append(plain(m.filters().price().tickSize())).append(", price ")
          .append(plain(m.filters().price().minPrice())).append("..").append(plain(m.filters().price().maxPrice()));
    }
    if (m.filters() != null && m.filters().quantity() != null) {
      s.append(", stepSize ").append(plain(m.filters().quantity().stepSize())).append(", minQuantity ")
          .append(plain(m.filters().quantity().minQuantity()));
    }
    return s.append('.').toString();
  }
}
