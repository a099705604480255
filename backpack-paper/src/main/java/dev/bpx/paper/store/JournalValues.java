package dev.bpx.paper.store;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Typed reads of one object of a journal line as {@code dev.bpx.auth.json.Json} parsed it. The
 * journal wrote these values itself, so a value of the wrong type means the file is damaged or
 * from elsewhere: {@link IllegalArgumentException}, which the journal reports with its line.
 */
final class JournalValues {
  private final Map<?, ?> values;

  JournalValues(Object values) {
    if (!(values instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("expected an object");
    }
    this.values = m;
  }

  Object raw(String name) {
    return values.get(name);
  }

  String string(String name) {
    Object v = values.get(name);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("`" + name + "` is not a string");
    }
    return (String) v;
  }

  String requiredString(String name) {
    return required(name, string(name));
  }

  /** Decimals are written as strings, in {@link BigDecimal#toString()} form, so their scale survives. */
  BigDecimal decimal(String name) {
    String s = string(name);
    try {
      return s == null ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`" + name + "` is not a decimal");
    }
  }

  BigDecimal requiredDecimal(String name) {
    return required(name, decimal(name));
  }

  Long number(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof BigDecimal d)) {
      throw new IllegalArgumentException("`" + name + "` is not a number");
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("`" + name + "` is not an integer");
    }
  }

  long requiredNumber(String name) {
    return required(name, number(name));
  }

  Boolean bool(String name) {
    Object v = values.get(name);
    if (v != null && !(v instanceof Boolean)) {
      throw new IllegalArgumentException("`" + name + "` is not a boolean");
    }
    return (Boolean) v;
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String s = string(name);
    return s == null ? null : Enum.valueOf(type, s);
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException("`" + name + "` is missing");
    }
    return value;
  }
}
