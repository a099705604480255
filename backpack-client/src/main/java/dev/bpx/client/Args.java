package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Argument checks of the service methods; failures are {@link ValidationException}s. Thread-safe. */
final class Args {
  /** How much of a caller's value a message repeats: enough to recognise it, never a whole pasted document. */
  static final int MAX_ECHO_CHARS = 64;
  /** The largest order id: the exchange reads order ids as unsigned 64-bit integers (it answers "abc" with "invalid order id"). */
  private static final BigInteger MAX_ORDER_ID = new BigInteger("18446744073709551615");

  private Args() {}

  /** {@return {@code value} as a message may repeat it: cut at 64 characters, with its full length said} */
  static String echo(String value) {
    if (value == null || value.length() <= MAX_ECHO_CHARS) {
      return value;
    }
    return value.substring(0, MAX_ECHO_CHARS) + "…(" + value.length() + " chars)";
  }

  /**
   * {@return an order id as the exchange gives them out: decimal digits of an unsigned 64-bit integer,
   * e.g. "8284671277"} The OpenAPI spec types it as a string, but every id the exchange returns is
   * digits and it refuses anything else, so a malformed one is refused here, before it is sent.
   */
  static String orderId(String orderId) {
    String id = text("orderId", orderId, "give the order's id as the exchange returned it, e.g. 8284671277");
    if (id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9') || new BigInteger(id).compareTo(MAX_ORDER_ID) > 0) {
      throw new ValidationException("orderId", "'" + echo(id) + "' is not an order id",
          "order ids are whole numbers such as 8284671277, as the exchange returns them; to name an order by"
              + " the number you chose, use its clientId");
    }
    return id;
  }

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
      throw new ValidationException(field, "'" + echo(value) + "' contains whitespace", "remove the spaces");
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

  /** Checks that an order is named by exactly one of its id (well formed) and its clientId (in range). */
  static void oneOrderId(String orderId, Long clientId) {
    if ((orderId == null) == (clientId == null)) {
      throw new ValidationException("orderId/clientId", "give exactly one of orderId and clientId", "pass one, set the other to null");
    }
    if (clientId != null) {
      clientId(clientId);
    } else {
      orderId(orderId);
    }
  }
}
