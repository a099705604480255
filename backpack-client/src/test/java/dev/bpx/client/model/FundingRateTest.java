package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FundingRateTest {

  static final String RATE =
      """
      {"symbol":"SOL_USDC_PERP","intervalEndTimestamp":"2025-07-22T00:00:00","fundingRate":"-0.000012345"}
      """;

  @Test
  void fundingRateDecodesFieldByField() {
    FundingRate r = parse(FundingRate.class, RATE);

    assertThat(r.symbol()).isEqualTo("SOL_USDC_PERP");
    assertThat(r.intervalEndTimestamp()).isEqualTo(Instant.parse("2025-07-22T00:00:00Z"));
    assertThat(r.fundingRate()).isEqualByComparingTo("-0.000012345");
  }

  @Test
  void absentFieldsAreNull() {
    FundingRate r = parse(FundingRate.class, "{\"symbol\":\"SOL_USDC_PERP\"}");

    assertThat(r.intervalEndTimestamp()).isNull();
    assertThat(r.fundingRate()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(FundingRate.class, withUnknownFields(RATE))).isEqualTo(parse(FundingRate.class, RATE));
  }
}
