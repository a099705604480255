package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlementTest {

  static final String SETTLEMENT =
      """
      {"quantity":"-0.054434","source":"RealizePnl","subaccountId":2,
       "timestamp":"2025-09-11T20:10:40.699","userId":1813870,"positionId":"5479295502",
       "engineSequence":918273645546}
      """;

  @Test
  void settlementDecodesFieldByField() {
    Settlement s = parse(Settlement.class, SETTLEMENT);

    assertThat(s.quantity()).isEqualByComparingTo("-0.054434");
    assertThat(s.source()).isEqualTo(SettlementSource.REALIZE_PNL);
    assertThat(s.subaccountId()).isEqualTo(2);
    assertThat(s.timestamp()).isEqualTo(Instant.parse("2025-09-11T20:10:40.699Z"));
    assertThat(s.userId()).isEqualTo(1_813_870L);
    assertThat(s.positionId()).isEqualTo("5479295502");
    assertThat(s.engineSequence()).isEqualTo(918_273_645_546L);
  }

  @Test
  void optionalFieldsAbsentAreNull() {
    Settlement s =
        parse(
            Settlement.class,
            "{\"quantity\":\"0.01\",\"source\":\"TradingFees\",\"timestamp\":\"2025-09-11T20:10:40\",\"userId\":1}");

    assertThat(s.source()).isEqualTo(SettlementSource.TRADING_FEES);
    assertThat(s.subaccountId()).isNull();
    assertThat(s.positionId()).isNull();
    assertThat(s.engineSequence()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Settlement.class, withUnknownFields(SETTLEMENT))).isEqualTo(parse(Settlement.class, SETTLEMENT));
  }
}
