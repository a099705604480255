package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxWithdrawalQuantityTest {

  static final String JSON =
      "{\"symbol\":\"SOL\",\"maxWithdrawalQuantity\":\"12.5\",\"autoBorrow\":false,\"autoLendRedeem\":true}";

  @Test
  void maxWithdrawalQuantityDecodesFieldByField() {
    MaxWithdrawalQuantity q = parse(MaxWithdrawalQuantity.class, JSON);

    assertThat(q.symbol()).isEqualTo("SOL");
    assertThat(q.maxWithdrawalQuantity()).isEqualByComparingTo("12.5");
    assertThat(q.autoBorrow()).isFalse();
    assertThat(q.autoLendRedeem()).isTrue();
  }

  @Test
  void optionalEchoesAbsentAreNull() {
    MaxWithdrawalQuantity q =
        parse(MaxWithdrawalQuantity.class, "{\"symbol\":\"SOL\",\"maxWithdrawalQuantity\":\"1\"}");

    assertThat(q.autoBorrow()).isNull();
    assertThat(q.autoLendRedeem()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(MaxWithdrawalQuantity.class, withUnknownFields(JSON)))
        .isEqualTo(parse(MaxWithdrawalQuantity.class, JSON));
  }
}
