package dev.bpx.paper.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A small streaming JSON writer for the paper exchange's responses and journal.
 *
 * <p>Decimals are written the way Backpack writes them: as JSON strings in plain notation
 * ({@link BigDecimal#toPlainString()}), never as JSON numbers. Commas between members and
 * elements are inserted automatically. Not thread-safe: one writer per response.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder(256);
  /** One entry per open container: true while the next member/element is the first one. */
  private final java.util.ArrayDeque<boolean[]> first = new java.util.ArrayDeque<>();
  private boolean afterName;

  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    first.push(new boolean[] {true});
    return this;
  }

  public JsonWriter endObject() {
    first.pop();
    out.append('}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    first.push(new boolean[] {true});
    return this;
  }

  public JsonWriter endArray() {
    first.pop();
    out.append(']');
    return this;
  }

  public JsonWriter name(String name) {
    separator();
    writeString(name);
    out.append(':');
    afterName = true;
    return this;
  }

  public JsonWriter value(String s) {
    beforeValue();
    if (s == null) {
      out.append("null");
    } else {
      writeString(s);
    }
    return this;
  }

  /** Writes a decimal as a JSON string in plain notation, or {@code null}. */
  public JsonWriter value(BigDecimal d) {
    return value(d == null ? null : d.toPlainString());
  }

  public JsonWriter value(long n) {
    beforeValue();
    out.append(n);
    return this;
  }

  /** Writes an integer, or {@code null}. */
  public JsonWriter value(Long n) {
    beforeValue();
    out.append(n == null ? "null" : n.toString());
    return this;
  }

  public JsonWriter value(boolean b) {
    beforeValue();
    out.append(b);
    return this;
  }

  /** Writes a boolean, or {@code null}. */
  public JsonWriter value(Boolean b) {
    beforeValue();
    out.append(b == null ? "null" : b.toString());
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  public JsonWriter field(String name, String v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, BigDecimal v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, long v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, Long v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, boolean v) {
    return name(name).value(v);
  }

  public JsonWriter field(String name, Boolean v) {
    return name(name).value(v);
  }

  /**
   * Writes a value as parsed by {@code dev.bpx.auth.json.Json}: maps, lists, strings, booleans,
   * {@code BigDecimal} numbers (written back as JSON numbers, keeping their text) and null.
   */
  public JsonWriter raw(Object v) {
    if (v == null) {
      return nullValue();
    } else if (v instanceof String s) {
      return value(s);
    } else if (v instanceof Boolean b) {
      return value(b.booleanValue());
    } else if (v instanceof BigDecimal d) {
      beforeValue();
      out.append(d.toString());
      return this;
    } else if (v instanceof Number n) {
      beforeValue();
      out.append(n);
      return this;
    } else if (v instanceof Map<?, ?> m) {
      beginObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        name(String.valueOf(e.getKey())).raw(e.getValue());
      }
      return endObject();
    } else if (v instanceof List<?> l) {
      beginArray();
      for (Object o : l) {
        raw(o);
      }
      return endArray();
    }
    throw new IllegalArgumentException("cannot write " + v.getClass().getName());
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    separator();
  }

  private void separator() {
    boolean[] f = first.peek();
    if (f == null) {
      return;
    }
    if (f[0]) {
      f[0] = false;
    } else {
      out.append(',');
    }
  }

  private void writeString(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
