package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FillTest {

  static final String FILL =
      """
      {"clientId":"42","fee":"0.004974","feeSymbol":"USDC","isMaker":false,"orderId":"4238907375",
       "price":"3826.15","quantity":"0.0026","side":"Bid","symbol":"ETH_USDC_PERP",
       "systemOrderType":null,"timestamp":"2025-07-27T17:39:00.092","tradeId":9748827}
      """;

  @Test
  void fillDecodesFieldByField() {
    Fill f = parse(Fill.class, FILL);

    assertThat(f.clientId()).isEqualTo("42");
    assertThat(f.fee()).isEqualByComparingTo("0.004974");
    assertThat(f.feeSymbol()).isEqualTo("USDC");
    assertThat(f.isMaker()).isFalse();
    assertThat(f.orderId()).isEqualTo("4238907375");
    assertThat(f.price()).isEqualByComparingTo("3826.15");
    assertThat(f.quantity()).isEqualByComparingTo("0.0026");
    assertThat(f.side()).isEqualTo(Side.BID);
    assertThat(f.symbol()).isEqualTo("ETH_USDC_PERP");
    assertThat(f.systemOrderType()).isNull();
    assertThat(f.timestamp()).isEqualTo(Instant.parse("2025-07-27T17:39:00.092Z"));
    assertThat(f.tradeId()).isEqualTo(9_748_827L);
  }

  @Test
  void clientIdStaysAStringEvenIfSentAsANumber() {
    Fill f = parse(Fill.class, "{\"clientId\":42,\"orderId\":\"1\"}");

    assertThat(f.clientId()).isEqualTo("42");
  }

  @Test
  void systemFillCarriesItsSystemOrderType() {
    Fill f = parse(Fill.class, "{\"orderId\":\"1\",\"systemOrderType\":\"CollateralConversion\"}");

    assertThat(f.systemOrderType()).isEqualTo(SystemOrderType.COLLATERAL_CONVERSION);
  }

  @Test
  void optionalFieldsAbsentAreNull() {
    Fill f = parse(Fill.class, "{\"orderId\":\"1\",\"price\":\"1\",\"quantity\":\"1\",\"fee\":\"0\"}");

    assertThat(f.tradeId()).isNull();
    assertThat(f.clientId()).isNull();
    assertThat(f.systemOrderType()).isNull();
    assertThat(f.timestamp()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Fill.class, withUnknownFields(FILL))).isEqualTo(parse(Fill.class, FILL));
  }
}
