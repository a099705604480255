package dev.bpx.paper.command;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Typed reads of one JSON request object, failing with Backpack's plain-text payload errors.
 * Decimals are accepted as strings or numbers and never pass through {@code double}.
 */
public final class Fields {
  private final Map<String, Object> body;
  private final String type;

  public Fields(Object body, String type) {
    if (!(body instanceof Map<?, ?>)) {
      throw ParseError.payload(type, "expected an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) body;
    this.body = m;
    this.type = type;
  }

  /** {@return the field's value as parsed, or null} */
  public Object raw(String name) {
    return body.get(name);
  }

  public boolean has(String name) {
    return body.get(name) != null;
  }

  public String string(String name, boolean required) {
    if (required && !has(name)) {
      throw ParseError.payload(type, "missing field `" + name + "`");
    }
    return optional(name, this::readString);
  }

  public BigDecimal decimal(String name) {
    return optional(name, this::readDecimal);
  }

  public Boolean bool(String name) {
    return optional(name, this::readBoolean);
  }

  /** Reads an unsigned 32-bit integer (clientId) given as a JSON number. */
  public Long uint32(String name) {
    return optional(name, this::readUint32);
  }

  /**
   * {@return the field read by {@code read}, or null when the body does not give it} Every typed read
   * starts here, so a JSON null and a missing field stay the same thing for all types.
   */
  private <T> T optional(String name, BiFunction<String, Object, T> read) {
    Object v = body.get(name);
    return v == null ? null : read.apply(name, v);
  }

  private String readString(String name, Object v) {
    if (!(v instanceof String s)) {
      throw ParseError.payload(type, "failed to parse \"" + name + "\": expected a string");
    }
    return s;
  }

  private BigDecimal readDecimal(String name, Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw ParseError.payload(type, "failed to parse \"Decimal\": invalid decimal `" + s + "`");
      }
    }
    throw ParseError.payload(type, "failed to parse \"Decimal\": expected a string");
  }

  private Boolean readBoolean(String name, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw ParseError.payload(type, "failed to parse \"boolean\": expected a boolean for `" + name + "`");
  }

  private Long readUint32(String name, Object v) {
    if (!(v instanceof BigDecimal d)) {
      // The spec types it integer (uint32): "5" in quotes is a string, which the exchange's typed parse refuses.
      String given = v instanceof String ? "a string" : v instanceof Boolean ? "a boolean"
          : v instanceof java.util.List ? "an array" : "an object";
      throw ParseError.payload(type, "failed to parse \"integer(uint32)\": `" + name + "` must be a JSON number,"
          + " not " + given);
    }
    try {
      long n = d.longValueExact();
      if (n < 0 || n > 4_294_967_295L) {
        throw new ArithmeticException();
      }
      return n;
    } catch (ArithmeticException e) {
      throw ParseError.payload(type, "failed to parse \"integer(uint32)\": invalid value for `" + name + "`");
    }
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> cls, boolean required) {
    String s = string(name, required);
    if (s == null) {
      return null;
    }
    for (E e : cls.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw ParseError.payload(type, "failed to parse \"" + cls.getSimpleName()
        + "\": Expect a valid enumeration value.");
  }
}
