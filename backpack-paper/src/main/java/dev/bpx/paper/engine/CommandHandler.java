package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link Command} to the engine: parses its payload (plain-text {@link ParseError} or
 * {@link ApiError} when refused, before anything changes) and runs it. The same code serves
 * live requests and journal replay. Not thread-safe; the caller holds the engine lock.
 */
public final class CommandHandler {
  private final Engine engine;

  public CommandHandler(Engine engine) {
    this.engine = engine;
  }

  /** {@return the command's result: an order, a list of orders / batch results, or null} */
  public Object apply(Command c) {
    engine.advanceTo(c.time());
    switch (c.type()) {
      case Command.CREATE_ACCOUNT -> {
        return engine.accounts().find(c.apiKey()) != null ? null : engine.accounts().create(c.apiKey());
      }
      case Command.ORDER -> {
        return engine.placeOrder(account(c), OrderRequest.parse(c.payload()));
      }
      case Command.ORDERS -> {
        return batch(account(c), c.payload());
      }
      case Command.CANCEL -> {
        Fields f = new Fields(c.payload(), "OrderCancelPayload");
        return engine.cancelOrder(account(c), f.string("symbol", true), orderId(f), f.uint32("clientId"));
      }
      case Command.CANCEL_ALL -> {
        Fields f = new Fields(c.payload(), "OrderCancelAllPayload");
        String type = f.string("orderType", false);
        if (type != null && !type.equals("RestingLimitOrder") && !type.equals("ConditionalOrder")) {
          throw ParseError.payload("OrderCancelAllPayload",
              "failed to parse \"CancelOrderTypeEnum\": Expect a valid enumeration value.");
        }
        return engine.cancelAll(account(c), f.string("symbol", true), type);
      }
      case Command.BORROW_LEND -> {
        new BorrowLend(engine).execute(account(c), new Fields(c.payload(), "BorrowLendExecutePayload"));
        return null;
      }
      case Command.UPDATE_ACCOUNT -> {
        AccountUpdate.apply(account(c), new Fields(c.payload(), "UpdateAccountSettingsRequest"));
        return null;
      }
      case Command.SET_PRICE -> {
        Fields f = new Fields(c.payload(), "SetPrice");
        BigDecimal price = f.decimal("price");
        if (price == null || price.signum() <= 0) {
          throw ApiError.badRequest("price must be positive");
        }
        engine.setPrice(f.string("symbol", true), price);
        return null;
      }
      case Command.CLOCK, Command.TICK -> {
        return null;
      }
      case Command.FUND -> {
        Fields f = new Fields(c.payload(), "Fund");
        String asset = f.string("asset", true);
        BigDecimal quantity = f.decimal("quantity");
        if (!engine.assets().containsKey(asset) || quantity == null) {
          throw ApiError.of("INVALID_ASSET", "Invalid asset or quantity");
        }
        engine.ledger().mint(account(c), asset, quantity);
        engine.afterCommand();
        return null;
      }
      case Command.RESET -> {
        new AccountReset(engine).reset(account(c));
        return null;
      }
      default -> throw new IllegalArgumentException("unknown command " + c.type());
    }
  }

  private Account account(Command c) {
    Account a = engine.accounts().find(c.apiKey());
    if (a == null) {
      a = engine.accounts().create(c.apiKey());
    }
    return a;
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

  private List<Object> batch(Account a, Object payload) {
    if (!(payload instanceof List<?> items)) {
      throw ParseError.payload("Vec<OrderExecutePayload>", "expected an array");
    }
    List<OrderRequest> requests = new ArrayList<>();
    for (Object item : items) {
      requests.add(OrderRequest.parse(item));
    }
    List<Object> out = new ArrayList<>();
    for (OrderRequest r : requests) {
      try {
        Order o = engine.placeOrder(a, r);
        out.add(o);
      } catch (ApiError e) {
        out.add(e);
      } catch (ParseError e) {
        out.add(ApiError.badRequest(e.getMessage()));
      }
    }
    return out;
  }

  /** Exposed for the control API's reads. */
  public Map<String, MarketState> markets() {
    return engine.markets();
  }
}
