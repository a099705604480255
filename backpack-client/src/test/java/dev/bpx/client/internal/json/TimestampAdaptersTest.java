package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampAdaptersTest {

  private final Moshi moshi = JsonCodec.newMoshi();
  private final JsonAdapter<Instant> millis = moshi.adapter(Instant.class, EpochMillis.class);
  private final JsonAdapter<Instant> micros = moshi.adapter(Instant.class, EpochMicros.class);
  private final JsonAdapter<Instant> naive = moshi.adapter(Instant.class, NaiveUtc.class);
  private final JsonAdapter<Instant> kline = moshi.adapter(Instant.class, KlineTime.class);

  @Test
  void epochMillisDecodesToTheExactInstant() throws IOException {
    assertThat(millis.fromJson("1757621458290")).isEqualTo(Instant.parse("2025-09-11T20:10:58.290Z"));
  }

  @Test
  void epochMillisAcceptsADigitString() throws IOException {
    assertThat(millis.fromJson("\"1757621458290\""))
        .isEqualTo(Instant.parse("2025-09-11T20:10:58.290Z"));
  }

  @Test
  void epochMillisWritesBackTheSameNumber() throws IOException {
    assertThat(millis.toJson(millis.fromJson("1753123916818"))).isEqualTo("1753123916818");
  }

  @Test
  void epochMicrosDecodesToTheExactInstant() throws IOException {
    assertThat(micros.fromJson("1753102447307501"))
        .isEqualTo(Instant.parse("2025-07-21T12:54:07.307501Z"));
  }

  @Test
  void epochMicrosWritesBackTheSameNumber() throws IOException {
    assertThat(micros.toJson(micros.fromJson("1753102447307501"))).isEqualTo("1753102447307501");
  }

  @Test
  void epochMicrosHandlesInstantsBeforeTheEpoch() throws IOException {
    assertThat(micros.fromJson("-1")).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThat(micros.toJson(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo("-1");
  }

  @Test
  void naiveMillisecondStringIsUtc() throws IOException {
    assertThat(naive.fromJson("\"2025-07-27T17:39:00.092\""))
        .isEqualTo(Instant.parse("2025-07-27T17:39:00.092Z"));
  }

  @Test
  void naiveMicrosecondStringIsUtc() throws IOException {
    assertThat(naive.fromJson("\"2025-01-21T06:34:54.691858\""))
        .isEqualTo(Instant.parse("2025-01-21T06:34:54.691858Z"));
  }

  @Test
  void naiveStringWithoutFractionIsUtc() throws IOException {
    assertThat(naive.fromJson("\"2025-07-22T00:00:00\""))
        .isEqualTo(Instant.parse("2025-07-22T00:00:00Z"));
  }

  @Test
  void naiveReaderHonoursAZoneSuffixIfOneAppears() throws IOException {
    assertThat(naive.fromJson("\"2025-07-22T00:00:00Z\""))
        .isEqualTo(Instant.parse("2025-07-22T00:00:00Z"));
    assertThat(naive.fromJson("\"2025-07-22T02:00:00.5+02:00\""))
        .isEqualTo(Instant.parse("2025-07-22T00:00:00.5Z"));
  }

  @Test
  void naiveWritesBackTheSameWireText() throws IOException {
    for (String text :
        new String[] {
          "\"2025-07-27T17:39:00.092\"",
          "\"2025-01-21T06:34:54.691858\"",
          "\"2025-07-22T00:00:00\"",
          "\"2025-07-22T00:00:00.000000001\""
        }) {
      assertThat(naive.toJson(naive.fromJson(text))).isEqualTo(text);
    }
  }

  @Test
  void klineTimeWithSpaceSeparatorIsUtc() throws IOException {
    assertThat(kline.fromJson("\"2025-07-19 13:09:00\""))
        .isEqualTo(Instant.parse("2025-07-19T13:09:00Z"));
  }

  @Test
  void klineTimeWritesBackTheSpaceSeparatedForm() throws IOException {
    assertThat(kline.toJson(kline.fromJson("\"2025-07-19 13:09:00\"")))
        .isEqualTo("\"2025-07-19 13:09:00\"");
  }

  @Test
  void klineTimeToleratesAnIsoSeparator() throws IOException {
    assertThat(kline.fromJson("\"2025-07-19T13:09:00\""))
        .isEqualTo(Instant.parse("2025-07-19T13:09:00Z"));
  }

  @Test
  void nullDecodesToNullForEveryFormat() throws IOException {
    assertThat(millis.fromJson("null")).isNull();
    assertThat(micros.fromJson("null")).isNull();
    assertThat(naive.fromJson("null")).isNull();
    assertThat(kline.fromJson("null")).isNull();
  }

  @Test
  void malformedTimestampsFailWithJsonDataException() {
    assertThatThrownBy(() -> naive.fromJson("\"27/07/2025 17:39\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("27/07/2025 17:39");
    assertThatThrownBy(() -> naive.fromJson("\"2025-02-30T00:00:00\""))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> kline.fromJson("\"yesterday\"")).isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> millis.fromJson("\"soon\"")).isInstanceOf(JsonDataException.class);
  }

  @Test
  void formatNaiveUtcUsesTheFewestOfZeroThreeSixOrNineFractionDigits() {
    assertThat(TimestampAdapters.formatNaiveUtc(Instant.parse("2025-07-27T17:39:00.090Z"), 'T'))
        .isEqualTo("2025-07-27T17:39:00.090");
    assertThat(TimestampAdapters.formatNaiveUtc(Instant.parse("2025-07-27T17:39:00.000100Z"), 'T'))
        .isEqualTo("2025-07-27T17:39:00.000100");
    assertThat(TimestampAdapters.formatNaiveUtc(Instant.parse("2025-07-27T07:09:05Z"), ' '))
        .isEqualTo("2025-07-27 07:09:05");
  }
}
