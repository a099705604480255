package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.CommandParser;
import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.LendPosition;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.store.JournaledEngine;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Account, capital, collateral, borrow-lend and position endpoints (signed). */
final class AccountRoutes {
  private final JournaledEngine store;

  AccountRoutes(JournaledEngine store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("GET", "/api/v1/account", q -> read(q, (e, a, w) -> AccountJson.account(w, a)));
    r.add("PATCH", "/api/v1/account", this::update);
    r.add("GET", "/api/v1/capital", q -> read(q, (e, a, w) -> AccountJson.capital(w, a)));
    r.add("GET", "/api/v1/capital/collateral", q -> {
      q.query().number("subaccountId", "uint16", 0, 65535);
      return read(q, (e, a, w) -> AccountJson.collateral(w, e.marginSummary(a)));
    });
    r.add("GET", "/api/v1/borrowLend/positions", q -> read(q, (e, a, w) -> {
      w.beginArray();
      for (LendPosition p : a.lends().values()) {
        AccountJson.lendPosition(w, e, p);
      }
      w.endArray();
    }));
    r.add("POST", "/api/v1/borrowLend", q -> {
      store.submit(q.timed(CommandParser.borrowLend(q.apiKey(), q.json("BorrowLendExecutePayload"))));
      return Response.empty();
    });
    r.add("GET", "/api/v1/position", this::positions);
    r.add("GET", "/api/v1/account/limits/order", this::maxOrder);
    r.add("GET", "/api/v1/account/limits/borrow", this::maxBorrow);
    r.add("GET", "/api/v1/account/limits/withdrawal", this::maxWithdrawal);
  }

  interface View {
    void write(ExchangeView e, Account a, JsonWriter w);
  }

  private Response read(Request q, View view) {
    return store.read(q.now(), q.apiKey(), e -> {
      JsonWriter w = new JsonWriter();
      view.write(e, e.account(q.apiKey()), w);
      return Response.json(w);
    });
  }

  private Response update(Request q) {
    store.submit(q.timed(CommandParser.updateAccount(q.apiKey(), q.json("UpdateAccountSettingsRequest"))));
    return Response.empty();
  }

  private Response positions(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String type = query.marketType();
    return store.read(q.now(), q.apiKey(), e -> {
      Account a = e.account(q.apiKey());
      if (symbol != null && e.market(symbol, false) == null) {
        throw ParseError.param("symbol", "failed to parse \"MarketSymbol\": Invalid market symbol");
      }
      if (symbol != null && !a.positions().containsKey(symbol)) {
        throw ApiError.notFound("Position not found");
      }
      Margin.Summary s = e.marginSummary(a);
      JsonWriter w = new JsonWriter().beginArray();
      for (PerpPosition p : a.positions().values()) {
        if ((symbol == null || symbol.equals(p.symbol)) && (type == null || "PERP".equals(type))) {
          AccountJson.position(w, e, a, p, s, symbol != null);
        }
      }
      return Response.json(w.endArray());
    });
  }

  private Response maxOrder(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    String side = query.oneOf("side", "Side", "Bid", "Ask");
    if (side == null) {
      throw ParseError.param("side", "Type \"Side\" expects an input, but not found");
    }
    BigDecimal price = query.decimal("price");
    Boolean reduceOnly = query.bool("reduceOnly");
    Boolean autoBorrow = query.bool("autoBorrow");
    Boolean autoBorrowRepay = query.bool("autoBorrowRepay");
    Boolean autoLendRedeem = query.bool("autoLendRedeem");
    return store.read(q.now(), q.apiKey(), e -> {
      ExchangeView.Market m = e.markets().get(symbol);
      if (m == null) {
        throw ApiError.badRequest("Invalid market symbol");
      }
      Account a = e.account(q.apiKey());
      // autoBorrow, autoBorrowRepay and autoLendRedeem are echoed: orders here never borrow or redeem.
      BigDecimal max = e.maxOrderQuantity(a, m, Side.valueOf(side), price, Boolean.TRUE.equals(reduceOnly));
      JsonWriter w = new JsonWriter().beginObject().field("symbol", symbol).field("side", side)
          .field("maxOrderQuantity", Fmt.quantity(m.spec(), max.max(BigDecimal.ZERO)))
          .field("price", price == null ? null : price.toPlainString()).field("reduceOnly", reduceOnly)
          .field("autoBorrow", autoBorrow).field("autoBorrowRepay", autoBorrowRepay)
          .field("autoLendRedeem", autoLendRedeem).endObject();
      return Response.json(w);
    });
  }

  private Response maxBorrow(Request q) {
    String symbol = q.query().required("symbol");
    return store.read(q.now(), q.apiKey(), e -> {
      AssetSpec spec = asset(e, symbol);
      Margin.Summary s = e.marginSummary(e.account(q.apiKey()));
      BigDecimal price = e.assetPrice(symbol);
      BigDecimal perUnit = price.multiply(BigDecimal.ONE.subtract(spec.collateralWeight()).add(spec.imf().base()));
      BigDecimal max = perUnit.signum() == 0 ? BigDecimal.ZERO
          : s.netEquityAvailable().max(BigDecimal.ZERO).divide(perUnit, spec.scale(), RoundingMode.DOWN);
      return Response.json(new JsonWriter().beginObject().field("symbol", symbol)
          .field("maxBorrowQuantity", Fmt.amount(max)).endObject());
    });
  }

  private Response maxWithdrawal(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    Boolean autoBorrow = query.bool("autoBorrow");
    Boolean autoLendRedeem = query.bool("autoLendRedeem");
    return store.read(q.now(), q.apiKey(), e -> {
      asset(e, symbol);
      Account a = e.account(q.apiKey());
      BigDecimal max = a.available(symbol).max(BigDecimal.ZERO);
      if (Boolean.TRUE.equals(autoLendRedeem)) {
        max = max.add(a.lent(symbol).max(BigDecimal.ZERO));
      }
      return Response.json(new JsonWriter().beginObject().field("symbol", symbol)
          .field("maxWithdrawalQuantity", Fmt.amount(max)).field("autoBorrow", autoBorrow)
          .field("autoLendRedeem", autoLendRedeem).endObject());
    });
  }

  private static AssetSpec asset(ExchangeView e, String symbol) {
    AssetSpec spec = e.assets().get(symbol);
    if (spec == null) {
      throw ParseError.param("symbol", "failed to parse \"CustodyAsset\": Expect a valid enumeration value.");
    }
    return spec;
  }
}
