package dev.bpx.auth.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader half of the project's one dependency-free JSON codec ({@link JsonWriter} is the writer): a
 * small, strict JSON (RFC 8259) reader, plus {@link #write}, a one-call writer of parsed-style values. It
 * exists because the verifier must read request bodies without a dependency; the client's request
 * bodies, the paper exchange and the MCP stdio guard share it rather than carry a second one (the
 * client's models go through Moshi, the MCP SDK through its own Jackson).
 *
 * <p>{@link #parse} maps objects to {@link LinkedHashMap} (member order kept, null values allowed),
 * arrays to {@link ArrayList}, strings to {@link String}, numbers to {@link BigDecimal} (exact, never
 * through {@code double}), {@code true}/{@code false} to {@link Boolean} and {@code null} to null.
 * Duplicate member names are rejected: a signed payload must not be ambiguous. Nesting is limited to
 * {@value #MAX_DEPTH} levels so hostile input cannot overflow the stack.
 *
 * <p>Thread-safe (stateless).
 */
public final class Json {
  /** The deepest nesting {@link #parse} accepts. */
  public static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * {@return the value the JSON text denotes}
   *
   * @throws JsonSyntaxException if the text is not exactly one valid JSON value
   */
  public static Object parse(String text) {
    if (text == null) {
      throw new JsonSyntaxException("no JSON text", 0);
    }
    Json reader = new Json(text);
    reader.skipWhitespace();
    Object value = reader.readValue(0);
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw new JsonSyntaxException("unexpected text after the JSON value", reader.pos);
    }
    return value;
  }

  /**
   * {@return compact JSON text for a value made of maps, lists, strings, numbers, booleans and null}
   *
   * <p>{@link BigDecimal} is written as a JSON number in plain notation; strings are escaped by
   * {@link JsonWriter#writeString}.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static String write(Object value) {
    return new JsonWriter().plain(value).toString();
  }

  private Object readValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw new JsonSyntaxException("nesting deeper than " + MAX_DEPTH, pos);
    }
    if (pos >= text.length()) {
      throw new JsonSyntaxException("unexpected end of input", pos);
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return readObject(depth);
      case '[':
        return readArray(depth);
      case '"':
        return readString();
      case 't':
        expectWord("true");
        return Boolean.TRUE;
      case 'f':
        expectWord("false");
        return Boolean.FALSE;
      case 'n':
        expectWord("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw new JsonSyntaxException("unexpected character '" + c + "'", pos);
    }
  }

  private Map<String, Object> readObject(int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    if (open('}')) {
      do {
        skipWhitespace();
        if (peek() != '"') {
          throw new JsonSyntaxException("expected a member name in quotes", pos);
        }
        int keyStart = pos;
        String key = readString();
        if (object.containsKey(key)) {
          throw new JsonSyntaxException("duplicate member name \"" + key + "\"", keyStart);
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
        object.put(key, readValue(depth + 1));
      } while (more('}'));
    }
    return object;
  }

  private List<Object> readArray(int depth) {
    List<Object> array = new ArrayList<>();
    if (open(']')) {
      do {
        skipWhitespace();
        array.add(readValue(depth + 1));
      } while (more(']'));
    }
    return array;
  }

  /**
   * Steps over an object's or array's opening character. {@return false when {@code close} follows at
   * once (it is read too: the container is empty), true when an element comes first}
   */
  private boolean open(char close) {
    pos++;
    skipWhitespace();
    if (peek() == close) {
      pos++;
      return false;
    }
    return true;
  }

  /**
   * Reads what follows an element of an object or array. {@return true after a comma (another element
   * comes), false after {@code close}}
   *
   * @throws JsonSyntaxException for anything else
   */
  private boolean more(char close) {
    skipWhitespace();
    char c = next();
    if (c == close) {
      return false;
    }
    if (c != ',') {
      throw new JsonSyntaxException("expected ',' or '" + close + "'", pos - 1);
    }
    return true;
  }

  private String readString() {
    pos++; // opening quote
    StringBuilder out = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw new JsonSyntaxException("unterminated string", start - 1);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw new JsonSyntaxException("control character in string", pos);
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos);
        pos++;
        char e = next();
        switch (e) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case '/' -> out.append('/');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> out.append(readHex4());
          default -> throw new JsonSyntaxException("invalid escape '\\" + e + "'", pos - 1);
        }
        start = pos;
      } else {
        pos++;
      }
    }
  }

  private char readHex4() {
    if (pos + 4 > text.length()) {
      throw new JsonSyntaxException("truncated \\u escape", pos);
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw new JsonSyntaxException("invalid \\u escape", pos);
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  private BigDecimal readNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        pos++;
      }
    } else {
      throw new JsonSyntaxException("invalid number", start);
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw new JsonSyntaxException("invalid number: digit expected after '.'", pos);
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw new JsonSyntaxException("invalid number: digit expected in exponent", pos);
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new JsonSyntaxException("number out of range", start);
    }
  }

  private void expectWord(String word) {
    if (!text.startsWith(word, pos)) {
      throw new JsonSyntaxException("invalid literal, expected " + word, pos);
    }
    pos += word.length();
  }

  private void expect(char c) {
    if (next() != c) {
      throw new JsonSyntaxException("expected '" + c + "'", pos - 1);
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw new JsonSyntaxException("unexpected end of input", pos);
    }
    return text.charAt(pos++);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
