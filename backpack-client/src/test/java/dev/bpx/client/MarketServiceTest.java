package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.ExchangeStatus;
import dev.bpx.client.model.Kline;
import dev.bpx.client.model.KlineInterval;
import dev.bpx.client.model.KlinePriceType;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.Ticker;
import dev.bpx.client.model.TickerInterval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every public endpoint: exact request, no auth headers, parsed answer. */
class MarketServiceTest {
  private static final String TICKER = """
      {"symbol":"SOL_USDC","firstPrice":"102.67","lastPrice":"101.04","priceChange":"-1.63",
       "priceChangePercent":"-0.015876","high":"104.96","low":"100.57","volume":"11469.17",
       "quoteVolume":"1175485.13","trades":"3858"}""";

  private final TestExchange exchange = new TestExchange();
  private final MarketService markets = exchange.client.markets();

  @AfterEach
  void close() {
    exchange.close();
  }

  private RecordedRequest takePublic(String path, String query) {
    RecordedRequest request = exchange.take("GET", path, query);
    TestExchange.assertUnsigned(request);
    return request;
  }

  @Test
  void listMarketsWithAndWithoutTypeFilter() {
    exchange.enqueueMarkets();
    exchange.enqueueMarkets();

    List<Market> all = markets.listMarkets();
    markets.listMarkets(MarketType.PERP);

    takePublic("/api/v1/markets", null);
    takePublic("/api/v1/markets", "marketType=PERP");
    assertThat(all).extracting(Market::symbol).containsExactly("SOL_USDC", "SOL_USDC_PERP", "BTC_USDC");
    assertThat(all.get(0).filters().price().tickSize()).isEqualByComparingTo("0.01");
  }

  @Test
  void getMarketAsksForOneSymbol() {
    exchange.enqueueJson("""
        {"symbol":"SOL_USDC","baseSymbol":"SOL","quoteSymbol":"USDC","marketType":"SPOT","orderBookState":"Open",
         "filters":{"price":{"minPrice":"0.01","tickSize":"0.01"},"quantity":{"minQuantity":"0.01","stepSize":"0.01"}}}
        """);

    Market market = markets.getMarket("SOL_USDC");

    takePublic("/api/v1/market", "symbol=SOL_USDC");
    assertThat(market.symbol()).isEqualTo("SOL_USDC");
  }

  @Test
  void tickerReturnsEmptyOn204() {
    exchange.enqueueJson(TICKER);
    exchange.enqueueEmpty(204);

    Optional<Ticker> ticker = markets.getTicker("SOL_USDC", TickerInterval.ONE_WEEK);
    Optional<Ticker> none = markets.getTicker("NEW_USDC");

    takePublic("/api/v1/ticker", "symbol=SOL_USDC&interval=1w");
    takePublic("/api/v1/ticker", "symbol=NEW_USDC");
    assertThat(ticker).get().extracting(Ticker::lastPrice).isEqualTo(new java.math.BigDecimal("101.04"));
    assertThat(none).isEmpty();
  }

  @Test
  void listTickers() {
    exchange.enqueueJson("[" + TICKER + "]");

    assertThat(markets.listTickers()).hasSize(1);

    takePublic("/api/v1/tickers", null);
  }

  @Test
  void depthWithAndWithoutLimitAndTheBestBidIsTheLastBid() {
    String depth = """
        {"asks":[["118318.3","0.00633"],["118567.2","0.08450"]],"bids":[["118200.1","0.38647"],["118310.0","1.00000"]],
         "lastUpdateId":"1504999670","timestamp":1753102447307501}""";
    exchange.enqueueJson(depth);
    exchange.enqueueJson(depth);

    Depth book = markets.getDepth("BTC_USDC");
    markets.getDepth("BTC_USDC", 5);

    takePublic("/api/v1/depth", "symbol=BTC_USDC");
    takePublic("/api/v1/depth", "symbol=BTC_USDC&limit=5");
    assertThat(book.bestBid()).get().extracting(l -> l.price()).isEqualTo(new java.math.BigDecimal("118310.0"));
  }

  @Test
  void depthRejectsALimitBackpackDoesNotAcceptWithoutSending() {
    assertThatThrownBy(() -> markets.getDepth("SOL_USDC", 7))
        .isInstanceOf(ValidationException.class).hasMessageContaining("5, 10, 20, 50, 100, 500, 1000");
    assertThat(exchange.requestCount()).isZero();
  }

  @Test
  void klinesAreAskedForInSeconds() {
    exchange.enqueueJson("""
        [{"start":"2025-07-19 13:09:00","end":"2025-07-19 13:10:00","open":"101.1","high":"101.5","low":"101.0",
          "close":"101.2","volume":"12.5","quoteVolume":"1265.3","trades":"42"}]""");
    exchange.enqueueJson("[]");

    List<Kline> klines = markets.listKlines("SOL_USDC", KlineInterval.ONE_MINUTE, Instant.ofEpochSecond(1752930540));
    markets.listKlines("SOL_USDC", KlineInterval.ONE_MONTH, Instant.ofEpochMilli(1752930540123L),
        Instant.ofEpochSecond(1752940000), KlinePriceType.MARK);

    takePublic("/api/v1/klines", "symbol=SOL_USDC&interval=1m&startTime=1752930540");
    takePublic("/api/v1/klines", "symbol=SOL_USDC&interval=1month&startTime=1752930540&endTime=1752940000&priceType=Mark");
    assertThat(klines).hasSize(1);
  }

  @Test
  void recentAndHistoricalTrades() {
    String trades = "[{\"id\":8721564,\"isBuyerMaker\":false,\"price\":\"117427.6\",\"quantity\":\"0.00016\","
        + "\"quoteQuantity\":\"18.788416\",\"timestamp\":1753123916818}]";
    exchange.enqueueJson(trades);
    exchange.enqueueJson(trades);
    exchange.enqueueJson(trades);

    assertThat(markets.listRecentTrades("BTC_USDC")).hasSize(1);
    markets.listRecentTrades("BTC_USDC", 50);
    markets.listHistoricalTrades("BTC_USDC", 100, 200);

    takePublic("/api/v1/trades", "symbol=BTC_USDC");
    takePublic("/api/v1/trades", "symbol=BTC_USDC&limit=50");
    takePublic("/api/v1/trades/history", "symbol=BTC_USDC&limit=100&offset=200");
  }

  @Test
  void markPricesFundingRatesAndOpenInterest() {
    exchange.enqueueJson("[{\"symbol\":\"SOL_USDC_PERP\",\"markPrice\":\"101.1\",\"indexPrice\":\"101.0\","
        + "\"fundingRate\":\"0.0000125\",\"nextFundingTimestamp\":1753128000000}]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[{\"symbol\":\"SOL_USDC_PERP\",\"intervalEndTimestamp\":\"2025-07-22T00:00:00\",\"fundingRate\":\"0.0000125\"}]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[{\"symbol\":\"SOL_USDC_PERP\",\"openInterest\":\"1234.5\",\"timestamp\":1753128000000}]");
    exchange.enqueueJson("[]");

    assertThat(markets.listMarkPrices()).hasSize(1);
    markets.listMarkPrices("SOL_USDC_PERP");
    assertThat(markets.listFundingRates("SOL_USDC_PERP")).hasSize(1);
    markets.listFundingRates("SOL_USDC_PERP", 10_000, 0);
    assertThat(markets.listOpenInterest()).hasSize(1);
    markets.listOpenInterest("SOL_USDC_PERP");

    takePublic("/api/v1/markPrices", null);
    takePublic("/api/v1/markPrices", "symbol=SOL_USDC_PERP");
    takePublic("/api/v1/fundingRates", "symbol=SOL_USDC_PERP");
    takePublic("/api/v1/fundingRates", "symbol=SOL_USDC_PERP&limit=10000&offset=0");
    takePublic("/api/v1/openInterest", null);
    takePublic("/api/v1/openInterest", "symbol=SOL_USDC_PERP");
  }

  @Test
  void serverTimeIsPlainTextMilliseconds() {
    exchange.enqueueText(200, "1790133798064");
    exchange.enqueueText(200, "soon");

    assertThat(markets.getServerTime()).isEqualTo(Instant.ofEpochMilli(1790133798064L));
    assertThatThrownBy(markets::getServerTime).isInstanceOf(ResponseFormatException.class);

    takePublic("/api/v1/time", null);
  }

  @Test
  void statusAndPing() {
    exchange.enqueueJson("{\"status\":\"Ok\",\"message\":null}");
    exchange.enqueueText(200, "pong");

    assertThat(markets.getStatus().status()).isEqualTo(ExchangeStatus.OK);
    markets.ping();

    takePublic("/api/v1/status", null);
    takePublic("/api/v1/ping", null);
  }

  @Test
  void assetsCollateralParametersAndBorrowLendMarkets() {
    exchange.enqueueJson("[{\"symbol\":\"USDC\",\"displayName\":\"USD Coin\",\"coingeckoId\":\"usd-coin\",\"tokens\":[]}]");
    exchange.enqueueJson("[{\"symbol\":\"SOL\",\"imfFunction\":{\"type\":\"sqrt\",\"base\":\"0.02\",\"factor\":\"0.00006\"},"
        + "\"mmfFunction\":{\"type\":\"sqrt\",\"base\":\"0.01\",\"factor\":\"0.00003\"},"
        + "\"haircutFunction\":{\"weight\":\"0.9\",\"kind\":{\"type\":\"identity\"}}}]");
    exchange.enqueueJson("[{\"symbol\":\"USDC\",\"state\":\"Open\",\"assetMarkPrice\":\"1\",\"borrowInterestRate\":\"0.1\","
        + "\"lendInterestRate\":\"0.05\",\"borrowedQuantity\":\"10\",\"lentQuantity\":\"20\",\"utilization\":\"0.5\"}]");

    assertThat(markets.listAssets()).hasSize(1);
    assertThat(markets.listCollateralParameters()).hasSize(1);
    assertThat(markets.listBorrowLendMarkets()).hasSize(1);

    takePublic("/api/v1/assets", null);
    takePublic("/api/v1/collateral", null);
    takePublic("/api/v1/borrowLend/markets", null);
  }

  @Test
  void aClientWithoutKeysCallsPublicEndpointsButNotSignedOnes() {
    try (BackpackClient keyless = BackpackClient.builder().baseUrl(exchange.server.url("/").toString()).build()) {
      exchange.enqueueText(200, "pong");
      keyless.markets().ping();
      assertThat(keyless.hasCredentials()).isFalse();

      assertThatThrownBy(() -> keyless.capital().listBalances())
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fields()).containsExactly("BACKPACK_PRIVATE_KEY");
            assertThat(e.getMessage()).contains("BACKPACK_PRIVATE_KEY").contains("BACKPACK_PUBLIC_KEY");
          });
      assertThat(exchange.requestCount()).isEqualTo(1);
    }
  }
}
