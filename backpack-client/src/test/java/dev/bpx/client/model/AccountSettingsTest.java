package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountSettingsTest {

  static final String ACCOUNT =
      """
      {"autoBorrowSettlements":true,"autoLend":true,"autoRealizePnl":true,"autoRepayBorrows":true,
       "borrowLimit":"2500000","futuresMakerFee":"-2","futuresTakerFee":"5","leverageLimit":"10",
       "limitOrders":1,"liquidating":false,"positionLimit":"1000000","spotMakerFee":"8",
       "spotTakerFee":"10","triggerOrders":0}
      """;

  @Test
  void accountSettingsDecodeFieldByField() {
    AccountSettings a = parse(AccountSettings.class, ACCOUNT);

    assertThat(a.autoBorrowSettlements()).isTrue();
    assertThat(a.autoLend()).isTrue();
    assertThat(a.autoRealizePnl()).isTrue();
    assertThat(a.autoRepayBorrows()).isTrue();
    assertThat(a.borrowLimit()).isEqualByComparingTo("2500000");
    assertThat(a.futuresMakerFee()).isEqualByComparingTo("-2");
    assertThat(a.futuresTakerFee()).isEqualByComparingTo("5");
    assertThat(a.leverageLimit()).isEqualByComparingTo("10");
    assertThat(a.limitOrders()).isEqualTo(1L);
    assertThat(a.liquidating()).isFalse();
    assertThat(a.positionLimit()).isEqualByComparingTo("1000000");
    assertThat(a.spotMakerFee()).isEqualByComparingTo("8");
    assertThat(a.spotTakerFee()).isEqualByComparingTo("10");
    assertThat(a.triggerOrders()).isZero();
  }

  @Test
  void absentFieldsAreNullNotZeroOrFalse() {
    AccountSettings a = parse(AccountSettings.class, "{\"autoLend\":false}");

    assertThat(a.autoLend()).isFalse();
    assertThat(a.autoBorrowSettlements()).isNull();
    assertThat(a.spotMakerFee()).isNull();
    assertThat(a.limitOrders()).isNull();
    assertThat(a.liquidating()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(AccountSettings.class, withUnknownFields(ACCOUNT)))
        .isEqualTo(parse(AccountSettings.class, ACCOUNT));
  }
}
