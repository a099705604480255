package dev.bpx.mcp.config;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses the order limits and circuit breakers: positive decimal amounts and the allowed symbols. */
final class LimitSettings {
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]+(_[A-Za-z0-9]+)+");

  private LimitSettings() {}

  /**
   * {@return the limit, or null when unset (no limit)}
   *
   * @param meaning what the value is, with examples, for the error message
   */
  static BigDecimal positive(String name, Optional<String> text, String meaning) {
    if (text.isEmpty()) {
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.get().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ConfigException(name, name + " '" + text.get() + "' is not a decimal number: set it to " + meaning, null, null);
    }
    if (value.signum() <= 0) {
      throw new ConfigException(name, name + " must be positive (got " + text.get()
          + "); leave it unset for no limit, or set BACKPACK_READ_ONLY=true to forbid orders instead", null, null);
    }
    return value;
  }

  /** {@return the allowed symbols, upper case in the order given; empty when unset (all allowed)} */
  static Set<String> symbols(Optional<String> text) {
    Set<String> symbols = new LinkedHashSet<>();
    if (text.isEmpty()) {
      return symbols;
    }
    for (String part : text.get().split(",")) {
      String symbol = part.strip();
      if (symbol.isEmpty()) {
        continue;
      }
      if (!SYMBOL.matcher(symbol).matches()) {
        throw new ConfigException(Settings.ALLOWED_SYMBOLS, Settings.ALLOWED_SYMBOLS + " entry '" + symbol
            + "' is not a market symbol: list symbols such as SOL_USDC,BTC_USDC_PERP separated by commas", null, null);
      }
      symbols.add(symbol.toUpperCase(Locale.ROOT));
    }
    if (symbols.isEmpty()) {
      throw new ConfigException(Settings.ALLOWED_SYMBOLS, Settings.ALLOWED_SYMBOLS
          + " is set but lists no symbol: list symbols such as SOL_USDC, or remove it to allow all", null, null);
    }
    return symbols;
  }
}
