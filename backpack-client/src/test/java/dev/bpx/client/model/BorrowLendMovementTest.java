package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BorrowLendMovementTest {

  static final String MOVEMENT =
      """
      {"eventType":"Lend","positionId":"4330212345","positionQuantity":"950.0","quantity":"50.0",
       "source":"AutoLend","symbol":"USDC","timestamp":"2025-07-23T13:55:54.267",
       "spotMarginOrderId":"8284671277"}
      """;

  @Test
  void movementDecodesFieldByField() {
    BorrowLendMovement m = parse(BorrowLendMovement.class, MOVEMENT);

    assertThat(m.eventType()).isEqualTo(BorrowLendEventType.LEND);
    assertThat(m.positionId()).isEqualTo("4330212345");
    assertThat(m.positionQuantity()).isEqualByComparingTo("950.0");
    assertThat(m.quantity()).isEqualByComparingTo("50.0");
    assertThat(m.source()).isEqualTo(BorrowLendSource.AUTO_LEND);
    assertThat(m.symbol()).isEqualTo("USDC");
    assertThat(m.timestamp()).isEqualTo(Instant.parse("2025-07-23T13:55:54.267Z"));
    assertThat(m.spotMarginOrderId()).isEqualTo("8284671277");
  }

  @Test
  void optionalFieldsAbsentAreNull() {
    BorrowLendMovement m =
        parse(BorrowLendMovement.class, "{\"eventType\":\"BorrowRepay\",\"source\":\"AutoBorrowRepay\"}");

    assertThat(m.eventType()).isEqualTo(BorrowLendEventType.BORROW_REPAY);
    assertThat(m.source()).isEqualTo(BorrowLendSource.AUTO_BORROW_REPAY);
    assertThat(m.positionQuantity()).isNull();
    assertThat(m.spotMarginOrderId()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(BorrowLendMovement.class, withUnknownFields(MOVEMENT)))
        .isEqualTo(parse(BorrowLendMovement.class, MOVEMENT));
  }
}
