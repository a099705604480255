package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KlineTest {

  static final String KLINE =
      """
      {"start":"2025-07-19 13:09:00","end":"2025-07-19 13:10:00","open":"117750.1",
       "high":"117799.9","low":"117700.0","close":"117766.3","volume":"0.84211",
       "quoteVolume":"99163.771235","trades":"57"}
      """;

  @Test
  void klineDecodesFieldByField() {
    Kline k = parse(Kline.class, KLINE);

    assertThat(k.start()).isEqualTo(Instant.parse("2025-07-19T13:09:00Z"));
    assertThat(k.end()).isEqualTo(Instant.parse("2025-07-19T13:10:00Z"));
    assertThat(k.open()).isEqualByComparingTo("117750.1");
    assertThat(k.high()).isEqualByComparingTo("117799.9");
    assertThat(k.low()).isEqualByComparingTo("117700.0");
    assertThat(k.close()).isEqualByComparingTo("117766.3");
    assertThat(k.volume()).isEqualByComparingTo("0.84211");
    assertThat(k.quoteVolume()).isEqualByComparingTo("99163.771235");
    assertThat(k.trades()).isEqualTo(57L);
  }

  @Test
  void candleWithoutTradesHasNullPrices() {
    Kline k =
        parse(
            Kline.class,
            """
            {"start":"2025-07-19 13:09:00","end":"2025-07-19 13:10:00","open":null,"high":null,
             "low":null,"close":null,"volume":"0","quoteVolume":"0","trades":"0"}
            """);

    assertThat(k.open()).isNull();
    assertThat(k.high()).isNull();
    assertThat(k.low()).isNull();
    assertThat(k.close()).isNull();
    assertThat(k.volume()).isEqualByComparingTo("0");
    assertThat(k.trades()).isZero();
  }

  @Test
  void absentPricesAreNull() {
    Kline k = parse(Kline.class, "{\"start\":\"2025-07-19 13:09:00\"}");

    assertThat(k.open()).isNull();
    assertThat(k.close()).isNull();
    assertThat(k.trades()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Kline.class, withUnknownFields(KLINE))).isEqualTo(parse(Kline.class, KLINE));
  }

  @Test
  void writesBackTheSpaceSeparatedTimes() {
    assertThat(ModelJson.write(Kline.class, parse(Kline.class, KLINE)))
        .contains("\"start\":\"2025-07-19 13:09:00\"", "\"trades\":\"57\"");
  }

  @Test
  void startAndEndReadTheSameWithOrWithoutAZone() {
    // The captured REST form has no zone and means UTC; a zone, or the stream's T separator, must not shift it.
    for (String start : new String[] {"2025-07-19 13:09:00", "2025-07-19 13:09:00Z", "2025-07-19T13:09:00",
        "2025-07-19T13:09:00Z", "2025-07-19T15:09:00+02:00"}) {
      Kline k = parse(Kline.class, "{\"start\":\"" + start + "\",\"end\":\"2025-07-19T13:10:00Z\"}");
      assertThat(k.start()).as(start).isEqualTo(Instant.parse("2025-07-19T13:09:00Z"));
      assertThat(k.end()).as(start).isEqualTo(Instant.parse("2025-07-19T13:10:00Z"));
    }
  }
}
