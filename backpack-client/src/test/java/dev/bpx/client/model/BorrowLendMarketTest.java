package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BorrowLendMarketTest {

  static final String MARKET =
      """
      {"state":"Open","assetMarkPrice":"0.99995","borrowInterestRate":"0.0812",
       "borrowedQuantity":"15234567.12","fee":"0.1","lendInterestRate":"0.0602",
       "lentQuantity":"20456789.5","maxUtilization":"0.95","openBorrowLendLimit":"50000000",
       "optimalUtilization":"0.8","symbol":"USDC","timestamp":"2025-09-11T20:10:40.699",
       "throttleUtilizationThreshold":"0.85","throttleUtilizationBound":"0.9",
       "throttleUpdateFraction":"0.05","utilization":"0.7447","stepSize":"0.000001"}
      """;

  @Test
  void borrowLendMarketDecodesFieldByField() {
    BorrowLendMarket m = parse(BorrowLendMarket.class, MARKET);

    assertThat(m.state()).isEqualTo(BorrowLendBookState.OPEN);
    assertThat(m.assetMarkPrice()).isEqualByComparingTo("0.99995");
    assertThat(m.borrowInterestRate()).isEqualByComparingTo("0.0812");
    assertThat(m.borrowedQuantity()).isEqualByComparingTo("15234567.12");
    assertThat(m.fee()).isEqualByComparingTo("0.1");
    assertThat(m.lendInterestRate()).isEqualByComparingTo("0.0602");
    assertThat(m.lentQuantity()).isEqualByComparingTo("20456789.5");
    assertThat(m.maxUtilization()).isEqualByComparingTo("0.95");
    assertThat(m.openBorrowLendLimit()).isEqualByComparingTo("50000000");
    assertThat(m.optimalUtilization()).isEqualByComparingTo("0.8");
    assertThat(m.symbol()).isEqualTo("USDC");
    assertThat(m.timestamp()).isEqualTo(Instant.parse("2025-09-11T20:10:40.699Z"));
    assertThat(m.throttleUtilizationThreshold()).isEqualByComparingTo("0.85");
    assertThat(m.throttleUtilizationBound()).isEqualByComparingTo("0.9");
    assertThat(m.throttleUpdateFraction()).isEqualByComparingTo("0.05");
    assertThat(m.utilization()).isEqualByComparingTo("0.7447");
    assertThat(m.stepSize()).isEqualByComparingTo("0.000001");
  }

  @Test
  void timestampWithZoneSuffixIsAlsoAccepted() {
    BorrowLendMarket m =
        parse(BorrowLendMarket.class, "{\"symbol\":\"USDC\",\"timestamp\":\"2025-09-11T20:10:40.699Z\"}");

    assertThat(m.timestamp()).isEqualTo(Instant.parse("2025-09-11T20:10:40.699Z"));
  }

  @Test
  void absentFieldsAreNullAndRepayOnlyDecodes() {
    BorrowLendMarket m = parse(BorrowLendMarket.class, "{\"symbol\":\"SOL\",\"state\":\"RepayOnly\"}");

    assertThat(m.state()).isEqualTo(BorrowLendBookState.REPAY_ONLY);
    assertThat(m.utilization()).isNull();
    assertThat(m.timestamp()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(BorrowLendMarket.class, withUnknownFields(MARKET)))
        .isEqualTo(parse(BorrowLendMarket.class, MARKET));
  }
}
