package dev.bpx.paper.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates a request's JSON payload (as {@code dev.bpx.auth.json.Json} parsed it) into
 * a typed {@link Command}, once, at the edge: the HTTP routes, and version-2 journal lines, which
 * held the payloads as received. Fails with Backpack's plain-text {@link ParseError} for a payload
 * of the wrong shape, or {@link ApiError}, in the same order of checks as Backpack's answers. What
 * depends on the engine's state (market and asset symbols, balances) is checked when the engine
 * runs the command. Stateless.
 */
public final class CommandParser {
  private CommandParser() {}

  public static Command.PlaceOrder order(String apiKey, Object body) {
    return new Command.PlaceOrder(apiKey, OrderRequest.parse(body));
  }

  /** Every order of the batch must parse, or the whole batch is refused. */
  public static Command.PlaceOrders orders(String apiKey, Object body) {
    if (!(body instanceof List<?> items)) {
      throw ParseError.payload("Vec<OrderExecutePayload>", "expected an array");
    }
    List<OrderRequest> requests = new ArrayList<>();
    for (Object item : items) {
      requests.add(OrderRequest.parse(item));
    }
    return new Command.PlaceOrders(apiKey, requests);
  }

  public static Command.CancelOrder cancel(String apiKey, Object body) {
    Fields f = new Fields(body, "OrderCancelPayload");
    String symbol = f.string("symbol", true);
    Long orderId = orderId(f);
    return new Command.CancelOrder(apiKey, symbol, orderId, f.uint32("clientId"));
  }

  private static Long orderId(Fields f) {
    Object v = f.raw("orderId");
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.toString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw ParseError.payload("OrderCancelPayload", "failed to parse \"orderId\": invalid order id");
    }
  }

  public static Command.CancelAll cancelAll(String apiKey, Object body) {
    Fields f = new Fields(body, "OrderCancelAllPayload");
    String symbol = f.string("symbol", true);
    String type = f.string("orderType", false);
    if (type != null && !type.equals("RestingLimitOrder") && !type.equals("ConditionalOrder")) {
      throw ParseError.payload("OrderCancelAllPayload",
          "failed to parse \"CancelOrderTypeEnum\": Expect a valid enumeration value.");
    }
    return new Command.CancelAll(apiKey, symbol, type);
  }

  public static Command.BorrowLend borrowLend(String apiKey, Object body) {
    Fields f = new Fields(body, "BorrowLendExecutePayload");
    String asset = f.string("symbol", true);
    String side = f.string("side", true);
    if (!side.equals("Borrow") && !side.equals("Lend")) {
      throw ParseError.payload("BorrowLendExecutePayload",
          "failed to parse \"BorrowLendSide\": Expect a valid enumeration value.");
    }
    BigDecimal quantity = f.decimal("quantity");
    if (quantity == null) {
      throw ParseError.payload("BorrowLendExecutePayload", "missing field `quantity`");
    }
    return new Command.BorrowLend(apiKey, asset, Command.BorrowLendSide.valueOf(side), quantity);
  }

  public static Command.UpdateAccount updateAccount(String apiKey, Object body) {
    Fields f = new Fields(body, "UpdateAccountSettingsRequest");
    Boolean autoBorrowSettlements = f.bool("autoBorrowSettlements");
    Boolean autoLend = f.bool("autoLend");
    Boolean autoRepayBorrows = f.bool("autoRepayBorrows");
    BigDecimal leverage = f.decimal("leverageLimit");
    if (leverage != null && (leverage.signum() <= 0 || leverage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw ApiError.badRequest("Invalid leverage limit");
    }
    return new Command.UpdateAccount(apiKey, autoBorrowSettlements, autoLend, autoRepayBorrows, leverage);
  }

  public static Command.SetPrice setPrice(Object body) {
    Fields f = new Fields(body, "SetPrice");
    BigDecimal price = f.decimal("price");
    if (price == null || price.signum() <= 0) {
      throw ApiError.badRequest("price must be positive");
    }
    return new Command.SetPrice(f.string("symbol", true), price);
  }

  public static Command.Fund fund(String apiKey, Object body) {
    Fields f = new Fields(body, "Fund");
    String asset = f.string("asset", true);
    BigDecimal quantity = f.decimal("quantity");
    if (quantity == null) {
      // the same answer as an unknown asset, which the engine checks
      throw ApiError.of("INVALID_ASSET", "Invalid asset or quantity");
    }
    return new Command.Fund(apiKey, asset, quantity);
  }

  public static Command.SetClock clock(Object body) {
    BigDecimal offset = new Fields(body, "Clock").decimal("offsetMillis");
    if (offset == null) {
      throw ParseError.payload("Clock", "missing field `offsetMillis`");
    }
    return new Command.SetClock(offset.longValueExact());
  }
}
