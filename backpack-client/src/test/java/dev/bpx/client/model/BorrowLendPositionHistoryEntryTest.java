package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BorrowLendPositionHistoryEntryTest {

  static final String ROW =
      """
      {"positionId":"4330212345","quantity":"950.0","symbol":"USDC","source":"Manual",
       "cumulativeInterest":"0.41","avgInterestRate":"0.0588","side":"Lend",
       "createdAt":"2025-06-01T08:00:00.5"}
      """;

  @Test
  void rowDecodesFieldByField() {
    BorrowLendPositionHistoryEntry r = parse(BorrowLendPositionHistoryEntry.class, ROW);

    assertThat(r.positionId()).isEqualTo("4330212345");
    assertThat(r.quantity()).isEqualByComparingTo("950.0");
    assertThat(r.symbol()).isEqualTo("USDC");
    assertThat(r.source()).isEqualTo(BorrowLendSource.MANUAL);
    assertThat(r.cumulativeInterest()).isEqualByComparingTo("0.41");
    assertThat(r.avgInterestRate()).isEqualByComparingTo("0.0588");
    assertThat(r.side()).isEqualTo(BorrowLendSide.LEND);
    assertThat(r.createdAt()).isEqualTo(Instant.parse("2025-06-01T08:00:00.5Z"));
  }

  @Test
  void absentFieldsAreNull() {
    BorrowLendPositionHistoryEntry r = parse(BorrowLendPositionHistoryEntry.class, "{\"positionId\":\"1\"}");

    assertThat(r.side()).isNull();
    assertThat(r.avgInterestRate()).isNull();
    assertThat(r.createdAt()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(BorrowLendPositionHistoryEntry.class, withUnknownFields(ROW)))
        .isEqualTo(parse(BorrowLendPositionHistoryEntry.class, ROW));
  }
}
