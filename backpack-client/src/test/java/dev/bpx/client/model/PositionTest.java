package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PositionTest {

  /** ccxt capture, api.md section 6.1. */
  static final String POSITIONS =
      """
      [{"breakEvenPrice":"4460.3195","cumulativeFundingPayment":"-0.022061","cumulativeInterest":"0",
        "entryPrice":"4447.065","estLiquidationPrice":"0","imf":"0.02",
        "imfFunction":{"base":"0.02","factor":"0.0000935","type":"sqrt"},"markPrice":"4420.23644794",
        "mmf":"0.0125","mmfFunction":{"base":"0.0125","factor":"0.0000561","type":"sqrt"},
        "netCost":"8.89413","netExposureNotional":"8.84047289588","netExposureQuantity":"0.002",
        "netQuantity":"0.002","pnlRealized":"-0.054434","pnlUnrealized":"0.000776",
        "positionId":"5479295502","subaccountId":null,"symbol":"ETH_USDC_PERP","userId":1813870}]
      """;

  @Test
  void positionDecodesFieldByField() {
    List<Position> list = ModelJson.parseList(Position.class, POSITIONS);
    Position p = list.get(0);

    assertThat(p.breakEvenPrice()).isEqualByComparingTo("4460.3195");
    assertThat(p.cumulativeFundingPayment()).isEqualByComparingTo("-0.022061");
    assertThat(p.cumulativeInterest()).isEqualByComparingTo("0");
    assertThat(p.entryPrice()).isEqualByComparingTo("4447.065");
    assertThat(p.estLiquidationPrice()).isEqualByComparingTo("0");
    assertThat(p.imf()).isEqualByComparingTo("0.02");
    assertThat(p.imfFunction().type()).isEqualTo("sqrt");
    assertThat(p.imfFunction().base()).isEqualByComparingTo("0.02");
    assertThat(p.imfFunction().factor()).isEqualByComparingTo("0.0000935");
    assertThat(p.markPrice()).isEqualByComparingTo("4420.23644794");
    assertThat(p.mmf()).isEqualByComparingTo("0.0125");
    assertThat(p.mmfFunction().factor()).isEqualByComparingTo("0.0000561");
    assertThat(p.netCost()).isEqualByComparingTo("8.89413");
    assertThat(p.netExposureNotional()).isEqualByComparingTo("8.84047289588");
    assertThat(p.netExposureQuantity()).isEqualByComparingTo("0.002");
    assertThat(p.netQuantity()).isEqualByComparingTo("0.002");
    assertThat(p.pnlRealized()).isEqualByComparingTo("-0.054434");
    assertThat(p.pnlUnrealized()).isEqualByComparingTo("0.000776");
    assertThat(p.positionId()).isEqualTo("5479295502");
    assertThat(p.subaccountId()).isNull();
    assertThat(p.symbol()).isEqualTo("ETH_USDC_PERP");
    assertThat(p.userId()).isEqualTo(1_813_870L);
  }

  @Test
  void cumulativeInterestBeingRemovedIsNullWhenAbsent() {
    Position p =
        parse(Position.class, "{\"symbol\":\"ETH_USDC_PERP\",\"positionId\":\"1\",\"netQuantity\":\"-1\"}");

    assertThat(p.netQuantity()).isNegative();
    assertThat(p.cumulativeInterest()).isNull();
    assertThat(p.subaccountId()).isNull();
    assertThat(p.imfFunction()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String one = POSITIONS.strip().substring(1, POSITIONS.strip().length() - 1);

    assertThat(parse(Position.class, withUnknownFields(one))).isEqualTo(parse(Position.class, one));
  }
}
