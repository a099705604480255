package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.exception.ValidationException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a request so that one exception can report them all. Not thread-safe. */
final class Problems {
  static final long MAX_PAGE_LIMIT = 1000;

  private final List<Violation> violations = new ArrayList<>();

  void add(String field, String reason, String fix) {
    violations.add(new Violation(field, reason, fix));
  }

  void addAll(List<Violation> more) {
    violations.addAll(more);
  }

  void requireSymbol(String field, String symbol) {
    if (symbol == null || symbol.isBlank()) {
      add(field, "is required", "give a market symbol such as SOL_USDC or SOL_USDC_PERP");
    } else if (!symbol.strip().equals(symbol) || symbol.chars().anyMatch(Character::isWhitespace)) {
      add(field, "'" + symbol + "' contains whitespace", "remove the spaces");
    }
  }

  void optionalSymbol(String field, String symbol) {
    if (symbol != null) {
      requireSymbol(field, symbol);
    }
  }

  void requireValue(String field, Object value, String fix) {
    if (value == null) {
      add(field, "is required", fix);
    }
  }

  void known(String field, Enum<?> value) {
    if (value != null && "UNKNOWN".equals(value.name())) {
      add(field, "UNKNOWN is not a value Backpack accepts", "choose one of the named constants");
    }
  }

  void positive(String field, BigDecimal value) {
    if (value != null && value.signum() <= 0) {
      add(field, value.toPlainString() + " is not positive", "use an amount greater than 0");
    }
  }

  void page(Integer limit, Integer offset) {
    if (limit != null && (limit < 1 || limit > MAX_PAGE_LIMIT)) {
      add("limit", limit + " is outside 1.." + MAX_PAGE_LIMIT, "use a limit between 1 and " + MAX_PAGE_LIMIT);
    }
    if (offset != null && offset < 0) {
      add("offset", offset + " is negative", "use an offset of 0 or more");
    }
  }

  boolean isEmpty() {
    return violations.isEmpty();
  }

  List<Violation> list() {
    return List.copyOf(violations);
  }

  void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
