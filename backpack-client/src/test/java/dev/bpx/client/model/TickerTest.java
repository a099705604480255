package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickerTest {

  static final String TICKER =
      """
      {"symbol":"SOL_USDC","firstPrice":"102.67","lastPrice":"101.04","priceChange":"-1.63",
       "priceChangePercent":"-0.015876","high":"104.96","low":"100.57","volume":"11469.17",
       "quoteVolume":"1175485.13","trades":"3858"}
      """;

  @Test
  void tickerDecodesFieldByField() {
    Ticker t = parse(Ticker.class, TICKER);

    assertThat(t.symbol()).isEqualTo("SOL_USDC");
    assertThat(t.firstPrice()).isEqualByComparingTo("102.67");
    assertThat(t.lastPrice()).isEqualByComparingTo("101.04");
    assertThat(t.priceChange()).isEqualByComparingTo("-1.63");
    assertThat(t.priceChangePercent()).isEqualByComparingTo("-0.015876");
    assertThat(t.high()).isEqualByComparingTo("104.96");
    assertThat(t.low()).isEqualByComparingTo("100.57");
    assertThat(t.volume()).isEqualByComparingTo("11469.17");
    assertThat(t.quoteVolume()).isEqualByComparingTo("1175485.13");
    assertThat(t.trades()).isEqualTo(3858L);
  }

  @Test
  void tradesIsWrittenBackAsAString() {
    assertThat(ModelJson.write(Ticker.class, parse(Ticker.class, TICKER)))
        .contains("\"trades\":\"3858\"", "\"priceChangePercent\":\"-0.015876\"");
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Ticker.class, withUnknownFields(TICKER))).isEqualTo(parse(Ticker.class, TICKER));
  }

  @Test
  void absentFieldsAreNull() {
    Ticker t = parse(Ticker.class, "{\"symbol\":\"SOL_USDC\"}");

    assertThat(t.lastPrice()).isNull();
    assertThat(t.priceChangePercent()).isNull();
    assertThat(t.trades()).isNull();
  }
}
