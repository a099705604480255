package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollateralSummaryTest {

  static final String SUMMARY =
      """
      {"assetsValue":"10.65","borrowLiability":"0","imf":"0.02","unsettledEquity":"0",
       "liabilitiesValue":"0","marginFraction":null,"mmf":"0.0125","netEquity":"10.65",
       "netEquityAvailable":"10.6","netEquityLocked":"0.05","netExposureFutures":"0",
       "pnlUnrealized":"0",
       "collateral":[{"symbol":"USDC","assetMarkPrice":"1","totalQuantity":"10.6524044577",
         "balanceNotional":"10.6524044577","collateralWeight":"1","collateralValue":"10.6524044577",
         "openOrderQuantity":"0","lendQuantity":"10.6524044577","availableQuantity":"0"}]}
      """;

  @Test
  void collateralSummaryDecodesFieldByField() {
    CollateralSummary s = parse(CollateralSummary.class, SUMMARY);

    assertThat(s.assetsValue()).isEqualByComparingTo("10.65");
    assertThat(s.borrowLiability()).isEqualByComparingTo("0");
    assertThat(s.imf()).isEqualByComparingTo("0.02");
    assertThat(s.unsettledEquity()).isEqualByComparingTo("0");
    assertThat(s.liabilitiesValue()).isEqualByComparingTo("0");
    assertThat(s.marginFraction()).isNull();
    assertThat(s.mmf()).isEqualByComparingTo("0.0125");
    assertThat(s.netEquity()).isEqualByComparingTo("10.65");
    assertThat(s.netEquityAvailable()).isEqualByComparingTo("10.6");
    assertThat(s.netEquityLocked()).isEqualByComparingTo("0.05");
    assertThat(s.netExposureFutures()).isEqualByComparingTo("0");
    assertThat(s.pnlUnrealized()).isEqualByComparingTo("0");

    CollateralAsset usdc = s.collateral().get(0);
    assertThat(usdc.symbol()).isEqualTo("USDC");
    assertThat(usdc.assetMarkPrice()).isEqualByComparingTo("1");
    assertThat(usdc.totalQuantity()).isEqualByComparingTo("10.6524044577");
    assertThat(usdc.balanceNotional()).isEqualByComparingTo("10.6524044577");
    assertThat(usdc.collateralWeight()).isEqualByComparingTo("1");
    assertThat(usdc.collateralValue()).isEqualByComparingTo("10.6524044577");
    assertThat(usdc.openOrderQuantity()).isEqualByComparingTo("0");
    assertThat(usdc.lendQuantity()).isEqualByComparingTo("10.6524044577");
    assertThat(usdc.availableQuantity()).isEqualByComparingTo("0");
  }

  @Test
  void marginFractionPresentDecodes() {
    CollateralSummary s = parse(CollateralSummary.class, "{\"marginFraction\":\"0.4521\"}");

    assertThat(s.marginFraction()).isEqualByComparingTo("0.4521");
  }

  @Test
  void absentFieldsAreNullAndMissingCollateralIsEmpty() {
    CollateralSummary s = parse(CollateralSummary.class, "{\"netEquity\":\"1\"}");

    assertThat(s.collateral()).isEmpty();
    assertThat(s.marginFraction()).isNull();
    assertThat(s.assetsValue()).isNull();
    CollateralAsset a = parse(CollateralAsset.class, "{\"symbol\":\"SOL\"}");
    assertThat(a.lendQuantity()).isNull();
    assertThat(a.totalQuantity()).isNull();
  }

  @Test
  void nullElementsInsideTheCollateralArrayAreDroppedRatherThanThrowing() {
    CollateralSummary s =
        parse(CollateralSummary.class, "{\"collateral\":[null,{\"symbol\":\"USDC\"},null]}");

    assertThat(s.collateral()).extracting(CollateralAsset::symbol).containsExactly("USDC");
  }

  @Test
  void unknownFieldsAreIgnored() {
    String withUnknowns =
        withUnknownFields(SUMMARY).replace("\"availableQuantity\":\"0\"", "\"availableQuantity\":\"0\",\"x\":1");

    assertThat(parse(CollateralSummary.class, withUnknowns)).isEqualTo(parse(CollateralSummary.class, SUMMARY));
  }
}
