package dev.bpx.client.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The four {@link Instant} wire formats Backpack uses, one adapter each, selected by a qualifier
 * on the record component: {@link EpochMillis}, {@link EpochMicros}, {@link NaiveUtc} and
 * {@link KlineTime}.
 *
 * <p>Explicit qualifiers were chosen over one adapter that guesses by token type and magnitude:
 * the official spec's own depth example carries a 13-digit value under a field documented as
 * microseconds, so magnitude is not a safe discriminator. A component of type {@code Instant}
 * without a qualifier has no adapter at all, so a forgotten annotation fails loudly when the
 * adapter is created rather than decoding the wrong instant. Every adapter here is null-safe and
 * reports malformed input as a {@link JsonDataException} naming the JSON path. See
 * {@code backpack-api.md} section 8.
 *
 * <p>Thread-safe.
 */
public final class TimestampAdapters {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  /** {@code 2025-07-27T17:39:00.092}, fraction 0..9 digits, optional trailing offset. */
  private static final DateTimeFormatter NAIVE_READ =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  private TimestampAdapters() {}

  /** {@return the null-safe adapter for {@link EpochMillis} components} */
  public static JsonAdapter<Instant> epochMillis() {
    return new EpochMillisAdapter().nullSafe();
  }

  /** {@return the null-safe adapter for {@link EpochMicros} components} */
  public static JsonAdapter<Instant> epochMicros() {
    return new EpochMicrosAdapter().nullSafe();
  }

  /** {@return the null-safe adapter for {@link NaiveUtc} components} */
  public static JsonAdapter<Instant> naiveUtc() {
    return new NaiveUtcAdapter().nullSafe();
  }

  /** {@return the null-safe adapter for {@link KlineTime} components} */
  public static JsonAdapter<Instant> klineTime() {
    return new KlineTimeAdapter().nullSafe();
  }

  /**
   * Parses a naive Backpack date-time ({@code "2025-01-21T06:34:54.691858"}) as UTC; a trailing
   * offset, if any, is honoured.
   *
   * @param text the wire text
   * @return the instant
   * @throws DateTimeException if {@code text} is not such a date-time
   */
  public static Instant parseNaiveUtc(String text) {
    TemporalAccessor parsed = NAIVE_READ.parse(text.trim());
    LocalDateTime local = LocalDateTime.from(parsed);
    ZoneOffset offset =
        parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
    return local.toInstant(offset);
  }

  /**
   * Formats an instant as a naive UTC date-time with 0, 3, 6 or 9 fraction digits, the fewest
   * that keep the value, mirroring the wire's ms and µs spellings.
   *
   * @param instant the instant
   * @param separator {@code 'T'} for history-style strings, {@code ' '} for klines
   * @return the wire text, e.g. {@code "2025-07-27T17:39:00.092"}
   */
  public static String formatNaiveUtc(Instant instant, char separator) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(29);
    out.append(DateTimeFormatter.ISO_LOCAL_DATE.format(t)).append(separator);
    appendTwoDigits(out, t.getHour()).append(':');
    appendTwoDigits(out, t.getMinute()).append(':');
    appendTwoDigits(out, t.getSecond());
    int nano = t.getNano();
    if (nano != 0) {
      String nine = String.format("%09d", nano);
      int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
      out.append('.').append(nine, 0, digits);
    }
    return out.toString();
  }

  private static StringBuilder appendTwoDigits(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    return out.append(value);
  }

  private static final class EpochMillisAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      return Instant.ofEpochMilli(reader.nextLong());
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      writer.value(value.toEpochMilli());
    }

    @Override
    public String toString() {
      return "JsonAdapter(Instant @EpochMillis)";
    }
  }

  private static final class EpochMicrosAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      long micros = reader.nextLong();
      return Instant.ofEpochSecond(
          Math.floorDiv(micros, MICROS_PER_SECOND),
          Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      long micros =
          Math.addExact(
              Math.multiplyExact(value.getEpochSecond(), MICROS_PER_SECOND),
              value.getNano() / 1_000L);
      writer.value(micros);
    }

    @Override
    public String toString() {
      return "JsonAdapter(Instant @EpochMicros)";
    }
  }

  private static final class NaiveUtcAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return parseNaiveUtc(text);
      } catch (DateTimeException e) {
        throw new JsonDataException(
            "Expected a naive UTC date-time like 2025-07-27T17:39:00.092 but was \""
                + text
                + "\" at path "
                + reader.getPath(),
            e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      writer.value(formatNaiveUtc(value, 'T'));
    }

    @Override
    public String toString() {
      return "JsonAdapter(Instant @NaiveUtc)";
    }
  }

  private static final class KlineTimeAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        // Klines use a space where ISO uses 'T'; otherwise the same naive UTC form.
        return parseNaiveUtc(text.trim().replace(' ', 'T'));
      } catch (DateTimeException e) {
        throw new JsonDataException(
            "Expected a kline time like 2025-07-19 13:09:00 but was \""
                + text
                + "\" at path "
                + reader.getPath(),
            e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      writer.value(formatNaiveUtc(value, ' '));
    }

    @Override
    public String toString() {
      return "JsonAdapter(Instant @KlineTime)";
    }
  }
}
