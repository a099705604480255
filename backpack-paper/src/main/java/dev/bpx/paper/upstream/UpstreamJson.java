package dev.bpx.paper.upstream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one JSON object the upstream sent, failing with an {@link UpstreamException} that
 * names the source and field. Decimals are accepted as strings or numbers (auth's codec reads numbers
 * as exact {@link BigDecimal}s), never through {@code double}. Not thread-safe; one per object read.
 */
final class UpstreamJson {
  private final Map<?, ?> object;
  private final String source;

  private UpstreamJson(Map<?, ?> object, String source) {
    this.object = object;
    this.source = source;
  }

  /** {@return a reader of {@code value}, which must be a JSON object} */
  static UpstreamJson object(Object value, String source) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new UpstreamException(source + ": expected a JSON object");
    }
    return new UpstreamJson(m, source);
  }

  /** {@return the elements of {@code value}, which must be a JSON array} */
  static List<?> array(Object value, String source) {
    if (!(value instanceof List<?> l)) {
      throw new UpstreamException(source + ": expected a JSON array");
    }
    return l;
  }

  boolean has(String name) {
    return object.get(name) != null;
  }

  UpstreamJson child(String name) {
    return object(required(name), source + "." + name);
  }

  /** {@return the member as an object reader, or null when absent or null} */
  UpstreamJson optionalChild(String name) {
    return has(name) ? child(name) : null;
  }

  /** {@return the elements of an array member, none when absent or null} */
  List<?> optionalArray(String name) {
    Object v = object.get(name);
    return v == null ? List.of() : array(v, source + "." + name);
  }

  String string(String name) {
    Object v = required(name);
    return v instanceof String s ? s : v.toString();
  }

  String optionalString(String name) {
    Object v = object.get(name);
    return v == null ? null : v instanceof String s ? s : v.toString();
  }

  BigDecimal decimal(String name) {
    return decimal(required(name), source + "." + name);
  }

  BigDecimal optionalDecimal(String name) {
    Object v = object.get(name);
    return v == null ? null : decimal(v, source + "." + name);
  }

  long longValue(String name) {
    BigDecimal d = decimal(name);
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new UpstreamException(source + "." + name + ": not an integer: " + d);
    }
  }

  Long optionalLong(String name) {
    return has(name) ? longValue(name) : null;
  }

  boolean bool(String name) {
    Object v = required(name);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new UpstreamException(source + "." + name + ": expected true or false");
  }

  /** {@return {@code [price, quantity]} pairs of the member} */
  List<Level> levels(String name) {
    List<Level> out = new ArrayList<>();
    for (Object row : array(required(name), source + "." + name)) {
      List<?> pair = array(row, source + "." + name + "[]");
      if (pair.size() < 2) {
        throw new UpstreamException(source + "." + name + ": a level needs a price and a quantity");
      }
      out.add(new Level(decimal(pair.get(0), source + "." + name), decimal(pair.get(1), source + "." + name)));
    }
    return out;
  }

  private Object required(String name) {
    Object v = object.get(name);
    if (v == null) {
      throw new UpstreamException(source + ": missing field " + name);
    }
    return v;
  }

  private static BigDecimal decimal(Object v, String where) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw new UpstreamException(where + ": not a decimal: " + s);
      }
    }
    throw new UpstreamException(where + ": expected a decimal");
  }
}
