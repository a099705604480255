package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxBorrowQuantityTest {

  static final String JSON = "{\"symbol\":\"USDC\",\"maxBorrowQuantity\":\"1234.567891\"}";

  @Test
  void maxBorrowQuantityDecodesFieldByField() {
    MaxBorrowQuantity q = parse(MaxBorrowQuantity.class, JSON);

    assertThat(q.symbol()).isEqualTo("USDC");
    assertThat(q.maxBorrowQuantity()).isEqualByComparingTo("1234.567891");
  }

  @Test
  void absentQuantityIsNull() {
    assertThat(parse(MaxBorrowQuantity.class, "{\"symbol\":\"USDC\"}").maxBorrowQuantity()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(MaxBorrowQuantity.class, withUnknownFields(JSON))).isEqualTo(parse(MaxBorrowQuantity.class, JSON));
  }
}
