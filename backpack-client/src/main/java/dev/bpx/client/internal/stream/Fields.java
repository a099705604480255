package dev.bpx.client.internal.stream;

import dev.bpx.client.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one event's single-letter fields (case matters: {@code e} and {@code E} differ).
 * Absent or null fields read as null; a present field of the wrong shape throws {@link
 * StreamFormatException} naming it, so a frame is either parsed whole or reported.
 */
public final class Fields {
  private final Map<String, Object> data;

  /** Wraps one event's {@code data} object as read by {@link WireFrame}. */
  Fields(Map<String, Object> data) {
    this.data = data;
  }

  String text(String key) {
    Object value = data.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw new StreamFormatException("field " + key + " is not text or a number");
  }

  boolean has(String key) {
    return data.get(key) != null;
  }

  BigDecimal decimal(String key) {
    String text = text(key);
    try {
      return text == null ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new StreamFormatException("field " + key + " is not a decimal");
    }
  }

  Long longValue(String key) {
    String text = text(key);
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      throw new StreamFormatException("field " + key + " is not an integer");
    }
  }

  long requiredLong(String key) {
    Long value = longValue(key);
    if (value == null) {
      throw new StreamFormatException("field " + key + " is missing");
    }
    return value;
  }

  Boolean bool(String key) {
    Object value = data.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new StreamFormatException("field " + key + " is not a boolean");
  }

  /** Event and engine times: microseconds since the epoch. */
  Instant micros(String key) {
    Long micros = longValue(key);
    return micros == null ? null
        : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Next funding time and RFQ times: milliseconds since the epoch. */
  Instant millis(String key) {
    Long millis = longValue(key);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /** K-line times: ISO 8601, with or without a zone ({@code T} or space separator); no zone means UTC. */
  Instant isoTime(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    String iso = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutZone) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new StreamFormatException("field " + key + " is not an ISO 8601 time");
      }
    }
  }

  /** Depth sides: arrays of {@code [price, quantity]} text pairs. */
  List<PriceLevel> levels(String key) {
    Object value = data.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> rows)) {
      throw new StreamFormatException("field " + key + " is not an array");
    }
    List<PriceLevel> levels = new ArrayList<>(rows.size());
    for (Object row : rows) {
      if (!(row instanceof List<?> pair) || pair.size() != 2
          || !(pair.get(0) instanceof String price) || !(pair.get(1) instanceof String quantity)) {
        throw new StreamFormatException("field " + key + " has an entry that is not [price, quantity]");
      }
      try {
        levels.add(new PriceLevel(new BigDecimal(price), new BigDecimal(quantity)));
      } catch (NumberFormatException e) {
        throw new StreamFormatException("field " + key + " has a price or quantity that is not a decimal");
      }
    }
    return levels;
  }
}
