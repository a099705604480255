package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketTest {

  /** Perp market, shape and values from the Rust client's test fixture (api.md section 5). */
  static final String PERP =
      """
      {"symbol":"SOL_USDC_PERP","baseSymbol":"SOL","quoteSymbol":"USDC","marketType":"PERP",
       "orderBookState":"Open","visible":true,"createdAt":"2025-01-21T06:34:54.691858",
       "filters":{"price":{"minPrice":"0.01","maxPrice":"1000","tickSize":"0.01",
         "maxMultiplier":"2","minMultiplier":"0.25","maxImpactMultiplier":"1.01",
         "minImpactMultiplier":"0.99","meanMarkPriceBand":{"maxMultiplier":"1.1","minMultiplier":"0.9"},
         "meanPremiumBand":{"tolerancePct":"0.05"},"borrowEntryFeeMaxMultiplier":null,
         "borrowEntryFeeMinMultiplier":null,"maxPriceUpdateMultiplier":"1.05",
         "minPriceUpdateMultiplier":"0.95"},
         "quantity":{"minQuantity":"0.01","maxQuantity":null,"stepSize":"0.01"},
         "leverage":{"minLeverage":"1","maxLeverage":"50","stepSize":"1"}},
       "imfFunction":{"type":"sqrt","base":"0.02","factor":"0.00006"},
       "mmfFunction":{"type":"sqrt","base":"0.0135","factor":"0.000036"},
       "fundingInterval":3600000,"fundingRateUpperBound":"100","fundingRateLowerBound":"-100",
       "openInterestLimit":"4000000","positionLimitWeight":"1"}
      """;

  /** Spot market with only the spec's required fields. */
  static final String SPOT_MINIMAL =
      """
      {"symbol":"SOL_USDC","baseSymbol":"SOL","quoteSymbol":"USDC","marketType":"SPOT",
       "orderBookState":"Open","visible":true,"createdAt":"2024-03-01T00:00:00",
       "filters":{"price":{"minPrice":"0.01","tickSize":"0.01"},
                  "quantity":{"minQuantity":"0.01","stepSize":"0.01"}}}
      """;

  @Test
  void perpMarketDecodesFieldByField() {
    Market m = parse(Market.class, PERP);

    assertThat(m.symbol()).isEqualTo("SOL_USDC_PERP");
    assertThat(m.baseSymbol()).isEqualTo("SOL");
    assertThat(m.quoteSymbol()).isEqualTo("USDC");
    assertThat(m.marketType()).isEqualTo(MarketType.PERP);
    assertThat(m.orderBookState()).isEqualTo(OrderBookState.OPEN);
    assertThat(m.visible()).isTrue();
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2025-01-21T06:34:54.691858Z"));
    assertThat(m.fundingInterval()).isEqualTo(3_600_000L);
    assertThat(m.fundingRateUpperBound()).isEqualByComparingTo("100");
    assertThat(m.fundingRateLowerBound()).isEqualByComparingTo("-100");
    assertThat(m.openInterestLimit()).isEqualByComparingTo("4000000");
    assertThat(m.positionLimitWeight()).isEqualByComparingTo("1");
    assertThat(m.rwaMarketType()).isNull();
    assertThat(m.imfFunction().type()).isEqualTo("sqrt");
    assertThat(m.imfFunction().base()).isEqualByComparingTo("0.02");
    assertThat(m.imfFunction().factor()).isEqualByComparingTo("0.00006");
    assertThat(m.mmfFunction().base()).isEqualByComparingTo("0.0135");
    assertThat(m.mmfFunction().factor()).isEqualByComparingTo("0.000036");

    PriceFilter price = m.filters().price();
    assertThat(price.minPrice()).isEqualByComparingTo("0.01");
    assertThat(price.maxPrice()).isEqualByComparingTo("1000");
    assertThat(price.tickSize()).isEqualByComparingTo("0.01");
    assertThat(price.tickSize().scale()).isEqualTo(2);
    assertThat(price.maxMultiplier()).isEqualByComparingTo("2");
    assertThat(price.minMultiplier()).isEqualByComparingTo("0.25");
    assertThat(price.maxImpactMultiplier()).isEqualByComparingTo("1.01");
    assertThat(price.minImpactMultiplier()).isEqualByComparingTo("0.99");
    assertThat(price.meanMarkPriceBand().maxMultiplier()).isEqualByComparingTo("1.1");
    assertThat(price.meanMarkPriceBand().minMultiplier()).isEqualByComparingTo("0.9");
    assertThat(price.meanPremiumBand().tolerancePct()).isEqualByComparingTo("0.05");
    assertThat(price.meanPremiumBand().indexPrice()).isNull();
    assertThat(price.borrowEntryFeeMaxMultiplier()).isNull();
    assertThat(price.borrowEntryFeeMinMultiplier()).isNull();
    assertThat(price.maxPriceUpdateMultiplier()).isEqualByComparingTo("1.05");
    assertThat(price.minPriceUpdateMultiplier()).isEqualByComparingTo("0.95");
    assertThat(price.discoveryBoundBand()).isNull();

    QuantityFilter quantity = m.filters().quantity();
    assertThat(quantity.minQuantity()).isEqualByComparingTo("0.01");
    assertThat(quantity.maxQuantity()).isNull();
    assertThat(quantity.stepSize()).isEqualByComparingTo("0.01");
  }

  @Test
  void rwaFieldsOutsideTheSpecDecodeWhenPresent() {
    Market m =
        parse(
            Market.class,
            """
            {"symbol":"AAPL_USDC_PERP","marketType":"PERP","rwaMarketType":"STOCK",
             "fundingInterval":"28800000",
             "filters":{"price":{"minPrice":"0.01","tickSize":"0.01",
               "discoveryBoundBand":{"maxMultiplier":"1.2","minMultiplier":"0.8"},
               "meanPremiumBand":{"tolerancePct":"0.05","indexPrice":"231.5",
                 "maxPremiumPct":"0.1","minPremiumPct":"-0.1"}},
               "quantity":{"minQuantity":"0.01","stepSize":"0.01"}}}
            """);

    assertThat(m.rwaMarketType()).isEqualTo("STOCK");
    assertThat(m.fundingInterval()).isEqualTo(28_800_000L);
    assertThat(m.filters().price().discoveryBoundBand().maxMultiplier()).isEqualByComparingTo("1.2");
    assertThat(m.filters().price().discoveryBoundBand().minMultiplier()).isEqualByComparingTo("0.8");
    PremiumBand band = m.filters().price().meanPremiumBand();
    assertThat(band.indexPrice()).isEqualByComparingTo("231.5");
    assertThat(band.maxPremiumPct()).isEqualByComparingTo("0.1");
    assertThat(band.minPremiumPct()).isEqualByComparingTo("-0.1");
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() {
    String withUnknowns =
        withUnknownFields(PERP)
            .replace("\"tickSize\":\"0.01\",", "\"tickSize\":\"0.01\",\"newFilter\":\"3\",")
            .replace("\"type\":\"sqrt\",\"base\":\"0.02\"", "\"type\":\"sqrt\",\"cap\":\"9\",\"base\":\"0.02\"");

    assertThat(parse(Market.class, withUnknowns)).isEqualTo(parse(Market.class, PERP));
  }

  @Test
  void optionalFieldsAbsentAreNull() {
    Market m = parse(Market.class, SPOT_MINIMAL);

    assertThat(m.marketType()).isEqualTo(MarketType.SPOT);
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(m.imfFunction()).isNull();
    assertThat(m.mmfFunction()).isNull();
    assertThat(m.fundingInterval()).isNull();
    assertThat(m.fundingRateUpperBound()).isNull();
    assertThat(m.fundingRateLowerBound()).isNull();
    assertThat(m.openInterestLimit()).isNull();
    assertThat(m.positionLimitWeight()).isNull();
    assertThat(m.rwaMarketType()).isNull();
    PriceFilter price = m.filters().price();
    assertThat(price.maxPrice()).isNull();
    assertThat(price.maxMultiplier()).isNull();
    assertThat(price.minMultiplier()).isNull();
    assertThat(price.maxImpactMultiplier()).isNull();
    assertThat(price.minImpactMultiplier()).isNull();
    assertThat(price.meanMarkPriceBand()).isNull();
    assertThat(price.meanPremiumBand()).isNull();
    assertThat(price.maxPriceUpdateMultiplier()).isNull();
    assertThat(price.minPriceUpdateMultiplier()).isNull();
    assertThat(m.filters().quantity().maxQuantity()).isNull();
  }

  @Test
  void unknownMarketTypeAndBookStateDecodeAsUnknown() {
    Market m =
        parse(Market.class, "{\"symbol\":\"X\",\"marketType\":\"MONAD\",\"orderBookState\":\"Halted\"}");

    assertThat(m.marketType()).isEqualTo(MarketType.UNKNOWN);
    assertThat(m.orderBookState()).isEqualTo(OrderBookState.UNKNOWN);
  }

  @Test
  void marketsArrayDecodes() {
    assertThat(ModelJson.parseList(Market.class, "[" + PERP + "," + SPOT_MINIMAL + "]"))
        .extracting(Market::symbol)
        .containsExactly("SOL_USDC_PERP", "SOL_USDC");
  }
}
