package dev.bpx.paper.store;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

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
    return typed(name, String.class, "a string");
  }

  String requiredString(String name) {
    return required(name, string(name));
  }

  /** Decimals are written as strings, in {@link BigDecimal#toString()} form, so their scale survives. */
  BigDecimal decimal(String name) {
    String s = string(name);
    return s == null ? null : converted(name, "a decimal", () -> new BigDecimal(s));
  }

  BigDecimal requiredDecimal(String name) {
    return required(name, decimal(name));
  }

  Long number(String name) {
    BigDecimal d = typed(name, BigDecimal.class, "a number");
    return d == null ? null : converted(name, "an integer", d::longValueExact);
  }

  long requiredNumber(String name) {
    return required(name, number(name));
  }

  Boolean bool(String name) {
    return typed(name, Boolean.class, "a boolean");
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String s = string(name);
    return s == null ? null : converted(name, "a " + type.getSimpleName(), () -> Enum.valueOf(type, s));
  }

  private <T> T typed(String name, Class<T> type, String what) {
    Object v = values.get(name);
    if (v != null && !type.isInstance(v)) {
      throw new IllegalArgumentException("`" + name + "` is not " + what);
    }
    return type.cast(v);
  }

  private static <T> T converted(String name, String what, Supplier<T> conversion) {
    try {
      return conversion.get();
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw new IllegalArgumentException("`" + name + "` is not " + what);
    }
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException("`" + name + "` is missing");
    }
    return value;
  }
}
