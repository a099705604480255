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
 * <p>Every qualifier of this package ({@link LongAsString} too) targets {@code RECORD_COMPONENT}, and that
 * matters: Moshi's record adapter reads qualifiers from the record component, so without it the
 * qualifier would be ignored (see {@code JsonQualifierOnRecordsTest}).
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
    return adapter("EpochMillis", r -> Instant.ofEpochMilli(r.nextLong()), (w, v) -> w.value(v.toEpochMilli()));
  }

  /** {@return the null-safe adapter for {@link EpochMicros} components} */
  public static JsonAdapter<Instant> epochMicros() {
    return adapter("EpochMicros", r -> ofEpochMicros(r.nextLong()), (w, v) -> w.value(toEpochMicros(v)));
  }

  /** {@return the null-safe adapter for {@link NaiveUtc} components} */
  public static JsonAdapter<Instant> naiveUtc() {
    return adapter("NaiveUtc", r -> readNaive(r, 'T', "naive UTC date-time like 2025-07-27T17:39:00.092"),
        (w, v) -> w.value(formatNaiveUtc(v, 'T')));
  }

  /** {@return the null-safe adapter for {@link KlineTime} components} */
  public static JsonAdapter<Instant> klineTime() {
    return adapter("KlineTime", r -> readNaive(r, ' ', "kline time like 2025-07-19 13:09:00"),
        (w, v) -> w.value(formatNaiveUtc(v, ' ')));
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

  private static Instant ofEpochMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
  }

  private static long toEpochMicros(Instant value) {
    return Math.addExact(Math.multiplyExact(value.getEpochSecond(), MICROS_PER_SECOND), value.getNano() / 1_000L);
  }

  /** Reads a naive UTC date-time whose date and time are joined by {@code separator}. */
  private static Instant readNaive(JsonReader reader, char separator, String expected) throws IOException {
    String text = reader.nextString();
    try {
      // Klines use a space where ISO uses 'T'; otherwise the same naive UTC form.
      return parseNaiveUtc(separator == 'T' ? text : text.trim().replace(separator, 'T'));
    } catch (DateTimeException e) {
      throw new JsonDataException(
          "Expected a " + expected + " but was \"" + text + "\" at path " + reader.getPath(), e);
    }
  }

  /** {@return a null-safe adapter reading and writing with the two functions, named by its qualifier} */
  private static JsonAdapter<Instant> adapter(String qualifier, Read read, Write write) {
    return new JsonAdapter<Instant>() {
      @Override
      public Instant fromJson(JsonReader reader) throws IOException {
        return read.from(reader);
      }

      @Override
      public void toJson(JsonWriter writer, Instant value) throws IOException {
        write.to(writer, value);
      }

      @Override
      public String toString() {
        return "JsonAdapter(Instant @" + qualifier + ")";
      }
    }.nullSafe();
  }

  private interface Read {
    Instant from(JsonReader reader) throws IOException;
  }

  private interface Write {
    void to(JsonWriter writer, Instant value) throws IOException;
  }
}
