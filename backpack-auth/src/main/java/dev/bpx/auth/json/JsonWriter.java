package dev.bpx.auth.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The writer half of the project's one dependency-free JSON codec ({@link Json} is the reader): a
 * small streaming writer of compact JSON, used for the paper exchange's responses, journal and state
 * hash, and, through {@link Json#write}, for the client's request bodies and the MCP stdio guard.
 *
 * <p>Decimals given to {@link #value(BigDecimal)} are written the way Backpack writes them: as JSON
 * strings in plain notation ({@link BigDecimal#toPlainString()}), never as JSON numbers. Commas
 * between members and elements are inserted automatically. Strings are escaped by
 * {@link #writeString}, the codec's only escaping routine. Not thread-safe: one writer per document.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder(256);
  /** One entry per open container: true while the next member/element is the first one. */
  private final ArrayDeque<boolean[]> first = new ArrayDeque<>();
  private boolean afterName;

  public JsonWriter beginObject() {
    return open('{');
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    return open('[');
  }

  public JsonWriter endArray() {
    return close(']');
  }

  public JsonWriter name(String name) {
    separator();
    writeString(out, name);
    out.append(':');
    afterName = true;
    return this;
  }

  public JsonWriter value(String s) {
    beforeValue();
    if (s == null) {
      out.append("null");
    } else {
      writeString(out, s);
    }
    return this;
  }

  /** Writes a decimal as a JSON string in plain notation, or {@code null}. */
  public JsonWriter value(BigDecimal d) {
    return value(d == null ? null : d.toPlainString());
  }

  public JsonWriter value(long n) {
    return literal(Long.toString(n));
  }

  /** Writes an integer, or {@code null}. */
  public JsonWriter value(Long n) {
    return literal(String.valueOf(n));
  }

  public JsonWriter value(boolean b) {
    return literal(Boolean.toString(b));
  }

  /** Writes a boolean, or {@code null}. */
  public JsonWriter value(Boolean b) {
    return literal(String.valueOf(b));
  }

  public JsonWriter nullValue() {
    return literal("null");
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
   * Writes a value as {@link Json#parse} returns them: maps, lists, strings, booleans, integers,
   * {@code BigDecimal} numbers and null. A {@code BigDecimal} becomes a JSON number in
   * {@link BigDecimal#toString()} form, which parses back to an equal value, scale included (the
   * journal and the state hash rely on that; {@code toPlainString} would turn {@code 1E+3} into
   * {@code 1000}, a different scale).
   *
   * @throws IllegalArgumentException for any other type, floating-point numbers included
   */
  public JsonWriter raw(Object v) {
    return tree(v, false);
  }

  /**
   * Like {@link #raw}, but a {@code BigDecimal} becomes a JSON number in plain notation
   * ({@code 1E-7} is written {@code 0.0000001}), the form {@link Json#write} has always produced.
   */
  JsonWriter plain(Object v) {
    return tree(v, true);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Appends {@code s} as a quoted JSON string: the codec's one escaping rule.
   *
   * <p>The rule is ECMAScript's {@code JSON.stringify} (ES2019, "well-formed"); for every string a Rust
   * string can hold it is also what Backpack's own server (serde_json) writes, and, up to the case of
   * hex digits, what the MCP SDK's Jackson writes on the same stdout as our stdio guard. {@code "} and
   * {@code \} are escaped;
   * controls below U+0020 use the short forms {@code \b \t \n \f \r} or else
   * <code>&#92;u00xx</code> with lowercase hex; a lone surrogate, which has no UTF-8 encoding (it would
   * go out as {@code ?}), becomes <code>&#92;uxxxx</code>. Everything else is written raw: {@code /},
   * DEL, non-ASCII, astral characters (valid surrogate pairs) and U+2028/U+2029. JSON (RFC 8259)
   * allows the last two raw and since ES2019 so does JavaScript source; escaping them only protects
   * JSON pasted into pre-2019 script, which none of our output is, and it would change the paper
   * exchange's wire output, which has always written them raw.
   */
  public static void writeString(StringBuilder out, String s) {
    out.append('"');
    int plain = plainPrefix(s);
    if (plain == s.length()) {
      // The usual case (names, decimals, symbols, ids): nothing to escape, so one bulk copy instead of a
      // character at a time; the paper exchange writes every answer and journal line through here.
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
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
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * {@return the length of the longest prefix of {@code s} that {@link #writeString} copies as it is: no
   * quote, backslash, control character or surrogate (a surrogate may be lone, so the escaping loop
   * decides)}
   */
  private static int plainPrefix(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  private JsonWriter tree(Object v, boolean plainDecimals) {
    if (v == null) {
      return nullValue();
    } else if (v instanceof String s) {
      return value(s);
    } else if (v instanceof Boolean b) {
      return value(b.booleanValue());
    } else if (v instanceof BigDecimal d) {
      return literal(plainDecimals ? d.toPlainString() : d.toString());
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return literal(v.toString());
    } else if (v instanceof Map<?, ?> m) {
      beginObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        name(String.valueOf(e.getKey())).tree(e.getValue(), plainDecimals);
      }
      return endObject();
    } else if (v instanceof Iterable<?> items) {
      beginArray();
      for (Object item : items) {
        tree(item, plainDecimals);
      }
      return endArray();
    }
    throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
  }

  private JsonWriter open(char bracket) {
    beforeValue();
    out.append(bracket);
    first.push(new boolean[] {true});
    return this;
  }

  private JsonWriter close(char bracket) {
    first.pop();
    out.append(bracket);
    return this;
  }

  /** Writes a number, {@code true}, {@code false} or {@code null} as given. */
  private JsonWriter literal(String text) {
    beforeValue();
    out.append(text);
    return this;
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
}
