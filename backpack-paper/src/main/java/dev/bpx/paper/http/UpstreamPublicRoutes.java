package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.feed.OwnLevels;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.BookSnapshot;
import dev.bpx.paper.upstream.Level;
import dev.bpx.paper.upstream.MarkPrice;
import dev.bpx.paper.upstream.PublicAnswer;
import dev.bpx.paper.upstream.Ticker;
import dev.bpx.paper.upstream.Trade;
import dev.bpx.paper.upstream.UpstreamException;
import dev.bpx.paper.upstream.UpstreamMirror;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upstream mode's public market data, served from the mirror of the upstream instead of the engine
 * (they change no state here): tickers, books, trades, mark prices and open interest from its
 * current view, klines, trade history and funding history passed on from the upstream as it answers.
 * The books show the users' resting orders merged with the upstream's levels, as the real exchange's
 * book would. Registered over {@link PublicRoutes}' market-data paths; the rest (assets, collateral,
 * borrow-lend markets, status, time) stays the engine's. Thread-safe.
 */
final class UpstreamPublicRoutes {
  private final UpstreamMirror mirror;
  private final JournaledEngine store;

  /** The merged book's update ids, shared with the streams. */
  private final dev.bpx.paper.feed.DepthIds depthIds;

  UpstreamPublicRoutes(UpstreamMirror mirror, JournaledEngine store, dev.bpx.paper.feed.DepthIds depthIds) {
    this.mirror = mirror;
    this.store = store;
    this.depthIds = depthIds;
  }

  void register(Router r) {
    r.add("GET", "/api/v1/ticker", this::ticker);
    r.add("GET", "/api/v1/tickers", this::tickers);
    r.add("GET", "/api/v1/depth", this::depth);
    r.add("GET", "/api/v1/trades", this::trades);
    r.add("GET", "/api/v1/markPrices", this::markPrices);
    r.add("GET", "/api/v1/openInterest", this::openInterest);
    r.add("GET", "/api/v1/klines", this::passOn);
    r.add("GET", "/api/v1/trades/history", this::passOn);
    r.add("GET", "/api/v1/fundingRates", this::passOn);
  }

  private MarketSpec known(String symbol, String message) {
    for (MarketSpec m : mirror.markets()) {
      if (m.symbol().equals(symbol)) {
        return m;
      }
    }
    throw ApiError.badRequest(message);
  }

  private Response passOn(Request q) {
    PublicAnswer a;
    try {
      a = mirror.publicGet(q.path(), q.rawQuery());
    } catch (UpstreamException e) {
      return Response.error(503, "SERVER_ERROR", "Upstream market data unavailable: " + e.getMessage());
    }
    return new Response(a.status(), a.contentType(), a.body());
  }

  private static String interval(Query query) {
    return query.oneOf("interval", "TickerInterval", "1d", "1w");
  }

  private Response ticker(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    if ("1w".equals(interval(query))) {
      return passOn(q);
    }
    MarketSpec m = known(symbol, "Invalid market symbol");
    JsonWriter w = new JsonWriter();
    ticker(w, mirror.ticker(m.symbol()).orElseThrow(() -> ApiError.badRequest("No ticker yet for " + symbol)));
    return Response.json(w);
  }

  private Response tickers(Request q) {
    if ("1w".equals(interval(q.query()))) {
      return passOn(q);
    }
    JsonWriter w = new JsonWriter().beginArray();
    for (MarketSpec m : mirror.markets()) {
      mirror.ticker(m.symbol()).ifPresent(t -> ticker(w, t));
    }
    return Response.json(w.endArray());
  }

  private static void ticker(JsonWriter w, Ticker t) {
    BigDecimal change = t.lastPrice().subtract(t.firstPrice());
    w.beginObject().field("symbol", t.symbol())
        .field("firstPrice", t.firstPrice().toPlainString()).field("lastPrice", t.lastPrice().toPlainString())
        .field("priceChange", change.toPlainString())
        .field("priceChangePercent", t.firstPrice().signum() == 0 ? "0"
            : Fmt.amount(change.divide(t.firstPrice(), 6, RoundingMode.HALF_EVEN)))
        .field("high", t.high().toPlainString()).field("low", t.low().toPlainString())
        .field("volume", t.volume().toPlainString()).field("quoteVolume", t.quoteVolume().toPlainString())
        .field("trades", Long.toString(t.trades())).endObject();
  }

  private Response depth(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    int n = query.depthLimit();
    MarketSpec m = known(symbol, "Invalid market symbol");
    BookSnapshot book = mirror.book(symbol)
        .orElseThrow(() -> ApiError.badRequest("No order book yet for " + symbol));
    OwnLevels own = store.read(q.now(), null, e -> OwnLevels.of(e, symbol));
    List<Level> asks = merge(book.asks(), own.asks(), Comparator.naturalOrder());
    List<Level> bids = merge(book.bids(), own.bids(), Comparator.reverseOrder());
    JsonWriter w = new JsonWriter().beginObject();
    w.name("asks").beginArray();
    for (Level l : asks.subList(0, Math.min(n, asks.size()))) {
      w.beginArray().value(Fmt.price(m, l.price())).value(Fmt.quantity(m, l.quantity())).endArray();
    }
    w.endArray().name("bids").beginArray();
    List<Level> top = bids.subList(0, Math.min(n, bids.size()));
    for (int i = top.size() - 1; i >= 0; i--) { // ascending, best last, as the live API sends them
      w.beginArray().value(Fmt.price(m, top.get(i).price())).value(Fmt.quantity(m, top.get(i).quantity())).endArray();
    }
    w.endArray();
    // The upstream's update id in the merged numbering (DepthIds): the levels are its book at that id plus this
    // exchange's own orders, as the streamed frames up to that id left them.
    w.field("lastUpdateId", Long.toString(depthIds.restId(symbol, book.lastUpdateId()))).field("timestamp", Math.max(q.now(), 0) * 1000);
    return Response.json(w.endObject());
  }

  private static List<Level> merge(List<Level> upstream, Map<BigDecimal, BigDecimal> own,
                                   Comparator<BigDecimal> order) {
    TreeMap<BigDecimal, BigDecimal> levels = new TreeMap<>(order);
    for (Level l : upstream) {
      levels.merge(l.price(), l.quantity(), BigDecimal::add);
    }
    own.forEach((price, quantity) -> levels.merge(price, quantity, BigDecimal::add));
    List<Level> out = new ArrayList<>(levels.size());
    levels.forEach((p, qty) -> out.add(new Level(p, qty)));
    return out;
  }

  private Response trades(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    int limit = query.limit(100, 1000);
    MarketSpec m = known(symbol, "Invalid market symbol");
    JsonWriter w = new JsonWriter().beginArray();
    for (Trade t : mirror.trades(symbol, limit)) {
      w.beginObject().field("id", t.id()).field("price", Fmt.price(m, t.price()))
          .field("quantity", Fmt.quantity(m, t.quantity()))
          .field("quoteQuantity", Fmt.amount(t.price().multiply(t.quantity())))
          .field("timestamp", t.timeMillis()).field("isBuyerMaker", t.buyerMaker()).endObject();
    }
    return Response.json(w.endArray());
  }

  private Response markPrices(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String type = query.marketType();
    JsonWriter w = new JsonWriter().beginArray();
    if (symbol != null) {
      known(symbol, "Symbol not found");
      mirror.markPrice(symbol).ifPresent(p -> markPrice(w, p));
    } else {
      String wanted = type == null ? "PERP" : type;
      for (MarketSpec m : mirror.markets()) {
        if (m.type().name().equals(wanted)) {
          mirror.markPrice(m.symbol()).ifPresent(p -> markPrice(w, p));
        }
      }
    }
    return Response.json(w.endArray());
  }

  private static void markPrice(JsonWriter w, MarkPrice p) {
    w.beginObject().field("symbol", p.symbol()).field("markPrice", p.markPrice().toPlainString())
        .field("indexPrice", p.indexPrice() == null ? null : p.indexPrice().toPlainString())
        .field("fundingRate", p.fundingRate() == null ? null : p.fundingRate().toPlainString())
        .field("nextFundingTimestamp", p.nextFundingMillis()).endObject();
  }

  private Response openInterest(Request q) {
    String symbol = q.query().string("symbol");
    if (symbol != null) {
      known(symbol, "Symbol not found");
    }
    JsonWriter w = new JsonWriter().beginArray();
    for (MarketSpec m : mirror.markets()) {
      if (!m.isPerp() || symbol != null && !symbol.equals(m.symbol())) {
        continue;
      }
      BigDecimal oi = mirror.openInterest(m.symbol()).orElse(BigDecimal.ZERO);
      w.beginObject().field("symbol", m.symbol()).field("openInterest", oi.toPlainString())
          .field("timestamp", q.now()).endObject();
    }
    return Response.json(w.endArray());
  }

}
