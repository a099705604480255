package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxOrderQuantityTest {

  static final String LIMIT =
      """
      {"symbol":"SOL_USDC","side":"Bid","maxOrderQuantity":"0.32","price":"142.10",
       "reduceOnly":false,"autoBorrow":true,"autoBorrowRepay":false,"autoLendRedeem":true}
      """;

  @Test
  void maxOrderQuantityDecodesFieldByField() {
    MaxOrderQuantity q = parse(MaxOrderQuantity.class, LIMIT);

    assertThat(q.symbol()).isEqualTo("SOL_USDC");
    assertThat(q.side()).isEqualTo(Side.BID);
    assertThat(q.maxOrderQuantity()).isEqualByComparingTo("0.32");
    assertThat(q.price()).isEqualByComparingTo("142.10");
    assertThat(q.reduceOnly()).isFalse();
    assertThat(q.autoBorrow()).isTrue();
    assertThat(q.autoBorrowRepay()).isFalse();
    assertThat(q.autoLendRedeem()).isTrue();
  }

  @Test
  void optionalEchoesAbsentAreNull() {
    MaxOrderQuantity q =
        parse(MaxOrderQuantity.class, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"maxOrderQuantity\":\"7\"}");

    assertThat(q.side()).isEqualTo(Side.ASK);
    assertThat(q.price()).isNull();
    assertThat(q.reduceOnly()).isNull();
    assertThat(q.autoBorrow()).isNull();
    assertThat(q.autoBorrowRepay()).isNull();
    assertThat(q.autoLendRedeem()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(MaxOrderQuantity.class, withUnknownFields(LIMIT))).isEqualTo(parse(MaxOrderQuantity.class, LIMIT));
  }
}
