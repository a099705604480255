package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeTest {

  static final String TRADE =
      """
      {"id":8721564,"isBuyerMaker":false,"price":"117427.6","quantity":"0.00016",
       "quoteQuantity":"18.788416","timestamp":1753123916818}
      """;

  @Test
  void tradeDecodesFieldByField() {
    Trade t = parse(Trade.class, TRADE);

    assertThat(t.id()).isEqualTo(8_721_564L);
    assertThat(t.isBuyerMaker()).isFalse();
    assertThat(t.price()).isEqualByComparingTo("117427.6");
    assertThat(t.quantity()).isEqualByComparingTo("0.00016");
    assertThat(t.quoteQuantity()).isEqualByComparingTo("18.788416");
    assertThat(t.timestamp()).isEqualTo(Instant.parse("2025-07-21T18:51:56.818Z"));
  }

  @Test
  void tradesArrayDecodes() {
    List<Trade> trades = ModelJson.parseList(Trade.class, "[" + TRADE + "," + TRADE + "]");

    assertThat(trades).hasSize(2);
  }

  @Test
  void optionalIdAbsentIsNull() {
    Trade t = parse(Trade.class, "{\"price\":\"1\",\"quantity\":\"1\",\"timestamp\":1}");

    assertThat(t.id()).isNull();
    assertThat(t.isBuyerMaker()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Trade.class, withUnknownFields(TRADE))).isEqualTo(parse(Trade.class, TRADE));
  }
}
