package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkPriceTest {

  static final String PERP =
      """
      {"symbol":"SOL_USDC_PERP","markPrice":"101.0412","indexPrice":"101.0537",
       "fundingRate":"0.0000125000000000000000000001","nextFundingTimestamp":1757621458290}
      """;

  @Test
  void perpMarkPriceDecodesFieldByField() {
    MarkPrice p = parse(MarkPrice.class, PERP);

    assertThat(p.symbol()).isEqualTo("SOL_USDC_PERP");
    assertThat(p.markPrice()).isEqualByComparingTo("101.0412");
    assertThat(p.indexPrice()).isEqualByComparingTo("101.0537");
    assertThat(p.fundingRate().toPlainString()).isEqualTo("0.0000125000000000000000000001");
    assertThat(p.nextFundingTimestamp()).isEqualTo(Instant.parse("2025-09-11T20:10:58.290Z"));
  }

  @Test
  void spotMarkPriceHasNullFundingFields() {
    MarkPrice p = parse(MarkPrice.class, "{\"symbol\":\"SOL_USDC\",\"markPrice\":\"101.04\"}");

    assertThat(p.markPrice()).isEqualByComparingTo("101.04");
    assertThat(p.indexPrice()).isNull();
    assertThat(p.fundingRate()).isNull();
    assertThat(p.nextFundingTimestamp()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(MarkPrice.class, withUnknownFields(PERP))).isEqualTo(parse(MarkPrice.class, PERP));
  }
}
