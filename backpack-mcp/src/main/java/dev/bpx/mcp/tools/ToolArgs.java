package dev.bpx.mcp.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, strict access to one tool call's arguments: JSON to Java types only, no trading rules.
 *
 * <p>Amounts are decimal strings ({@code "0.5"}). Models and the inspector's {@code --tool-arg
 * quantity=0.5} send JSON numbers; the stdin guard hands those on as the exact text they were written
 * with (see {@code ToolCallGate}), so here they are strings too. A number that still arrives as a
 * number (a call that did not pass the guard) is accepted when its decimal value is certain: any
 * integer, any {@code BigDecimal}, and a {@code double} whose shortest representation has at most 15
 * significant digits (every decimal of up to 15 digits survives the trip through {@code double}
 * unchanged, so that is the number that was written). Anything longer is refused with the string form
 * to send. Unknown argument names are refused too, so a misspelt {@code reduce_only} is an error
 * rather than an order without the flag.
 *
 * <p>Not thread-safe; one instance per call.
 */
final class ToolArgs {
  static final String DECIMAL_PATTERN = "^[0-9]+(\\.[0-9]+)?$";
  static final String SYMBOL_PATTERN = "^[A-Za-z0-9]+(_[A-Za-z0-9]+)+$";
  private static final Pattern DECIMAL = Pattern.compile(DECIMAL_PATTERN);
  private static final Pattern SYMBOL = Pattern.compile(SYMBOL_PATTERN);

  private final Map<String, Object> values;
  private final UserConfirmation confirmation;
  private final BooleanSupplier cancelled;

  ToolArgs(Map<String, Object> values, Collection<String> allowed) {
    this(values, allowed, UserConfirmation.NONE, () -> false);
  }

  /**
   * @param confirmation how to ask the person at the client (not the assistant) to confirm an order
   * @param cancelled whether the client has cancelled this call (notifications/cancelled)
   */
  ToolArgs(Map<String, Object> values, Collection<String> allowed, UserConfirmation confirmation,
      BooleanSupplier cancelled) {
    this.values = values == null ? Map.of() : values;
    this.confirmation = confirmation;
    this.cancelled = cancelled;
    for (String name : this.values.keySet()) {
      if (!allowed.contains(name)) {
        throw new ToolInputException("unknown argument '" + name + "'"
            + (allowed.isEmpty() ? ": this tool takes no arguments" : "; this tool takes: " + String.join(", ", allowed)));
      }
    }
  }

  /** {@return whether the client has cancelled this call; asked before anything that cannot be taken back} */
  BooleanSupplier cancelled() {
    return cancelled;
  }

  /** {@return how to ask the user to confirm; never taken from the arguments, so the assistant cannot answer it} */
  UserConfirmation confirmation() {
    return confirmation;
  }

  /**
   * Hands an optional argument's value to a builder's setter when the call gave it: an argument not given leaves
   * the builder as it is (unset, the exchange's default), which no value the tool could pass says.
   *
   * @return whether the argument was given
   */
  static <T> boolean setIfGiven(T value, Consumer<? super T> setter) {
    if (value == null) {
      return false;
    }
    setter.accept(value);
    return true;
  }

  boolean has(String name) {
    Object v = values.get(name);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  String string(String name) {
    return present(optionalString(name), "'" + name + "' is required");
  }

  String optionalString(String name) {
    return optional(name, ToolArgs::readString);
  }

  /**
   * {@return the argument read by {@code read}, or null when the call did not give it} Every optional
   * reader starts here, so a JSON null and an absent argument stay the same thing for all types.
   */
  private <T> T optional(String name, BiFunction<String, Object, T> read) {
    Object v = values.get(name);
    return v == null ? null : read.apply(name, v);
  }

  /** {@return a string argument stripped, or null for the blank and "null" texts that mean absent} */
  private static String readString(String name, Object v) {
    if (!(v instanceof String s)) {
      throw new ToolInputException("'" + name + "' must be a string (got " + describe(v) + ")");
    }
    String stripped = s.strip();
    // The seed server treated "", "null" as absent; assistants still send them.
    return stripped.isEmpty() || stripped.equals("null") ? null : stripped;
  }

  String symbol(String name) {
    String value = string(name);
    return checkSymbol(name, value);
  }

  String optionalSymbol(String name) {
    String value = optionalString(name);
    return value == null ? null : checkSymbol(name, value);
  }

  private static <T> T present(T value, String missing) {
    if (value == null) {
      throw new ToolInputException(missing);
    }
    return value;
  }

  private static String checkSymbol(String name, String value) {
    if (!SYMBOL.matcher(value).matches()) {
      throw new ToolInputException("'" + name + "' '" + value + "' is not a market symbol: use the form BASE_QUOTE for spot"
          + " (e.g. SOL_USDC) or BASE_QUOTE_PERP for perpetuals (e.g. SOL_USDC_PERP); list_markets shows every symbol");
    }
    return value.toUpperCase(Locale.ROOT);
  }

  BigDecimal decimal(String name) {
    return present(optionalDecimal(name), "'" + name + "' is required: send it as a decimal string such as \"0.5\"");
  }

  BigDecimal optionalDecimal(String name) {
    return optional(name, ToolArgs::readDecimal);
  }

  private static BigDecimal readDecimal(String name, Object v) {
    String text;
    if (v instanceof Number number) {
      BigDecimal exact = exactDecimal(number);
      if (exact == null) {
        throw new ToolInputException("'" + name + "' arrived as the JSON number " + number + ", which has more digits than a"
            + " JSON number carries exactly; send the amount as a decimal string instead, e.g. \"" + name + "\": \""
            + plainText(number) + "\" (with exactly the digits you mean)");
      }
      text = exact.toPlainString();
    } else {
      text = readString(name, v);
    }
    if (text == null) {
      return null;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new ToolInputException("'" + name + "' '" + text + "' is not a plain positive decimal: use digits with an"
          + " optional decimal point, e.g. \"0.25\" or \"142.10\" (no signs, exponents, commas or units)");
    }
    return new BigDecimal(text);
  }

  /** {@return the number's decimal value when it is certain, else null} */
  static BigDecimal exactDecimal(Number number) {
    if (number instanceof BigDecimal d) {
      return d;
    }
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
        || number instanceof BigInteger) {
      return new BigDecimal(number.toString());
    }
    if (number instanceof Double || number instanceof Float) {
      // Only the parser's text is used, never the binary value: Double.toString / Float.toString is the
      // shortest text that reads back as the same value ("NaN" and "Infinity" are not decimals).
      try {
        BigDecimal shortest = new BigDecimal(number.toString()).stripTrailingZeros();
        return shortest.precision() <= 15 ? shortest : null;
      } catch (NumberFormatException notADecimal) {
        return null;
      }
    }
    return null;
  }

  private static String plainText(Number number) {
    try {
      return new BigDecimal(number.toString()).toPlainString();
    } catch (NumberFormatException e) {
      return number.toString();
    }
  }

  Boolean optionalBoolean(String name) {
    return optional(name, ToolArgs::readBoolean);
  }

  private static Boolean readBoolean(String name, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new ToolInputException("'" + name + "' must be true or false (got " + describe(v) + ")");
  }

  boolean flag(String name, boolean defaultValue) {
    Boolean b = optionalBoolean(name);
    return b == null ? defaultValue : b;
  }

  /** {@return the {@code limit} argument, 1 to 1000 (a page of the exchange), or {@code byDefault} when absent} */
  int limit(int byDefault) {
    Long limit = optionalLong("limit", 1, Schemas.MAX_LIMIT);
    return limit == null ? byDefault : limit.intValue();
  }

  Long optionalLong(String name, long min, long max) {
    return optional(name, (n, v) -> readLong(n, v, min, max));
  }

  private static Long readLong(String name, Object v, long min, long max) {
    BigInteger integer;
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
      integer = new BigInteger(v.toString());
    } else if (v instanceof String s && s.strip().matches("-?[0-9]+")) {
      integer = new BigInteger(s.strip());
    } else {
      throw new ToolInputException("'" + name + "' must be a whole number between " + min + " and " + max + " (got " + describe(v) + ")");
    }
    if (integer.compareTo(BigInteger.valueOf(min)) < 0 || integer.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new ToolInputException("'" + name + "' must be between " + min + " and " + max + " (got " + integer + ")");
    }
    return integer.longValue();
  }

  /** Parses a wire-spelled enum value with the enum's own lenient decoder, refusing UNKNOWN. */
  <E extends Enum<E>> E optionalEnum(String name, Function<String, E> fromWire, List<String> allowed) {
    String text = optionalString(name);
    if (text == null) {
      return null;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(text)) {
        return fromWire.apply(candidate);
      }
    }
    throw new ToolInputException("'" + name + "' '" + text + "' is not one of " + String.join(", ", allowed));
  }

  <E extends Enum<E>> E requiredEnum(String name, Function<String, E> fromWire, List<String> allowed) {
    E value = optionalEnum(name, fromWire, allowed);
    if (value == null) {
      throw new ToolInputException("'" + name + "' is required: one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static String describe(Object v) {
    if (v instanceof String s) {
      return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return v instanceof Map ? "an object" : v instanceof List ? "an array" : v.getClass().getSimpleName();
  }
}
