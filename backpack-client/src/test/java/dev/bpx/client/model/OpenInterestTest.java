package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenInterestTest {

  static final String OI =
      """
      [{"symbol":"SOL_USDC_PERP","openInterest":"152334.21","timestamp":1757621458290}]
      """;

  @Test
  void openInterestArrayDecodesFieldByField() {
    OpenInterest oi = ModelJson.parseList(OpenInterest.class, OI).get(0);

    assertThat(oi.symbol()).isEqualTo("SOL_USDC_PERP");
    assertThat(oi.openInterest()).isEqualByComparingTo("152334.21");
    assertThat(oi.timestamp()).isEqualTo(Instant.parse("2025-09-11T20:10:58.290Z"));
  }

  @Test
  void optionalOpenInterestAbsentIsNull() {
    OpenInterest oi = parse(OpenInterest.class, "{\"symbol\":\"X\",\"timestamp\":1757621458290}");

    assertThat(oi.openInterest()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String one = "{\"symbol\":\"SOL_USDC_PERP\",\"openInterest\":\"1\",\"timestamp\":1}";

    assertThat(parse(OpenInterest.class, withUnknownFields(one))).isEqualTo(parse(OpenInterest.class, one));
  }
}
