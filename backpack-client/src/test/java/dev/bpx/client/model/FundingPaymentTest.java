package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FundingPaymentTest {

  static final String PAYMENT =
      """
      {"userId":1813870,"subaccountId":3,"symbol":"ETH_USDC_PERP","quantity":"-0.022061",
       "intervalEndTimestamp":"2025-07-22T00:00:00","fundingRate":"0.0000125"}
      """;

  @Test
  void fundingPaymentDecodesFieldByField() {
    FundingPayment p = parse(FundingPayment.class, PAYMENT);

    assertThat(p.userId()).isEqualTo(1_813_870L);
    assertThat(p.subaccountId()).isEqualTo(3);
    assertThat(p.symbol()).isEqualTo("ETH_USDC_PERP");
    assertThat(p.quantity()).isEqualByComparingTo("-0.022061");
    assertThat(p.intervalEndTimestamp()).isEqualTo(Instant.parse("2025-07-22T00:00:00Z"));
    assertThat(p.fundingRate()).isEqualByComparingTo("0.0000125");
  }

  @Test
  void optionalSubaccountAbsentIsNull() {
    FundingPayment p = parse(FundingPayment.class, PAYMENT.replace("\"subaccountId\":3,", ""));

    assertThat(p.subaccountId()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(FundingPayment.class, withUnknownFields(PAYMENT))).isEqualTo(parse(FundingPayment.class, PAYMENT));
  }
}
