package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.ApiResponse;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.model.Asset;
import dev.bpx.client.model.BorrowLendMarket;
import dev.bpx.client.model.CollateralParameter;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.FundingRate;
import dev.bpx.client.model.Kline;
import dev.bpx.client.model.KlineInterval;
import dev.bpx.client.model.KlinePriceType;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.OpenInterest;
import dev.bpx.client.model.SystemStatus;
import dev.bpx.client.model.Ticker;
import dev.bpx.client.model.TickerInterval;
import dev.bpx.client.model.Trade;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Public market data ({@code backpack-api.md} 2.1): markets, tickers, depth, klines, trades, mark
 * prices, funding rates, open interest, server time and status, assets, collateral parameters and
 * borrow-lend markets. None of these need API keys. Reads are retried on 429, 5xx and connection
 * errors.
 *
 * <p>Every method may throw {@link ValidationException} (bad argument, nothing sent),
 * {@link ApiException} and its subtypes (the exchange said no), {@link NetworkException} (no answer
 * after retries) or {@link ResponseFormatException} (unreadable answer).
 *
 * <p>Thread-safe. Get it from {@link BackpackClient#markets()}.
 */
public final class MarketService {
  private static final Set<Integer> DEPTH_LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000);

  private final HttpTransport transport;
  private final ResponseDecoder decoder;

  MarketService(HttpTransport transport, ResponseDecoder decoder) {
    this.transport = transport;
    this.decoder = decoder;
  }

  /** {@return every spot and perp market ({@code GET /api/v1/markets}, the exchange's default)} */
  public List<Market> listMarkets() {
    return checkedMarkets(getList("/api/v1/markets", Map.of(), Market.class));
  }

  /**
   * {@return the markets of one kind, e.g. {@code PERP} ({@code GET /api/v1/markets?marketType=})}
   *
   * @throws ValidationException for a null or {@code UNKNOWN} market type
   */
  public List<Market> listMarkets(MarketType marketType) {
    Args.required("marketType", marketType, "use e.g. MarketType.SPOT or MarketType.PERP");
    return checkedMarkets(getList("/api/v1/markets", Map.of("marketType", marketType.wireValue()), Market.class));
  }

  /**
   * {@return one market with its filters ({@code GET /api/v1/market})}
   *
   * @throws ApiException HTTP 400 "Invalid market symbol" for a symbol the exchange does not know
   */
  public Market getMarket(String symbol) {
    ApiRequest request = ApiRequest.get("/api/v1/market", Map.of("symbol", Args.symbol(symbol)));
    Market market = decoder.decode(request, transport.execute(request), Market.class);
    ResponseDecoder.require(request, market.symbol(), "$.symbol");
    return market;
  }

  /**
   * {@return the 24-hour ticker of one market ({@code GET /api/v1/ticker}); empty when the exchange
   * answers 204 (no data for that market)}
   */
  public Optional<Ticker> getTicker(String symbol) {
    return getTicker(symbol, null);
  }

  /**
   * {@return the ticker of one market over {@code interval} (1 day or 1 week); empty on 204}
   *
   * @param interval {@code ONE_DAY}, {@code ONE_WEEK}, or null for the exchange's default
   */
  public Optional<Ticker> getTicker(String symbol, TickerInterval interval) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("symbol", Args.symbol(symbol));
    putInterval(query, interval);
    ApiRequest request = ApiRequest.get("/api/v1/ticker", query);
    ApiResponse response = transport.execute(request);
    if (response.status() == 204 || response.hasNoBody()) {
      return Optional.empty();
    }
    return Optional.of(decoder.decode(request, response, Ticker.class));
  }

  /** {@return the 24-hour tickers of every market ({@code GET /api/v1/tickers})} */
  public List<Ticker> listTickers() {
    return listTickers(null);
  }

  /**
   * {@return the tickers of every market over {@code interval}}
   *
   * @param interval {@code ONE_DAY}, {@code ONE_WEEK}, or null for the exchange's default
   */
  public List<Ticker> listTickers(TickerInterval interval) {
    Map<String, String> query = new LinkedHashMap<>();
    putInterval(query, interval);
    return getList("/api/v1/tickers", query, Ticker.class);
  }

  /**
   * {@return the order book ({@code GET /api/v1/depth}); note bids are ascending on the wire, so the
   * best bid is {@link Depth#bestBid()}, the last element}
   */
  public Depth getDepth(String symbol) {
    ApiRequest request = ApiRequest.get("/api/v1/depth", Map.of("symbol", Args.symbol(symbol)));
    return decoder.decode(request, transport.execute(request), Depth.class);
  }

  /**
   * {@return the order book limited to {@code limit} levels per side}
   *
   * @param limit one of 5, 10, 20, 50, 100, 500, 1000
   * @throws ValidationException for any other limit
   */
  public Depth getDepth(String symbol, int limit) {
    if (!DEPTH_LIMITS.contains(limit)) {
      throw new ValidationException("limit", limit + " is not a depth Backpack accepts",
          "use one of 5, 10, 20, 50, 100, 500, 1000");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("symbol", Args.symbol(symbol));
    query.put("limit", Integer.toString(limit));
    ApiRequest request = ApiRequest.get("/api/v1/depth", query);
    return decoder.decode(request, transport.execute(request), Depth.class);
  }

  /**
   * {@return candles from {@code startTime} to now ({@code GET /api/v1/klines}; times are sent in
   * seconds, as the endpoint wants)}
   */
  public List<Kline> listKlines(String symbol, KlineInterval interval, Instant startTime) {
    return listKlines(symbol, interval, startTime, null, null);
  }

  /**
   * {@return candles between two instants (sent as Unix seconds)}
   *
   * @param endTime the end, or null for now
   * @param priceType {@code LAST} (default), {@code INDEX} or {@code MARK}; null for the default
   * @throws ValidationException if a required argument is missing or {@code startTime} is after
   *     {@code endTime}
   */
  public List<Kline> listKlines(
      String symbol, KlineInterval interval, Instant startTime, Instant endTime, KlinePriceType priceType) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("symbol", Args.symbol(symbol));
    query.put("interval", Args.required("interval", interval, "use e.g. KlineInterval.ONE_HOUR").wireValue());
    Args.required("startTime", startTime, "give the time of the first candle");
    query.put("startTime", Long.toString(startTime.getEpochSecond()));
    if (endTime != null) {
      if (endTime.isBefore(startTime)) {
        throw new ValidationException("endTime", "is before startTime", "swap startTime and endTime");
      }
      query.put("endTime", Long.toString(endTime.getEpochSecond()));
    }
    if (priceType != null) {
      query.put("priceType", Args.required("priceType", priceType, "use LAST, INDEX or MARK").wireValue());
    }
    return getList("/api/v1/klines", query, Kline.class);
  }

  /** {@return the most recent public trades of a market ({@code GET /api/v1/trades}, default 100)} */
  public List<Trade> listRecentTrades(String symbol) {
    return getList("/api/v1/trades", Map.of("symbol", Args.symbol(symbol)), Trade.class);
  }

  /**
   * {@return up to {@code limit} recent public trades}
   *
   * @param limit 1..1000
   */
  public List<Trade> listRecentTrades(String symbol, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("symbol", Args.symbol(symbol));
    query.put("limit", Integer.toString(Args.range("limit", limit, 1, 1000)));
    return getList("/api/v1/trades", query, Trade.class);
  }

  /**
   * {@return older public trades, paged ({@code GET /api/v1/trades/history}; limited by the exchange
   * to 30 requests a minute)}
   *
   * @param limit 1..1000
   * @param offset 0 or more
   */
  public List<Trade> listHistoricalTrades(String symbol, int limit, int offset) {
    return getList("/api/v1/trades/history", symbolPage(symbol, limit, 1000, offset), Trade.class);
  }

  /** {@return mark, index price and funding of every perp market ({@code GET /api/v1/markPrices})} */
  public List<MarkPrice> listMarkPrices() {
    return getList("/api/v1/markPrices", Map.of(), MarkPrice.class);
  }

  /** {@return the mark price of one market (the endpoint answers with a list even then)} */
  public List<MarkPrice> listMarkPrices(String symbol) {
    return getList("/api/v1/markPrices", Map.of("symbol", Args.symbol(symbol)), MarkPrice.class);
  }

  /** {@return the funding rate history of a perp market, newest first ({@code GET /api/v1/fundingRates})} */
  public List<FundingRate> listFundingRates(String symbol) {
    return getList("/api/v1/fundingRates", Map.of("symbol", Args.symbol(symbol)), FundingRate.class);
  }

  /**
   * {@return a page of the funding rate history}
   *
   * @param limit 1..10000
   * @param offset 0 or more
   */
  public List<FundingRate> listFundingRates(String symbol, int limit, int offset) {
    return getList("/api/v1/fundingRates", symbolPage(symbol, limit, 10_000, offset), FundingRate.class);
  }

  /** {@return the query of one page of a market's list: symbol, limit (1..maxLimit), offset (0 or more)} */
  private static Map<String, String> symbolPage(String symbol, int limit, int maxLimit, int offset) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("symbol", Args.symbol(symbol));
    query.put("limit", Integer.toString(Args.range("limit", limit, 1, maxLimit)));
    query.put("offset", Integer.toString(Args.range("offset", offset, 0, Integer.MAX_VALUE)));
    return query;
  }

  /** {@return the open interest of every perp market ({@code GET /api/v1/openInterest})} */
  public List<OpenInterest> listOpenInterest() {
    return getList("/api/v1/openInterest", Map.of(), OpenInterest.class);
  }

  /** {@return the open interest of one market (a list, as the endpoint answers)} */
  public List<OpenInterest> listOpenInterest(String symbol) {
    return getList("/api/v1/openInterest", Map.of("symbol", Args.symbol(symbol)), OpenInterest.class);
  }

  /** {@return the exchange's clock ({@code GET /api/v1/time}, plain-text epoch milliseconds)} */
  public Instant getServerTime() {
    return Instant.ofEpochMilli(transport.fetchServerTimeMillis());
  }

  /** {@return whether the exchange is up or in maintenance ({@code GET /api/v1/status})} */
  public SystemStatus getStatus() {
    ApiRequest request = ApiRequest.get("/api/v1/status");
    return decoder.decode(request, transport.execute(request), SystemStatus.class);
  }

  /**
   * Checks that the exchange answers ({@code GET /api/v1/ping}, plain text {@code pong}).
   *
   * @throws ResponseFormatException if the answer is not {@code pong}
   * @throws BackpackException if the exchange cannot be reached
   */
  public void ping() {
    ApiRequest request = ApiRequest.get("/api/v1/ping");
    ApiResponse response = transport.execute(request);
    if (!"pong".equals(response.body() == null ? null : response.body().strip())) {
      throw new ResponseFormatException(request.endpoint(), "$", "expected the text 'pong'", null);
    }
  }

  /** {@return every asset with its blockchains, deposit and withdrawal limits ({@code GET /api/v1/assets})} */
  public List<Asset> listAssets() {
    return getList("/api/v1/assets", Map.of(), Asset.class);
  }

  /** {@return the collateral weights and margin functions per asset ({@code GET /api/v1/collateral})} */
  public List<CollateralParameter> listCollateralParameters() {
    return getList("/api/v1/collateral", Map.of(), CollateralParameter.class);
  }

  /** {@return the borrow-lend markets with their rates ({@code GET /api/v1/borrowLend/markets})} */
  public List<BorrowLendMarket> listBorrowLendMarkets() {
    return getList("/api/v1/borrowLend/markets", Map.of(), BorrowLendMarket.class);
  }

  private <T> List<T> getList(String path, Map<String, String> query, Class<T> type) {
    ApiRequest request = ApiRequest.get(path, query);
    return decoder.decodeList(request, transport.execute(request), type);
  }

  private static List<Market> checkedMarkets(List<Market> markets) {
    ApiRequest request = ApiRequest.get("/api/v1/markets");
    for (int i = 0; i < markets.size(); i++) {
      ResponseDecoder.require(request, markets.get(i).symbol(), "$[" + i + "].symbol");
    }
    return markets;
  }

  private static void putInterval(Map<String, String> query, TickerInterval interval) {
    if (interval != null) {
      WireFormat.param(query, "interval", Args.required("interval", interval, "use ONE_DAY or ONE_WEEK"));
    }
  }
}
