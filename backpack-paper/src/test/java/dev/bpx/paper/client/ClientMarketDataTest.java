package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Asset;
import dev.bpx.client.model.CollateralParameter;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.ExchangeStatus;
import dev.bpx.client.model.FundingRate;
import dev.bpx.client.model.Kline;
import dev.bpx.client.model.KlineInterval;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.OpenInterest;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.Ticker;
import dev.bpx.client.model.Trade;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Public market data read through the typed client from a paper exchange over real HTTP. */
class ClientMarketDataTest {
  private final PaperWithClient px = new PaperWithClient();

  @AfterEach
  void tearDown() {
    px.close();
  }

  @Test
  void marketsListSpotAndPerpWithTheirFilters() {
    List<Market> markets = px.client.markets().listMarkets();
    assertThat(markets).extracting(Market::symbol)
        .contains("BTC_USDC", "ETH_USDC", "SOL_USDC", "BTC_USDC_PERP", "ETH_USDC_PERP", "SOL_USDC_PERP");
    assertThat(px.client.markets().listMarkets(MarketType.PERP)).allSatisfy(m -> {
      assertThat(m.marketType()).isEqualTo(MarketType.PERP);
      assertThat(m.fundingInterval()).isEqualTo(3_600_000L);
      assertThat(m.imfFunction()).isNotNull();
    });
    Market sol = px.client.markets().getMarket("SOL_USDC");
    assertThat(sol.baseSymbol()).isEqualTo("SOL");
    assertThat(sol.filters().price().tickSize()).isEqualByComparingTo("0.01");
    assertThat(sol.filters().quantity().stepSize()).isEqualByComparingTo("0.01");
  }

  @Test
  void tickerDepthAndTradesDescribeTheSameMarket() {
    px.paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
    px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, new BigDecimal("1")).build());

    Ticker ticker = px.client.markets().getTicker("SOL_USDC").orElseThrow();
    assertThat(ticker.symbol()).isEqualTo("SOL_USDC");
    assertThat(ticker.lastPrice()).isBetween(new BigDecimal("149"), new BigDecimal("151"));
    assertThat(px.client.markets().listTickers()).hasSizeGreaterThanOrEqualTo(6);

    Depth depth = px.client.markets().getDepth("SOL_USDC");
    assertThat(depth.bids()).isNotEmpty();
    assertThat(depth.asks()).isNotEmpty();
    List<BigDecimal> bidPrices = depth.bids().stream().map(PriceLevel::price).toList();
    assertThat(bidPrices).isSortedAccordingTo(BigDecimal::compareTo); // ascending, as Backpack sends them
    assertThat(depth.asks().get(0).price()).isGreaterThan(bidPrices.get(bidPrices.size() - 1));

    List<Trade> trades = px.client.markets().listRecentTrades("SOL_USDC");
    assertThat(trades).isNotEmpty();
    assertThat(trades.get(0).quantity()).isEqualByComparingTo("1");
    assertThat(px.client.markets().listHistoricalTrades("SOL_USDC", 10, 0)).isNotEmpty();
  }

  @Test
  void klinesCoverTheDayBeforeBirthAndTheTimeSince() {
    px.advance(Duration.ofMinutes(5));
    List<Kline> hourly = px.client.markets().listKlines("BTC_USDC", KlineInterval.ONE_HOUR,
        PaperWithClient.T0.minus(Duration.ofHours(6)));
    assertThat(hourly).hasSizeBetween(6, 7);
    assertThat(hourly).allSatisfy(k -> {
      assertThat(k.high()).isGreaterThanOrEqualTo(k.low());
      assertThat(k.end()).isAfter(k.start());
    });
    List<Kline> minutes = px.client.markets().listKlines("BTC_USDC", KlineInterval.ONE_MINUTE,
        PaperWithClient.T0.minus(Duration.ofMinutes(2)));
    assertThat(minutes).hasSizeBetween(6, 8);
  }

  @Test
  void markPricesFundingRatesAndOpenInterestAreListedPerPerp() {
    px.advance(Duration.ofHours(2));
    List<MarkPrice> marks = px.client.markets().listMarkPrices();
    assertThat(marks).extracting(MarkPrice::symbol).contains("SOL_USDC_PERP", "BTC_USDC_PERP");
    MarkPrice sol = px.client.markets().listMarkPrices("SOL_USDC_PERP").get(0);
    assertThat(sol.markPrice()).isPositive();
    assertThat(sol.nextFundingTimestamp()).isAfter(px.clock.instant());

    List<FundingRate> rates = px.client.markets().listFundingRates("SOL_USDC_PERP");
    assertThat(rates).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rates.get(0).intervalEndTimestamp()).isAfter(rates.get(1).intervalEndTimestamp());

    List<OpenInterest> oi = px.client.markets().listOpenInterest("SOL_USDC_PERP");
    assertThat(oi).singleElement().satisfies(o -> assertThat(o.openInterest()).isNotNull());
    assertThat(px.client.markets().listOpenInterest()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void statusTimePingAssetsAndCollateralParametersAnswer() {
    assertThat(px.client.markets().getStatus().status()).isEqualTo(ExchangeStatus.OK);
    assertThat(px.client.markets().getServerTime()).isEqualTo(px.clock.instant());
    px.client.markets().ping();
    assertThat(px.client.markets().listAssets()).extracting(Asset::symbol).contains("USDC", "BTC", "ETH", "SOL");
    assertThat(px.client.markets().listCollateralParameters())
        .extracting(CollateralParameter::symbol).contains("BTC", "SOL");
    assertThat(px.client.markets().listCollateralParameters())
        .allSatisfy(c -> assertThat(c.haircutFunction()).isNotNull());
    assertThat(px.client.markets().listBorrowLendMarkets()).isNotEmpty();
  }
}
