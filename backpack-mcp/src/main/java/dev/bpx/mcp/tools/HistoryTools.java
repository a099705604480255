package dev.bpx.mcp.tools;

import dev.bpx.client.model.Fill;
import dev.bpx.client.model.FundingPayment;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.OrderExpiryReason;
import dev.bpx.client.model.SortDirection;
import dev.bpx.client.model.SystemOrderType;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.mcp.TradingSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** History tools: past orders, fills, funding payments. Newest first. */
final class HistoryTools {
  private HistoryTools() {}

  static List<ToolDef> all(TradingSession session) {
    return List.of(orderHistory(session), fills(session), fundingPayments(session));
  }

  private static Schemas.ObjectSchema paging(Schemas.ObjectSchema schema) {
    return schema
        .optional("limit", Schemas.integer("How many (default 50, max 1000)", 1, 1000))
        .optional("offset", Schemas.integer("Skip this many (paging)", 0, 1_000_000));
  }

  private static int limit(ToolArgs args) {
    Long limit = args.optionalLong("limit", 1, 1000);
    return limit == null ? 50 : limit.intValue();
  }

  private static int offset(ToolArgs args) {
    Long offset = args.optionalLong("offset", 0, 1_000_000);
    return offset == null ? 0 : offset.intValue();
  }

  private static ToolDef orderHistory(TradingSession session) {
    return new ToolDef("get_order_history", "Get order history",
        "Past orders (filled, cancelled, expired, and open), newest first, with why each expired;"
            + " liquidation: true marks a liquidation's. createdAt is UTC.",
        paging(Schemas.object()
            .optional("symbol", Schemas.symbol("Only this market"))
            .optional("orderId", Schemas.string("Only this order"))),
        WireJson.listSchema("orders", HistoricalOrder.class, "liquidation",
            Schemas.bool(null)),
        ToolDef.Kind.READ, false,
        args -> {
          OrderHistoryQuery.Builder q = OrderHistoryQuery.builder().limit(limit(args)).offset(offset(args))
              .sortDirection(SortDirection.DESC);
          String symbol = args.optionalSymbol("symbol");
          if (symbol != null) {
            q.symbol(symbol);
          }
          String orderId = args.optionalString("orderId");
          if (orderId != null) {
            q.orderId(orderId);
          }
          List<HistoricalOrder> orders = session.client().history().listOrders(q.build());
          List<Object> rows = new ArrayList<>(orders.size());
          StringBuilder text = new StringBuilder(orders.size() + " order(s)");
          for (int i = 0; i < orders.size(); i++) {
            HistoricalOrder o = orders.get(i);
            boolean liquidation = isLiquidation(o.systemOrderType())
                || o.expiryReason() == OrderExpiryReason.LIQUIDATION;
            rows.add(WireJson.objectWith(o, "liquidation", liquidation));
            if (i >= 20) {
              continue;
            }
            text.append("\n- ").append(liquidation ? "LIQUIDATION: " : "").append(o.symbol()).append(' ')
                .append(Text.wire(o.side())).append(' ').append(Text.wire(o.orderType())).append(' ')
                .append(Text.plain(o.quantity())).append(" → ").append(Text.wire(o.status()));
            if (o.expiryReason() != null) {
              text.append(" (").append(Text.wire(o.expiryReason())).append(')');
            }
            if (o.systemOrderType() != null) {
              text.append(", placed by the exchange (").append(Text.wire(o.systemOrderType())).append(')');
            }
            text.append(" (id ").append(o.id()).append(')');
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("orders", rows);
          out.put("count", orders.size());
          return new ToolDef.Result(out, text.toString());
        });
  }

  private static ToolDef fills(TradingSession session) {
    return new ToolDef("get_fills", "Get fills",
        "The account's trades (fills), newest first: price, quantity, fee and fee asset, maker or taker;"
            + " liquidation: true marks a liquidation's.",
        paging(Schemas.object()
            .optional("symbol", Schemas.symbol("Only this market"))
            .optional("orderId", Schemas.string("Only fills of this order"))),
        WireJson.listSchema("fills", Fill.class, "liquidation",
            Schemas.bool(null)),
        ToolDef.Kind.READ, false,
        args -> {
          FillHistoryQuery.Builder q = FillHistoryQuery.builder().limit(limit(args)).offset(offset(args))
              .sortDirection(SortDirection.DESC);
          String symbol = args.optionalSymbol("symbol");
          if (symbol != null) {
            q.symbol(symbol);
          }
          String orderId = args.optionalString("orderId");
          if (orderId != null) {
            q.orderId(orderId);
          }
          List<Fill> fills = session.client().history().listFills(q.build());
          List<Object> rows = new ArrayList<>(fills.size());
          StringBuilder text = new StringBuilder(fills.size() + " fill(s)");
          for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            boolean liquidation = isLiquidation(f.systemOrderType());
            rows.add(WireJson.objectWith(f, "liquidation", liquidation));
            if (i >= 20) {
              continue;
            }
            text.append("\n- ").append(liquidation ? "LIQUIDATION (" + Text.wire(f.systemOrderType()) + "): " : "")
                .append(f.symbol()).append(' ').append(Text.wire(f.side())).append(' ')
                .append(Text.plain(f.quantity())).append(" @ ").append(Text.plain(f.price())).append(", fee ")
                .append(Text.plain(f.fee())).append(' ').append(f.feeSymbol());
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("fills", rows);
          out.put("count", fills.size());
          return new ToolDef.Result(out, text.toString());
        });
  }

  private static boolean isLiquidation(SystemOrderType type) {
    return type != null && type.isLiquidation();
  }

  private static ToolDef fundingPayments(TradingSession session) {
    return new ToolDef("get_funding_payments", "Get funding payments",
        "Funding payments on perpetual positions, newest first: quantity positive = received, negative = paid (USDC).",
        paging(Schemas.object().optional("symbol", Schemas.symbol("Only this perpetual market"))),
        WireJson.listSchema("payments", FundingPayment.class),
        ToolDef.Kind.READ, false,
        args -> {
          FundingPaymentQuery.Builder q = FundingPaymentQuery.builder().limit(limit(args)).offset(offset(args))
              .sortDirection(SortDirection.DESC);
          String symbol = args.optionalSymbol("symbol");
          if (symbol != null) {
            q.symbol(symbol);
          }
          List<FundingPayment> payments = session.client().history().listFundingPayments(q.build());
          Map<String, Object> out = WireJson.listResult("payments", payments);
          java.math.BigDecimal sum = payments.stream().map(FundingPayment::quantity).filter(java.util.Objects::nonNull)
              .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
          return new ToolDef.Result(out, payments.size() + " funding payment(s), net " + sum.toPlainString());
        });
  }
}
