package dev.bpx.paper.http;

import dev.bpx.paper.command.ParseError;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters with Backpack's plain-text 400 errors for values that do not parse. */
final class Query {
  private final Map<String, List<String>> params = new LinkedHashMap<>();

  Query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  String string(String name) {
    List<String> v = params.get(name);
    return v == null ? null : v.get(0);
  }

  List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (String v : params.getOrDefault(name, List.of())) {
      for (String part : v.split(",")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    }
    return out;
  }

  String required(String name) {
    String v = string(name);
    if (v == null) {
      throw ParseError.param(name, "Type \"String\" expects an input, but not found");
    }
    return v;
  }

  /** Backpack's market types, as the {@code marketType} parameter takes them. */
  static final List<String> MARKET_TYPES = List.of("SPOT", "PERP", "IPERP", "DATED", "PREDICTION", "RFQ");

  /** {@return the {@code marketType} parameter, one of {@link #MARKET_TYPES}; null when absent} */
  String marketType() {
    return oneOf("marketType", "MarketType", MARKET_TYPES.toArray(String[]::new));
  }

  /** {@return the {@code limit} of a depth request, one of Backpack's {@code DepthLimit} values; 1000 when absent} */
  int depthLimit() {
    String limit = oneOf("limit", "DepthLimit", "5", "10", "20", "50", "100", "500", "1000");
    return limit == null ? 1000 : Integer.parseInt(limit);
  }

  String oneOf(String name, String type, String... allowed) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw ParseError.param(name, "failed to parse \"" + type + "\": Expect a valid enumeration value.");
  }

  Long number(String name, String type, long min, long max) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    long n;
    try {
      n = Long.parseLong(v);
      if (n < 0 && min >= 0) {
        throw new NumberFormatException(); // an unsigned parse meets the sign first, as Rust's does
      }
    } catch (NumberFormatException e) {
      throw ParseError.param(name, "failed to parse \"" + type + "\": invalid digit found in string");
    }
    if (n < min || n > max) {
      // A number, but not one this parameter takes: say the range, in the parse errors' words (serde's "invalid value").
      throw ParseError.param(name, "failed to parse \"" + type + "\": invalid value: integer `" + n
          + "`, expected " + min + " to " + max);
    }
    return n;
  }

  Boolean bool(String name) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    throw ParseError.param(name, "failed to parse \"boolean\": provided string was not `true` or `false`");
  }

  BigDecimal decimal(String name) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw ParseError.param(name, "failed to parse \"Decimal\": Invalid decimal");
    }
  }

  /** History paging: limit (default 100, max as given) and offset. */
  int limit(int dflt, int max) {
    Long n = number("limit", "uint64", 0, max);
    return n == null ? dflt : n.intValue();
  }

  int offset() {
    Long n = number("offset", "uint64", 0, Integer.MAX_VALUE);
    return n == null ? 0 : n.intValue();
  }
}
