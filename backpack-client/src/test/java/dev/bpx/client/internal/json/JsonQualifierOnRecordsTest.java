package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pins the Moshi behaviour the model relies on: qualifiers on record components are honoured. */
class JsonQualifierOnRecordsTest {

  /** Two components of the same type, each decoded by its own qualifier. */
  public record TwoFormats(@EpochMillis Instant millis, @NaiveUtc Instant naive) {}

  /** An Instant component without a qualifier. */
  public record Unqualified(Instant at) {}

  private final Moshi moshi = JsonCodec.newMoshi();

  @Test
  void moshiRecordAdapterHonoursQualifiersOnRecordComponents() throws IOException {
    TwoFormats parsed =
        moshi
            .adapter(TwoFormats.class)
            .fromJson("{\"millis\":1757621458290,\"naive\":\"2025-09-11T20:10:58.290\"}");

    assertThat(parsed.millis()).isEqualTo(Instant.parse("2025-09-11T20:10:58.290Z"));
    assertThat(parsed.naive()).isEqualTo(parsed.millis());
  }

  @Test
  void qualifiedComponentsWriteBackTheirOwnWireFormat() throws IOException {
    String json = "{\"millis\":1757621458290,\"naive\":\"2025-09-11T20:10:58.290\"}";
    assertThat(moshi.adapter(TwoFormats.class).toJson(moshi.adapter(TwoFormats.class).fromJson(json)))
        .isEqualTo(json);
  }

  @Test
  void anInstantWithoutQualifierFailsLoudlyWhenTheAdapterIsCreated() {
    assertThatThrownBy(() -> moshi.adapter(Unqualified.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
  }
}
