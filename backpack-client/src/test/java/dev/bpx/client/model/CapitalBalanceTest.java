package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapitalBalanceTest {

  static final String USDC = "{\"available\":\"46.157501635\",\"locked\":\"1.5\",\"staked\":\"0\"}";

  @Test
  void capitalBalanceDecodesFieldByField() {
    CapitalBalance b = parse(CapitalBalance.class, USDC);

    assertThat(b.available()).isEqualByComparingTo("46.157501635");
    assertThat(b.locked()).isEqualByComparingTo("1.5");
    assertThat(b.staked()).isEqualByComparingTo("0");
  }

  @Test
  void absentAmountsAreNullNotZero() {
    CapitalBalance b = parse(CapitalBalance.class, "{\"available\":\"1\"}");

    assertThat(b.locked()).isNull();
    assertThat(b.staked()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(CapitalBalance.class, withUnknownFields(USDC))).isEqualTo(parse(CapitalBalance.class, USDC));
  }
}
