package dev.bpx.mcp.tools;

import dev.bpx.client.model.Fill;
import dev.bpx.client.model.FundingPayment;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.OrderExpiryReason;
import dev.bpx.client.model.SortDirection;
import dev.bpx.client.model.SystemOrderType;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.HistoryQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.mcp.TradingSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** History tools: past orders, fills, funding payments. Newest first. */
final class HistoryTools {
  private HistoryTools() {}

  static List<ToolDef> all(TradingSession session) {
    return List.of(orderHistory(session), fills(session), fundingPayments(session));
  }

  private static Schemas.ObjectSchema paging(Schemas.ObjectSchema schema) {
    return schema
        .optional("limit", Schemas.limit("How many (default 50, max 1000)"))
        .optional("offset", Schemas.integer("Skip this many (paging)", 0, 1_000_000));
  }

  /** {@return the builder set to the page the arguments ask for (default the first 50), newest first} */
  private static <B extends HistoryQuery.Builder<B, ?>> B newestFirst(B builder, ToolArgs args) {
    Long offset = args.optionalLong("offset", 0, 1_000_000);
    return builder.limit(args.limit(50)).offset(offset == null ? 0 : offset.intValue())
        .sortDirection(SortDirection.DESC);
  }

  /**
   * {@return the rows under {@code key}, each with its {@code liquidation} flag, and their count; the text
   * names the first 20, one {@code line} each}
   */
  private static <T> ToolDef.Result withLiquidationFlag(String key, String noun, List<T> items,
      Predicate<T> isLiquidation, BiFunction<T, Boolean, String> line) {
    List<Object> rows = new ArrayList<>(items.size());
    StringBuilder text = new StringBuilder(items.size() + " " + noun + "(s)");
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      boolean liquidation = isLiquidation.test(item);
      rows.add(WireJson.objectWith(item, "liquidation", liquidation));
      if (i < 20) {
        text.append("\n- ").append(line.apply(item, liquidation));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key, rows);
    out.put("count", items.size());
    return new ToolDef.Result(out, text.toString());
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
          // A null argument leaves the filter unset.
          OrderHistoryQuery query = newestFirst(OrderHistoryQuery.builder(), args)
              .symbol(args.optionalSymbol("symbol")).orderId(args.optionalString("orderId")).build();
          return withLiquidationFlag("orders", "order", session.client().history().listOrders(query),
              o -> isLiquidation(o.systemOrderType()) || o.expiryReason() == OrderExpiryReason.LIQUIDATION,
              HistoryTools::orderLine);
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
          FillHistoryQuery query = newestFirst(FillHistoryQuery.builder(), args)
              .symbol(args.optionalSymbol("symbol")).orderId(args.optionalString("orderId")).build();
          return withLiquidationFlag("fills", "fill", session.client().history().listFills(query),
              f -> isLiquidation(f.systemOrderType()),
              (f, liquidation) -> (liquidation ? "LIQUIDATION (" + Text.wire(f.systemOrderType()) + "): " : "")
                  + f.symbol() + ' ' + Text.wire(f.side()) + ' ' + Text.plain(f.quantity()) + " @ "
                  + Text.plain(f.price()) + ", fee " + Text.plain(f.fee()) + ' ' + f.feeSymbol());
        });
  }

  private static String orderLine(HistoricalOrder o, boolean liquidation) {
    StringBuilder line = new StringBuilder(liquidation ? "LIQUIDATION: " : "").append(o.symbol()).append(' ')
        .append(Text.wire(o.side())).append(' ').append(Text.wire(o.orderType())).append(' ')
        .append(Text.plain(o.quantity())).append(" → ").append(Text.wire(o.status()));
    if (o.expiryReason() != null) {
      line.append(" (").append(Text.wire(o.expiryReason())).append(')');
    }
    if (o.systemOrderType() != null) {
      line.append(", placed by the exchange (").append(Text.wire(o.systemOrderType())).append(')');
    }
    return line.append(" (id ").append(o.id()).append(')').toString();
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
          FundingPaymentQuery query = newestFirst(FundingPaymentQuery.builder(), args)
              .symbol(args.optionalSymbol("symbol")).build();
          List<FundingPayment> payments = session.client().history().listFundingPayments(query);
          Map<String, Object> out = WireJson.listResult("payments", payments);
          java.math.BigDecimal sum = payments.stream().map(FundingPayment::quantity).filter(java.util.Objects::nonNull)
              .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
          return new ToolDef.Result(out, payments.size() + " funding payment(s), net " + sum.toPlainString());
        });
  }
}
