package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.store.JournaledEngine;
import java.math.BigDecimal;
import java.util.List;

/** The public market-data endpoints (no signature). */
final class PublicRoutes {
  private static final String[] KLINE_INTERVALS = {"1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h",
      "6h", "8h", "12h", "1d", "3d", "1w", "1month"};
  /** At most this many klines per request, the newest ones when the range holds more (ccxt assumes 1000). */
  private static final int MAX_KLINES = 1000;
  private final JournaledEngine store;

  PublicRoutes(JournaledEngine store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("GET", "/api/v1/markets", this::markets);
    r.add("GET", "/api/v1/market", this::market);
    r.add("GET", "/api/v1/ticker", this::ticker);
    r.add("GET", "/api/v1/tickers", this::tickers);
    r.add("GET", "/api/v1/depth", this::depth);
    r.add("GET", "/api/v1/klines", this::klines);
    r.add("GET", "/api/v1/trades", q -> trades(q, false));
    r.add("GET", "/api/v1/trades/history", q -> trades(q, true));
    r.add("GET", "/api/v1/markPrices", this::markPrices);
    r.add("GET", "/api/v1/fundingRates", this::fundingRates);
    r.add("GET", "/api/v1/openInterest", this::openInterest);
    r.add("GET", "/api/v1/assets", this::assets);
    r.add("GET", "/api/v1/collateral", this::collateral);
    r.add("GET", "/api/v1/borrowLend/markets", this::borrowLendMarkets);
    r.add("GET", "/api/v1/status", q -> Response.json(new JsonWriter().beginObject()
        .field("status", "Ok").field("message", (String) null).endObject()));
    r.add("GET", "/api/v1/ping", q -> Response.text(200, "pong"));
    r.add("GET", "/api/v1/time", q -> Response.text(200, Long.toString(q.now())));
  }

  private Response markets(Request q) {
    Query query = q.query();
    List<String> types = query.all("marketType");
    for (String t : types) {
      if (!Query.MARKET_TYPES.contains(t)) {
        throw ParseError.param("marketType", "failed to parse \"MarketType\": Expect a valid enumeration value.");
      }
    }
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      for (ExchangeView.Market m : e.markets().values()) {
        if ((types.isEmpty() || types.contains(m.spec().type().name())) && e.isListed(m.spec().symbol())) {
          MarketJson.market(w, m.spec());
        }
      }
      return Response.json(w.endArray());
    });
  }

  private Response market(Request q) {
    String symbol = q.query().required("symbol");
    return store.read(q.now(), null, e -> {
      ExchangeView.Market m = known(e, symbol, "Invalid market symbol");
      JsonWriter w = new JsonWriter();
      MarketJson.market(w, m.spec());
      return Response.json(w);
    });
  }

  private static ExchangeView.Market known(ExchangeView e, String symbol, String message) {
    ExchangeView.Market m = e.markets().get(symbol);
    if (m == null || !e.isListed(symbol)) {
      throw ApiError.badRequest(message);
    }
    return m;
  }

  private static long window(Query query) {
    String interval = query.oneOf("interval", "TickerInterval", "1d", "1w");
    return "1w".equals(interval) ? 7 * 86_400_000L : 86_400_000L;
  }

  private Response ticker(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    long window = window(query);
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter();
      MarketJson.ticker(w, known(e, symbol, "Invalid market symbol"), at(e, q), window);
      return Response.json(w);
    });
  }

  private Response tickers(Request q) {
    long window = window(q.query());
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      for (ExchangeView.Market m : e.markets().values()) {
        MarketJson.ticker(w, m, at(e, q), window);
      }
      return Response.json(w.endArray());
    });
  }

  private Response depth(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    int n = query.depthLimit();
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter();
      MarketJson.depth(w, known(e, symbol, "Invalid market symbol"), n, at(e, q));
      return Response.json(w);
    });
  }

  private Response klines(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    String interval = query.oneOf("interval", "KlineInterval", KLINE_INTERVALS);
    if (interval == null) {
      throw ParseError.param("interval", "Type \"KlineInterval\" expects an input, but not found");
    }
    query.oneOf("priceType", "KlinePriceType", "Last", "Index", "Mark");
    Long start = query.number("startTime", "int64", Long.MIN_VALUE, Long.MAX_VALUE);
    if (start == null) {
      throw ParseError.param("startTime", "Type \"integer(int64)\" expects an input, but not found");
    }
    Long end = query.number("endTime", "int64", Long.MIN_VALUE, Long.MAX_VALUE);
    long step = Candles.intervalMillis(interval);
    return store.read(q.now(), null, e -> {
      ExchangeView.Market m = known(e, symbol, "Invalid market symbol");
      long to = end == null ? at(e, q) : Math.min(end * 1000, at(e, q));
      long from = Math.max(Candles.windowStart(start * 1000, step), firstOfLast(MAX_KLINES, to, step));
      JsonWriter w = new JsonWriter().beginArray();
      for (long t = from; t < to; t += step) {
        // 1s: the one-second candles (the last 1000 seconds, none before birth); longer: sums of minutes.
        List<Candles.Bucket> in = step < Candles.MINUTE ? m.candles().seconds().range(t, t + step)
            : m.candles().range(t, t + step);
        if (!in.isEmpty()) {
          MarketJson.kline(w, m.spec(), t, t + step, in);
        }
      }
      return Response.json(w.endArray());
    });
  }

  /**
   * {@return the start of the oldest of the {@code n} newest windows starting before {@code to}} On the interval's
   * grid: {@code to} is usually the clock's time, so {@code to - n × step} would label each candle with the
   * current second and one window early (each summing the minutes of the two windows it straddles).
   */
  private static long firstOfLast(int n, long to, long step) {
    return Candles.windowStart(to - 1, step) - (n - 1) * step;
  }

  private Response trades(Request q, boolean history) {
    Query query = q.query();
    String symbol = query.required("symbol");
    int limit = query.limit(100, 1000);
    int offset = history ? query.offset() : 0;
    return store.read(q.now(), null, e -> {
      ExchangeView.Market m = known(e, symbol, "Invalid market symbol");
      JsonWriter w = new JsonWriter().beginArray();
      m.trades().stream().skip(offset).limit(limit).forEach(t -> MarketJson.trade(w, m.spec(), t));
      return Response.json(w.endArray());
    });
  }

  private Response markPrices(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String type = query.marketType();
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      if (symbol != null) {
        MarketJson.markPrice(w, known(e, symbol, "Symbol not found"), at(e, q));
      } else {
        String wanted = type == null ? "PERP" : type;
        for (ExchangeView.Market m : e.markets().values()) {
          if (m.spec().type().name().equals(wanted)) {
            MarketJson.markPrice(w, m, at(e, q));
          }
        }
      }
      return Response.json(w.endArray());
    });
  }

  private Response fundingRates(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    int limit = query.limit(100, 10000);
    int offset = query.offset();
    return store.read(q.now(), null, e -> {
      ExchangeView.Market m = known(e, symbol, "Invalid market symbol");
      JsonWriter w = new JsonWriter().beginArray();
      List<Records.FundingPayment> rows = m.fundingHistory();
      for (int i = rows.size() - 1 - offset, n = 0; i >= 0 && n < limit; i--, n++) {
        Records.FundingPayment f = rows.get(i);
        w.beginObject().field("symbol", f.symbol()).field("intervalEndTimestamp", Fmt.naive(f.intervalEnd()))
            .field("fundingRate", Fmt.amount(f.fundingRate())).endObject();
      }
      return Response.json(w.endArray());
    });
  }

  private Response openInterest(Request q) {
    String symbol = q.query().string("symbol");
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      for (ExchangeView.Market m : e.markets().values()) {
        if (!m.spec().isPerp() || symbol != null && !symbol.equals(m.spec().symbol())) {
          continue;
        }
        MarketJson.openInterest(w, m, e.openInterest(m.spec().symbol()), at(e, q));
      }
      if (symbol != null && !e.markets().containsKey(symbol)) {
        throw ApiError.badRequest("Symbol not found");
      }
      return Response.json(w.endArray());
    });
  }

  private Response assets(Request q) {
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      e.assets().values().forEach(a -> MarketJson.asset(w, a));
      return Response.json(w.endArray());
    });
  }

  private Response collateral(Request q) {
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      e.assets().values().forEach(a -> MarketJson.collateralParams(w, a));
      return Response.json(w.endArray());
    });
  }

  private Response borrowLendMarkets(Request q) {
    return store.read(q.now(), null, e -> {
      JsonWriter w = new JsonWriter().beginArray();
      for (AssetSpec a : e.assets().values()) {
        BigDecimal lent = BigDecimal.ZERO;
        BigDecimal borrowed = BigDecimal.ZERO;
        for (Account acc : e.users()) {
          BigDecimal n = acc.lent(a.symbol());
          lent = n.signum() > 0 ? lent.add(n) : lent;
          borrowed = n.signum() < 0 ? borrowed.subtract(n) : borrowed;
        }
        MarketJson.borrowLendMarket(w, a, e.assetPrice(a.symbol()), lent, borrowed, at(e, q));
      }
      return Response.json(w.endArray());
    });
  }

  /**
   * {@return the time a read answers for: the request's, or the last command's if later} The
   * replica read has taken every step up to the request's time; between steps only the clock moves.
   */
  private static long at(ExchangeView e, Request q) {
    return Math.max(e.now(), q.now());
  }
}
