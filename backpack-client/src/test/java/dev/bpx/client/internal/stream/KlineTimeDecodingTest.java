package dev.bpx.client.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.stream.KlineEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code kline} event's {@code t}/{@code T}: the live stream writes ISO 8601 without a zone, meaning UTC (ccxt's
 * capture of {@code kline.2h.ETH_USDC}, {@code ts/src/pro/backpack.ts}: {@code "2025-08-06T22:00:00"}); the asyncapi
 * says only "ISO 8601", so a zone, a fraction or REST's space separator must read as the same instant.
 */
class KlineTimeDecodingTest {
  private static KlineEvent decode(String start, String end) {
    Map<String, Object> data = new HashMap<>(Map.of("e", "kline", "E", "1754519557526056", "s", "ETH_USDC",
        "o", "3670.15", "c", "3680.52", "h", "3681.37", "l", "3667.65", "v", "62.2621", "X", false));
    data.put("n", "255"); // WireFrame hands numbers over as their text
    data.put("t", start);
    data.put("T", end);
    return EventDecoders.kline(new Fields(data));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-08-06T22:00:00", "2025-08-06T22:00:00Z", "2025-08-06T22:00:00.000",
      "2025-08-06T22:00:00+00:00", "2025-08-06 22:00:00", "2025-08-07T00:00:00+02:00"})
  void startReadsAsTheSameUtcInstantWithOrWithoutAZone(String start) {
    KlineEvent k = decode(start, "2025-08-07T00:00:00");
    assertThat(k.start()).isEqualTo(Instant.parse("2025-08-06T22:00:00Z"));
    assertThat(k.end()).isEqualTo(Instant.parse("2025-08-07T00:00:00Z"));
  }

  @Test
  void theCapturedFrameDecodesWhole() {
    KlineEvent k = decode("2025-08-06T22:00:00", "2025-08-07T00:00:00");
    assertThat(k.symbol()).isEqualTo("ETH_USDC");
    assertThat(k.trades()).isEqualTo(255L);
    assertThat(k.closed()).isFalse();
    assertThat(k.close()).isEqualByComparingTo("3680.52");
  }

  @Test
  void aTimeThatIsNotIsoIsReportedByName() {
    assertThatThrownBy(() -> decode("1754517600000000", "2025-08-07T00:00:00"))
        .isInstanceOf(StreamFormatException.class).hasMessageContaining("field t");
  }
}
