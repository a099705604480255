package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BorrowLendPositionTest {

  static final String LEND =
      """
      {"id":"4330212345","symbol":"USDC","netQuantity":"950.0","netExposureQuantity":"0",
       "netExposureNotional":"0","markPrice":"1","cumulativeInterest":"0.41","imf":"0",
       "imfFunction":{"type":"sqrt","base":"0","factor":"0"},"mmf":"0",
       "mmfFunction":{"type":"sqrt","base":"0","factor":"0"},"estLiquidationPrice":"0"}
      """;

  @Test
  void lendPositionDecodesFieldByField() {
    BorrowLendPosition p = parse(BorrowLendPosition.class, LEND);

    assertThat(p.id()).isEqualTo("4330212345");
    assertThat(p.symbol()).isEqualTo("USDC");
    assertThat(p.netQuantity()).isEqualByComparingTo("950.0").isPositive();
    assertThat(p.netExposureQuantity()).isEqualByComparingTo("0");
    assertThat(p.netExposureNotional()).isEqualByComparingTo("0");
    assertThat(p.markPrice()).isEqualByComparingTo("1");
    assertThat(p.cumulativeInterest()).isEqualByComparingTo("0.41");
    assertThat(p.imf()).isEqualByComparingTo("0");
    assertThat(p.imfFunction().type()).isEqualTo("sqrt");
    assertThat(p.mmf()).isEqualByComparingTo("0");
    assertThat(p.mmfFunction().factor()).isEqualByComparingTo("0");
    assertThat(p.estLiquidationPrice()).isEqualByComparingTo("0");
  }

  @Test
  void borrowHasNegativeNetQuantity() {
    BorrowLendPosition p =
        parse(BorrowLendPosition.class, "{\"id\":\"1\",\"symbol\":\"SOL\",\"netQuantity\":\"-2.5\"}");

    assertThat(p.netQuantity()).isEqualByComparingTo("-2.5").isNegative();
  }

  @Test
  void estLiquidationPriceAbsentAsInTheRustClientIsNull() {
    BorrowLendPosition p = parse(BorrowLendPosition.class, "{\"id\":\"1\",\"symbol\":\"USDC\"}");

    assertThat(p.estLiquidationPrice()).isNull();
    assertThat(p.imfFunction()).isNull();
    assertThat(p.cumulativeInterest()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(BorrowLendPosition.class, withUnknownFields(LEND)))
        .isEqualTo(parse(BorrowLendPosition.class, LEND));
  }
}
