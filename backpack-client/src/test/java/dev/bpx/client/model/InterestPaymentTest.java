package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InterestPaymentTest {

  static final String PAYMENT =
      """
      {"paymentType":"Lend","interestRate":"0.0602","interval":3600000,"marketSymbol":"USDC_USDC",
       "positionId":"4330212345","quantity":"0.0073","symbol":"USDC",
       "timestamp":"2025-07-23T13:00:00.000"}
      """;

  @Test
  void interestPaymentDecodesFieldByField() {
    InterestPayment p = parse(InterestPayment.class, PAYMENT);

    assertThat(p.paymentType()).isEqualTo(PaymentType.LEND);
    assertThat(p.interestRate()).isEqualByComparingTo("0.0602");
    assertThat(p.interval()).isEqualTo(3_600_000L);
    assertThat(p.marketSymbol()).isEqualTo("USDC_USDC");
    assertThat(p.positionId()).isEqualTo("4330212345");
    assertThat(p.quantity()).isEqualByComparingTo("0.0073");
    assertThat(p.symbol()).isEqualTo("USDC");
    assertThat(p.timestamp()).isEqualTo(Instant.parse("2025-07-23T13:00:00Z"));
  }

  @Test
  void absentFieldsAreNull() {
    InterestPayment p = parse(InterestPayment.class, "{\"paymentType\":\"UnrealizedPositivePnl\"}");

    assertThat(p.paymentType()).isEqualTo(PaymentType.UNREALIZED_POSITIVE_PNL);
    assertThat(p.interval()).isNull();
    assertThat(p.quantity()).isNull();
    assertThat(p.timestamp()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(InterestPayment.class, withUnknownFields(PAYMENT)))
        .isEqualTo(parse(InterestPayment.class, PAYMENT));
  }
}
