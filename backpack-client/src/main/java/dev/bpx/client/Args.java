package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import java.math.BigDecimal;

/** Argument checks of the service methods; failures are {@link ValidationException}s. Thread-safe. */
final class Args {
  private Args() {}

  static String symbol(String symbol) {
    return text("symbol", symbol, "give a market symbol such as SOL_USDC or SOL_USDC_PERP");
  }

  static String asset(String asset) {
    return text("asset", asset, "give an asset symbol such as USDC or SOL");
  }

  static String text(String field, String value, String fix) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, "is required", fix);
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new ValidationException(field, "'" + value + "' contains whitespace", "remove the spaces");
    }
    return value;
  }

  static <T> T required(String field, T value, String fix) {
    if (value == null) {
      throw new ValidationException(field, "is required", fix);
    }
    if (value instanceof Enum<?> e && "UNKNOWN".equals(e.name())) {
      throw new ValidationException(field, "UNKNOWN is not a value Backpack accepts", "choose one of the named constants");
    }
    return value;
  }

  static BigDecimal positive(String field, BigDecimal value) {
    required(field, value, "give a positive amount");
    if (value.signum() <= 0) {
      throw new ValidationException(field, value.toPlainString() + " is not positive", "use an amount greater than 0");
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value + " is outside " + min + ".." + max,
          "use a value between " + min + " and " + max);
    }
    return value;
  }

  static long clientId(long clientId) {
    if (clientId < 0 || clientId > 0xFFFF_FFFFL) {
      throw new ValidationException("clientId", clientId + " is outside the uint32 range 0..4294967295",
          "use the clientId the order was placed with");
    }
    return clientId;
  }

  /** Checks that an order is named by exactly one of its id and its clientId (in range). */
  static void oneOrderId(String orderId, Long clientId) {
    if ((orderId == null) == (clientId == null)) {
      throw new ValidationException("orderId/clientId", "give exactly one of orderId and clientId", "pass one, set the other to null");
    }
    if (clientId != null) {
      clientId(clientId);
    }
  }
}
