package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.LendPosition;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.store.JournaledEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * {@code /wapi/v1/history/*} (signed). Paging by {@code limit} (default 100, max 1000) and
 * {@code offset}; newest first unless {@code sortDirection=Asc} (the default direction is
 * UNCONFIRMED; see the README).
 */
final class HistoryRoutes {
  private final JournaledEngine store;

  HistoryRoutes(JournaledEngine store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("GET", "/wapi/v1/history/orders", this::orders);
    r.add("GET", "/wapi/v1/history/fills", this::fills);
    r.add("GET", "/wapi/v1/history/funding", q -> {
      String symbol = q.query().string("symbol");
      q.query().number("subaccountId", "uint16", 0, 65535);
      return page(q, a -> a.funding(), f -> symbol == null || symbol.equals(f.symbol()),
          (w, f, a) -> w.beginObject().field("userId", (long) a.userId).field("subaccountId", (Long) null)
              .field("symbol", f.symbol()).field("quantity", Fmt.amount(f.quantity()))
              .field("intervalEndTimestamp", Fmt.naive(f.intervalEnd()))
              .field("fundingRate", Fmt.amount(f.fundingRate())).endObject());
    });
    r.add("GET", "/wapi/v1/history/interest", q -> {
      Query query = q.query();
      String asset = query.string("asset");
      String symbol = query.string("symbol");
      String positionId = query.string("positionId");
      String source = query.oneOf("source", "InterestPaymentSource", "UnrealizedPnl", "BorrowLend");
      return page(q, a -> a.interest(), i -> (asset == null || asset.equals(i.symbol()))
              && (symbol == null || symbol.equals(i.marketSymbol()))
              && (positionId == null || positionId.equals(i.positionId()))
              && !"UnrealizedPnl".equals(source),
          (w, i, a) -> w.beginObject().field("paymentType", i.paymentType())
              .field("interestRate", Fmt.amount(i.interestRate())).field("interval", i.intervalMillis())
              .field("marketSymbol", i.marketSymbol()).field("positionId", i.positionId())
              .field("quantity", Fmt.amount(i.quantity())).field("symbol", i.symbol())
              .field("timestamp", Fmt.naive(i.timestamp())).endObject());
    });
    r.add("GET", "/wapi/v1/history/borrowLend", q -> {
      Query query = q.query();
      String type = query.oneOf("type", "BorrowLendEventType", "Borrow", "BorrowRepay", "Lend", "LendRedeem");
      String symbol = query.string("symbol");
      String positionId = query.string("positionId");
      List<String> sources = query.all("sources");
      return page(q, a -> a.borrowLendMovements(), m -> (type == null || type.equals(m.eventType()))
              && (symbol == null || symbol.equals(m.symbol()))
              && (positionId == null || positionId.equals(m.positionId()))
              && (sources.isEmpty() || sources.contains(m.source())),
          (w, m, a) -> w.beginObject().field("eventType", m.eventType()).field("positionId", m.positionId())
              .field("positionQuantity", Fmt.amount(m.positionQuantity()))
              .field("quantity", Fmt.amount(m.quantity())).field("source", m.source())
              .field("symbol", m.symbol()).field("timestamp", Fmt.naive(m.timestamp()))
              .field("spotMarginOrderId", (String) null).endObject());
    });
    r.add("GET", "/wapi/v1/history/borrowLend/positions", this::borrowLendPositions);
    r.add("GET", "/wapi/v1/history/settlement", q -> {
      String source = q.query().oneOf("source", "SettlementSourceFilter", "BackstopLiquidation",
          "CulledBorrowInterest", "CulledRealizePnl", "CulledRealizePnlBookUtilization", "FundingPayment",
          "RealizePnl", "TradingFees", "TradingFeesSystem");
      return page(q, a -> a.settlements(), s -> source == null || source.equals(s.source()),
          (w, s, a) -> w.beginObject().field("quantity", Fmt.amount(s.quantity())).field("source", s.source())
              .field("subaccountId", (Long) null).field("timestamp", Fmt.naive(s.timestamp()))
              .field("userId", (long) a.userId).field("positionId", s.positionId())
              .field("engineSequence", (Long) null).endObject());
    });
    r.add("GET", "/wapi/v1/history/position", this::positions);
  }

  /** Writes one row; gets the account too (for its user id). */
  private interface Row<T> {
    void write(JsonWriter w, T row, Account a);
  }

  private <T> Response page(Request q, java.util.function.Function<Account, List<T>> rows,
                            Predicate<T> keep, Row<T> write) {
    Query query = q.query();
    int limit = query.limit(100, 1000);
    int offset = query.offset();
    boolean asc = "Asc".equals(query.oneOf("sortDirection", "SortDirection", "Asc", "Desc"));
    return store.read(q.now(), q.apiKey(), e -> {
      Account a = e.account(q.apiKey());
      List<T> all = new ArrayList<>();
      for (T t : rows.apply(a)) {
        if (keep.test(t)) {
          all.add(t);
        }
      }
      JsonWriter w = new JsonWriter().beginArray();
      for (int n = 0, i = offset; n < limit && i < all.size(); n++, i++) {
        write.write(w, all.get(asc ? i : all.size() - 1 - i), a);
      }
      return Response.json(w.endArray());
    });
  }

  private Response orders(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String orderId = query.string("orderId");
    List<String> types = query.all("marketType");
    query.string("strategyId");
    return store.read(q.now(), q.apiKey(), e -> {
      Account a = e.account(q.apiKey());
      List<Order> orders = new ArrayList<>(a.orders().values());
      return pageOf(q, orders, o -> (symbol == null || symbol.equals(o.symbol()))
              && (orderId == null || orderId.equals(Long.toString(o.id())))
              && (types.isEmpty() || types.contains(e.market(o.symbol()).type().name())),
          (w, o) -> OrderJson.writeHistory(w, o, e.market(o.symbol())));
    });
  }

  private Response fills(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String orderId = query.string("orderId");
    Long from = query.number("from", "int64", Long.MIN_VALUE, Long.MAX_VALUE);
    Long to = query.number("to", "int64", Long.MIN_VALUE, Long.MAX_VALUE);
    String fillType = query.oneOf("fillType", "FillType", "User", "BookLiquidation", "Adl", "Backstop",
        "Liquidation", "AllLiquidation", "CollateralConversion", "CollateralConversionAndSpotLiquidation");
    List<String> types = query.all("marketType");
    return store.read(q.now(), q.apiKey(), e -> {
      Account a = e.account(q.apiKey());
      return pageOf(q, a.fills(), f -> (symbol == null || symbol.equals(f.symbol()))
              && (orderId == null || orderId.equals(f.orderId()))
              && (from == null || f.timestamp() >= from) && (to == null || f.timestamp() <= to)
              && (types.isEmpty() || types.contains(e.market(f.symbol()).type().name()))
              && fillTypeMatches(fillType, f),
          (w, f) -> fill(w, e.market(f.symbol()), f));
    });
  }

  private static boolean fillTypeMatches(String fillType, Records.Fill f) {
    if (fillType == null) {
      return true;
    }
    boolean system = f.systemOrderType() != null;
    return switch (fillType) {
      case "User" -> !system;
      case "Backstop", "Liquidation", "AllLiquidation" -> system;
      default -> false;
    };
  }

  private static void fill(JsonWriter w, MarketSpec m, Records.Fill f) {
    w.beginObject().field("clientId", f.clientId() == null ? null : f.clientId().toString())
        .field("fee", Fmt.amount(f.fee())).field("feeSymbol", f.feeSymbol()).field("isMaker", f.isMaker())
        .field("orderId", f.orderId()).field("price", Fmt.price(m, f.price()))
        .field("quantity", Fmt.quantity(m, f.quantity())).field("side", f.side()).field("symbol", f.symbol())
        .field("systemOrderType", f.systemOrderType()).field("timestamp", Fmt.naive(f.timestamp()))
        .field("tradeId", f.tradeId()).endObject();
  }

  private <T> Response pageOf(Request q, List<T> rows, Predicate<T> keep, BiConsumer<JsonWriter, T> write) {
    Query query = q.query();
    int limit = query.limit(100, 1000);
    int offset = query.offset();
    boolean asc = "Asc".equals(query.oneOf("sortDirection", "SortDirection", "Asc", "Desc"));
    List<T> all = new ArrayList<>();
    for (T t : rows) {
      if (keep.test(t)) {
        all.add(t);
      }
    }
    JsonWriter w = new JsonWriter().beginArray();
    for (int n = 0, i = offset; n < limit && i < all.size(); n++, i++) {
      write.accept(w, all.get(asc ? i : all.size() - 1 - i));
    }
    return Response.json(w.endArray());
  }

  private Response borrowLendPositions(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String side = query.oneOf("side", "BorrowLendSide", "Borrow", "Lend");
    String state = query.oneOf("state", "BorrowLendPositionState", "Open", "Closed");
    return store.read(q.now(), q.apiKey(), e -> {
      Account a = e.account(q.apiKey());
      List<LendPosition> rows = "Closed".equals(state) ? List.of() : new ArrayList<>(a.lends().values());
      return pageOf(q, rows, p -> (symbol == null || symbol.equals(p.symbol))
              && (side == null || side.equals(p.netQuantity().signum() >= 0 ? "Lend" : "Borrow")),
          (w, p) -> w.beginObject().field("positionId", Long.toString(p.id))
              .field("quantity", Fmt.amount(p.netQuantity().abs())).field("symbol", p.symbol)
              .field("source", p.source()).field("cumulativeInterest", Fmt.amount(p.cumulativeInterest()))
              .field("avgInterestRate", Fmt.amount(p.netQuantity().signum() >= 0
                  ? e.assets().get(p.symbol).lendRate() : e.assets().get(p.symbol).borrowRate()))
              .field("side", p.netQuantity().signum() >= 0 ? "Lend" : "Borrow")
              .field("createdAt", Fmt.naive(p.createdAt)).endObject());
    });
  }

  private Response positions(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String state = query.oneOf("state", "PositionState", "Open", "Closed");
    query.marketType();
    return store.read(q.now(), q.apiKey(), e -> {
      Account a = e.account(q.apiKey());
      List<PerpPosition> rows = new ArrayList<>();
      if (!"Open".equals(state)) {
        rows.addAll(a.closedPositions());
      }
      if (!"Closed".equals(state)) {
        rows.addAll(a.positions().values());
      }
      return pageOf(q, rows, p -> symbol == null || symbol.equals(p.symbol),
          (w, p) -> positionRow(w, e, p));
    });
  }

  private static void positionRow(JsonWriter w, ExchangeView e, PerpPosition p) {
    MarketSpec m = e.market(p.symbol);
    BigDecimal mark = e.markPrice(p.symbol);
    boolean open = p.isOpen();
    w.beginObject().field("id", Long.toString(p.id)).field("symbol", p.symbol)
        .field("netQuantity", Fmt.quantity(m, p.netQuantity()))
        .field("netExposureQuantity", Fmt.quantity(m, p.netQuantity().abs()))
        .field("netExposureNotional", Fmt.amount(p.netQuantity().abs().multiply(mark), 6))
        .field("netCost", Fmt.amount(p.netCost())).field("markPrice", Fmt.price(m, mark))
        .field("entryPrice", Fmt.amount(p.entryPrice(), m.priceScale() + 4))
        .field("cumulativePnlRealized", Fmt.amount(p.pnlRealized()))
        .field("unrealizedPnl", Fmt.amount(p.unrealizedPnl(mark), 6))
        .field("fundingQuantity", Fmt.amount(p.cumulativeFunding())).field("interest", "0")
        .field("liquidated", p.liquidated() ? "1" : "0")
        .field("imf", Fmt.amount(m.imf().base())).field("fees", Fmt.amount(p.fees()))
        .field("liquidationFees", Fmt.amount(p.liquidationFees()))
        .field("closedVolume", Fmt.quantity(m, p.closedVolume()))
        .field("state", open ? "Open" : "Closed")
        .field("closingPrice", p.closingPrice() == null ? null : Fmt.price(m, p.closingPrice()))
        .field("accountLeverage", (String) null)
        .field("openedAt", Fmt.naive(p.openedAt()))
        .field("closedAt", p.closedAt() == null ? null : Fmt.naive(p.closedAt())).endObject();
  }
}
