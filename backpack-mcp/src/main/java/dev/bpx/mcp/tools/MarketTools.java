package dev.bpx.mcp.tools;

import dev.bpx.client.model.Depth;
import dev.bpx.client.model.FundingRate;
import dev.bpx.client.model.Kline;
import dev.bpx.client.model.KlineInterval;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.Ticker;
import dev.bpx.client.model.Trade;
import dev.bpx.mcp.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Public market data: markets and filters, tickers, order book, candles, trades, mark prices, funding. */
final class MarketTools {
  private static final List<String> INTERVALS =
      List.of("1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1month");
  private static final List<Integer> DEPTH_LIMITS = List.of(5, 10, 20, 50, 100, 500, 1000);
  private static final Map<String, Object> LEVELS = Schemas.array(
      Map.of("type", "array", "items", Map.of("type", "string"), "minItems", 2, "maxItems", 2), "[price, quantity], best first");

  private MarketTools() {}

  static List<ToolDef> all(TradingSession session) {
    return List.of(listMarkets(session), getMarket(session), getTicker(session), getOrderBook(session),
        getKlines(session), getRecentTrades(session), getMarkPrices(session), getFundingRates(session));
  }

  private static ToolDef listMarkets(TradingSession session) {
    Map<String, Object> compact = Schemas.object()
        .required("symbol", Schemas.string(null))
        .required("baseSymbol", Schemas.string(null))
        .required("quoteSymbol", Schemas.string(null))
        .required("marketType", Schemas.string(null))
        .optional("orderBookState", Schemas.string(null))
        .optional("tickSize", Schemas.string(null))
        .optional("minPrice", Schemas.string(null))
        .optional("maxPrice", Schemas.string(null))
        .optional("stepSize", Schemas.string(null))
        .optional("minQuantity", Schemas.string(null))
        .optional("maxQuantity", Schemas.string(null))
        .open().build();
    return new ToolDef("list_markets", "List markets",
        "Tradable markets and the filters orders must respect: tickSize (price step), stepSize (quantity step),"
            + " minQuantity, min/max price. get_market: every detail of one.",
        Schemas.object().optional("marketType", Schemas.enumOf("SPOT or PERP; default both", List.of("SPOT", "PERP"))),
        Schemas.object()
            .required("markets", Schemas.array(compact, null))
            .required("count", Schemas.count(null))
            .open().build(),
        ToolDef.Kind.READ, false,
        args -> {
          MarketType type = args.optionalEnum("marketType", MarketType::fromWire, List.of("SPOT", "PERP"));
          List<Market> markets = type == null ? session.client().markets().listMarkets() : session.client().markets().listMarkets(type);
          List<Object> rows = new ArrayList<>();
          StringBuilder text = new StringBuilder(markets.size() + " market(s):");
          for (Market m : markets) {
            rows.add(compact(m));
            text.append(' ').append(m.symbol());
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("markets", rows);
          out.put("count", markets.size());
          return new ToolDef.Result(out, text.toString());
        });
  }

  private static Map<String, Object> compact(Market m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("symbol", m.symbol());
    row.put("baseSymbol", m.baseSymbol());
    row.put("quoteSymbol", m.quoteSymbol());
    row.put("marketType", Text.wire(m.marketType()));
    if (m.orderBookState() != null) {
      row.put("orderBookState", Text.wire(m.orderBookState()));
    }
    if (m.filters() != null && m.filters().price() != null) {
      putPlain(row, "tickSize", m.filters().price().tickSize());
      putPlain(row, "minPrice", m.filters().price().minPrice());
      putPlain(row, "maxPrice", m.filters().price().maxPrice());
    }
    if (m.filters() != null && m.filters().quantity() != null) {
      putPlain(row, "stepSize", m.filters().quantity().stepSize());
      putPlain(row, "minQuantity", m.filters().quantity().minQuantity());
      putPlain(row, "maxQuantity", m.filters().quantity().maxQuantity());
    }
    return row;
  }

  private static void putPlain(Map<String, Object> row, String name, java.math.BigDecimal value) {
    if (value != null) {
      row.put(name, value.toPlainString());
    }
  }

  private static ToolDef getMarket(TradingSession session) {
    return new ToolDef("get_market", "Get one market",
        "Returns every detail of one market: filters, price bands, margin functions (perpetuals), funding interval and bounds.",
        Schemas.object().required("symbol", Schemas.symbol("The market, e.g. BTC_USDC_PERP")),
        WireJson.schema(Market.class),
        ToolDef.Kind.READ, false,
        args -> {
          Market market = session.client().markets().getMarket(args.symbol("symbol"));
          return new ToolDef.Result(WireJson.object(market), Text.market(market));
        });
  }

  private static ToolDef getTicker(TradingSession session) {
    return new ToolDef("get_ticker", "Get 24h ticker(s)",
        "Last price, 24h change (priceChangePercent is a fraction: -0.0158 = -1.58 %), high, low, volume; one"
            + " market or all.",
        Schemas.object().optional("symbol", Schemas.symbol("The market; omit for all")),
        WireJson.listSchema("tickers", Ticker.class),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.optionalSymbol("symbol");
          List<Ticker> tickers = symbol == null ? session.client().markets().listTickers()
              : session.client().markets().getTicker(symbol).map(List::of).orElse(List.of());
          Map<String, Object> out = WireJson.listResult("tickers", tickers);
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < tickers.size() && i < 20; i++) {
            Ticker t = tickers.get(i);
            text.append(i == 0 ? "" : "\n").append(t.symbol()).append(' ').append(Text.plain(t.lastPrice()))
                .append(" (24h ").append(Text.plain(t.priceChangePercent())).append(')');
          }
          return new ToolDef.Result(out, tickers.isEmpty() ? "No ticker data." : text.toString());
        });
  }

  private static ToolDef getOrderBook(TradingSession session) {
    return new ToolDef("get_order_book", "Get the order book",
        "Order book of one market: bids and asks as [price, quantity], BEST FIRST, with best bid, best ask,"
            + " spread.",
        Schemas.object()
            .required("symbol", Schemas.symbol("The market"))
            .optional("limit", Map.of("type", "integer", "enum", DEPTH_LIMITS, "description", "Levels per side (default 20)")),
        Schemas.object()
            .required("symbol", Schemas.string(null))
            .required("bids", LEVELS)
            .required("asks", LEVELS)
            .optional("bestBid", Schemas.string("absent when there are no bids"))
            .optional("bestAsk", Schemas.string("absent when there are no asks"))
            .optional("spread", Schemas.string("best ask minus best bid; absent when a side is empty"))
            .optional("lastUpdateId", Schemas.string(null))
            .open().build(),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.symbol("symbol");
          Long limit = args.optionalLong("limit", 1, 1000);
          if (limit != null && !DEPTH_LIMITS.contains(limit.intValue())) {
            throw new ToolInputException("'limit' must be one of " + DEPTH_LIMITS);
          }
          int levels = limit == null ? 20 : limit.intValue();
          Depth depth = session.client().markets().getDepth(symbol, levels);
          List<PriceLevel> bids = new ArrayList<>(depth.bids());
          Collections.reverse(bids); // the wire sends bids ascending; best first reads better
          List<PriceLevel> asks = depth.asks();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("symbol", symbol);
          out.put("bids", levels(bids, levels));
          out.put("asks", levels(asks, levels));
          String bestBid = depth.bestBid().map(l -> l.price().toPlainString()).orElse(null);
          String bestAsk = depth.bestAsk().map(l -> l.price().toPlainString()).orElse(null);
          // Absent values are left out rather than null: not every client accepts nullable types.
          if (bestBid != null) {
            out.put("bestBid", bestBid);
          }
          if (bestAsk != null) {
            out.put("bestAsk", bestAsk);
          }
          if (bestBid != null && bestAsk != null) {
            out.put("spread", depth.bestAsk().get().price().subtract(depth.bestBid().get().price()).toPlainString());
          }
          if (depth.lastUpdateId() != null) {
            out.put("lastUpdateId", depth.lastUpdateId());
          }
          return new ToolDef.Result(out, symbol + ": best bid " + bestBid + ", best ask " + bestAsk + " (" + bids.size()
              + " bid / " + asks.size() + " ask levels)");
        });
  }

  private static List<Object> levels(List<PriceLevel> levels, int max) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < levels.size() && i < max; i++) {
      out.add(List.of(levels.get(i).price().toPlainString(), levels.get(i).quantity().toPlainString()));
    }
    return out;
  }

  private static ToolDef getKlines(TradingSession session) {
    return new ToolDef("get_klines", "Get candles",
        "OHLCV candles of one market; startTime/endTime ISO-8601 (2026-11-24T00:00:00Z or 2026-11-24), default"
            + " the last 'limit'. Result start/end are UTC.",
        Schemas.object()
            .required("symbol", Schemas.symbol("The market"))
            .required("interval", Schemas.enumOf("Candle length", INTERVALS))
            .optional("startTime", Schemas.string("ISO-8601 date or instant (UTC)"))
            .optional("endTime", Schemas.string("ISO-8601 date or instant (UTC); default now"))
            .optional("limit", Schemas.limit("Most recent candles to return (default 100, max 1000)")),
        Schemas.object()
            .required("klines", Schemas.array(WireJson.schema(Kline.class), "oldest first"))
            .required("count", Schemas.count(null))
            .open().build(),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.symbol("symbol");
          KlineInterval interval = args.requiredEnum("interval", KlineInterval::fromWire, INTERVALS);
          int limit = args.limit(100);
          Instant end = time(args, "endTime");
          Instant start = time(args, "startTime");
          Instant effectiveEnd = end == null ? Instant.now() : end;
          if (start == null) {
            start = effectiveEnd.minus(length(interval).multipliedBy(limit));
          }
          List<Kline> klines = session.client().markets().listKlines(symbol, interval, start, end, null);
          List<Kline> tail = klines.size() > limit ? klines.subList(klines.size() - limit, klines.size()) : klines;
          Map<String, Object> out = WireJson.listResult("klines", tail);
          String last = tail.isEmpty() ? "" : "; last close " + Text.plain(tail.get(tail.size() - 1).close());
          return new ToolDef.Result(out, tail.size() + " " + interval.wireValue() + " candle(s) for " + symbol + last);
        });
  }

  private static Instant time(ToolArgs args, String name) {
    String text = args.optionalString(name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new ToolInputException("'" + name + "' '" + text + "' is not an ISO-8601 date or instant; use e.g. 2026-11-24 or 2026-11-24T12:00:00Z");
      }
    }
  }

  static Duration length(KlineInterval interval) {
    return switch (interval) {
      case ONE_SECOND -> Duration.ofSeconds(1);
      case ONE_MINUTE -> Duration.ofMinutes(1);
      case THREE_MINUTES -> Duration.ofMinutes(3);
      case FIVE_MINUTES -> Duration.ofMinutes(5);
      case FIFTEEN_MINUTES -> Duration.ofMinutes(15);
      case THIRTY_MINUTES -> Duration.ofMinutes(30);
      case ONE_HOUR -> Duration.ofHours(1);
      case TWO_HOURS -> Duration.ofHours(2);
      case FOUR_HOURS -> Duration.ofHours(4);
      case SIX_HOURS -> Duration.ofHours(6);
      case EIGHT_HOURS -> Duration.ofHours(8);
      case TWELVE_HOURS -> Duration.ofHours(12);
      case ONE_DAY -> Duration.ofDays(1);
      case THREE_DAYS -> Duration.ofDays(3);
      case ONE_WEEK -> Duration.ofDays(7);
      case ONE_MONTH -> Duration.ofDays(31);
      default -> Duration.ofHours(1);
    };
  }

  private static ToolDef getRecentTrades(TradingSession session) {
    return new ToolDef("get_recent_trades", "Get recent trades",
        "The most recent public trades of one market; timestamp in epoch milliseconds.",
        Schemas.object()
            .required("symbol", Schemas.symbol("The market"))
            .optional("limit", Schemas.limit("How many (default 50, max 1000)")),
        WireJson.listSchema("trades", Trade.class),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.symbol("symbol");
          List<Trade> trades = session.client().markets().listRecentTrades(symbol, args.limit(50));
          Map<String, Object> out = WireJson.listResult("trades", trades);
          return new ToolDef.Result(out, trades.size() + " trade(s) on " + symbol
              + newest(trades).map(t -> "; last at " + Text.plain(t.price())).orElse(""));
        });
  }

  /**
   * {@return the latest trade: the newest timestamp, then the highest id} Backpack answers newest
   * first, but its documentation does not promise an order, so the list's position is not trusted.
   */
  static Optional<Trade> newest(List<Trade> trades) {
    return trades.stream().max(Comparator.comparing(Trade::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Trade::id, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  private static ToolDef getMarkPrices(TradingSession session) {
    return new ToolDef("get_mark_prices", "Get mark prices and funding",
        "Mark and index price, funding rate (fraction per interval: 0.0001 = 0.01 %) and next funding time"
            + " (epoch ms) of perpetual markets.",
        Schemas.object().optional("symbol", Schemas.symbol("The perpetual market; omit for all")),
        WireJson.listSchema("markPrices", MarkPrice.class),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.optionalSymbol("symbol");
          List<MarkPrice> prices = symbol == null ? session.client().markets().listMarkPrices()
              : session.client().markets().listMarkPrices(symbol);
          Map<String, Object> out = WireJson.listResult("markPrices", prices);
          StringBuilder text = new StringBuilder();
          for (MarkPrice p : prices) {
            text.append(text.length() == 0 ? "" : "\n").append(p.symbol()).append(" mark ").append(Text.plain(p.markPrice()))
                .append(", funding ").append(Text.plain(p.fundingRate()));
          }
          return new ToolDef.Result(out, prices.isEmpty() ? "No mark prices." : text.toString());
        });
  }

  private static ToolDef getFundingRates(TradingSession session) {
    return new ToolDef("get_funding_rates", "Get funding rate history",
        "Past funding rates of one perpetual market, newest first (fraction per interval).",
        Schemas.object()
            .required("symbol", Schemas.symbol("The perpetual market"))
            .optional("limit", Schemas.limit("How many (default 24, max 1000)")),
        WireJson.listSchema("fundingRates", FundingRate.class),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.symbol("symbol");
          List<FundingRate> rates = session.client().markets().listFundingRates(symbol, args.limit(24), 0);
          Map<String, Object> out = WireJson.listResult("fundingRates", rates);
          return new ToolDef.Result(out, rates.size() + " funding rate(s) for " + symbol
              + (rates.isEmpty() ? "" : "; latest " + Text.plain(rates.get(0).fundingRate())));
        });
  }
}
