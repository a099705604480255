package dev.bpx.auth.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Indented JSON text for files people read and edit, such as an MCP client's configuration that
 * {@code backpack-mcp setup} merges an entry into: the layout of ECMAScript's
 * {@code JSON.stringify(value, null, 2)} (one member or element per line, {@code ": "} after names,
 * empty containers as {@code {}} and {@code []}), so a file written by a JavaScript client looks the
 * same after the merge.
 *
 * <p>Takes what {@link Json#parse} returns. Strings are escaped by {@link JsonWriter#writeString}, the
 * codec's one escaping rule; a {@link BigDecimal} is written in {@link BigDecimal#toString()} form, as
 * {@link JsonWriter#raw} does, so a number read from a file goes back unchanged in value and scale.
 *
 * <p>Thread-safe (stateless).
 */
public final class PrettyJson {
  private PrettyJson() {}

  /**
   * {@return the value as JSON text indented by {@code indent} spaces per level, without a final newline}
   *
   * @throws IllegalArgumentException for a type {@link Json#parse} never returns, or a negative indent
   */
  public static String write(Object value, int indent) {
    if (indent < 0) {
      throw new IllegalArgumentException("indent < 0");
    }
    StringBuilder out = new StringBuilder(256);
    write(out, value, indent, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object v, int indent, int depth) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      JsonWriter.writeString(out, s);
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (v instanceof BigDecimal d) {
      out.append(d);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(out, indent, depth + 1);
        JsonWriter.writeString(out, String.valueOf(e.getKey()));
        out.append(": ");
        write(out, e.getValue(), indent, depth + 1);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      newline(out, indent, depth);
      out.append('}');
    } else if (v instanceof Iterable<?> items) {
      Iterator<?> it = items.iterator();
      if (!it.hasNext()) {
        out.append("[]");
        return;
      }
      out.append('[');
      while (it.hasNext()) {
        newline(out, indent, depth + 1);
        write(out, it.next(), indent, depth + 1);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      newline(out, indent, depth);
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void newline(StringBuilder out, int indent, int depth) {
    out.append('\n');
    out.append(" ".repeat(indent * depth));
  }
}
