package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionHistoryEntryTest {

  static final String CLOSED =
      """
      {"id":"5479295502","symbol":"ETH_USDC_PERP","netQuantity":"0","netExposureQuantity":"0",
       "netExposureNotional":"0","netCost":"0","markPrice":"4420.23644794","entryPrice":"4447.065",
       "cumulativePnlRealized":"-0.054434","unrealizedPnl":"0","fundingQuantity":"-0.022061",
       "interest":"0","liquidated":"0","imf":"0.02","fees":"0.008894","state":"Closed",
       "closedVolume":"0.002","liquidationFees":"0","closingPrice":"4420.1","accountLeverage":"10",
       "openedAt":"2025-09-10T08:00:00.123","closedAt":"2025-09-11T20:10:40.699"}
      """;

  @Test
  void closedPositionDecodesFieldByField() {
    PositionHistoryEntry p = parse(PositionHistoryEntry.class, CLOSED);

    assertThat(p.id()).isEqualTo("5479295502");
    assertThat(p.symbol()).isEqualTo("ETH_USDC_PERP");
    assertThat(p.state()).isEqualTo(PositionState.CLOSED);
    assertThat(p.netQuantity()).isEqualByComparingTo("0");
    assertThat(p.netExposureQuantity()).isEqualByComparingTo("0");
    assertThat(p.netExposureNotional()).isEqualByComparingTo("0");
    assertThat(p.netCost()).isEqualByComparingTo("0");
    assertThat(p.markPrice()).isEqualByComparingTo("4420.23644794");
    assertThat(p.entryPrice()).isEqualByComparingTo("4447.065");
    assertThat(p.cumulativePnlRealized()).isEqualByComparingTo("-0.054434");
    assertThat(p.unrealizedPnl()).isEqualByComparingTo("0");
    assertThat(p.fundingQuantity()).isEqualByComparingTo("-0.022061");
    assertThat(p.interest()).isEqualByComparingTo("0");
    assertThat(p.liquidated()).isEqualByComparingTo("0");
    assertThat(p.imf()).isEqualByComparingTo("0.02");
    assertThat(p.fees()).isEqualByComparingTo("0.008894");
    assertThat(p.closedVolume()).isEqualByComparingTo("0.002");
    assertThat(p.liquidationFees()).isEqualByComparingTo("0");
    assertThat(p.closingPrice()).isEqualByComparingTo("4420.1");
    assertThat(p.accountLeverage()).isEqualByComparingTo("10");
    assertThat(p.openedAt()).isEqualTo(Instant.parse("2025-09-10T08:00:00.123Z"));
    assertThat(p.closedAt()).isEqualTo(Instant.parse("2025-09-11T20:10:40.699Z"));
  }

  @Test
  void openPositionHasNullOptionalFields() {
    PositionHistoryEntry p =
        parse(
            PositionHistoryEntry.class,
            """
            {"id":"1","symbol":"SOL_USDC_PERP","state":"Open","netQuantity":"-3","fees":"0.1"}
            """);

    assertThat(p.state()).isEqualTo(PositionState.OPEN);
    assertThat(p.closingPrice()).isNull();
    assertThat(p.accountLeverage()).isNull();
    assertThat(p.openedAt()).isNull();
    assertThat(p.closedAt()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(PositionHistoryEntry.class, withUnknownFields(CLOSED)))
        .isEqualTo(parse(PositionHistoryEntry.class, CLOSED));
  }
}
