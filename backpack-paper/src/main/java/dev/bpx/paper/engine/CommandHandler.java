package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.AccountUpdate;
import dev.bpx.paper.matching.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a typed {@link Command} on the engine at its time. Checks what depends on the engine's
 * state (markets, assets, balances, margin) and refuses with {@link ApiError} or
 * {@link ParseError} before anything changes; the payload was parsed and validated at the edge.
 * The same code serves live requests and journal replay. Not thread-safe; one writer owns it.
 */
public final class CommandHandler {
  private final Engine engine;

  public CommandHandler(Engine engine) {
    this.engine = engine;
  }

  /** {@return the command's result: an order, a list of orders / batch results, or null} */
  public Object apply(TimedCommand timed) {
    engine.advanceTo(timed.time());
    Command c = timed.command();
    if (c instanceof Command.PlaceOrder o) {
      try {
        return engine.placeOrder(account(c), o.order());
      } finally {
        engine.clearPendingQueues();
      }
    } else if (c instanceof Command.PlaceOrders b) {
      try {
        return batch(account(c), b.orders());
      } finally {
        engine.clearPendingQueues();
      }
    } else if (c instanceof Command.CancelOrder x) {
      return engine.cancelOrder(account(c), x.symbol(), x.orderId(), x.clientId());
    } else if (c instanceof Command.CancelAll x) {
      return engine.cancelAll(account(c), x.symbol(), x.orderType());
    } else if (c instanceof Command.BorrowLend x) {
      engine.borrowLend.execute(account(c), x.asset(), x.quantity(), x.side() == Command.BorrowLendSide.Lend);
    } else if (c instanceof Command.UpdateAccount x) {
      AccountUpdate.apply(account(c), x.autoBorrowSettlements(), x.autoLend(), x.autoRepayBorrows(),
          x.leverageLimit());
    } else if (c instanceof Command.CreateAccount) {
      return engine.accounts().find(c.apiKey()) != null ? null : engine.accounts().create(c.apiKey());
    } else if (c instanceof Command.SetPrice x) {
      engine.setPrice(x.symbol(), x.price());
    } else if (c instanceof Command.Fund x) {
      if (!engine.assets().containsKey(x.asset()) || x.quantity() == null) {
        throw ApiError.of("INVALID_ASSET", "Invalid asset or quantity");
      }
      engine.ledger().mint(account(c), x.asset(), x.quantity());
      engine.afterCommand();
    } else if (c instanceof Command.UpstreamData x) {
      engine.upstreamData(x.markets());
    } else if (c instanceof Command.UpstreamMarkets x) {
      engine.upstreamMarkets(x.list());
    } else if (c instanceof Command.PriceBands) {
      engine.priceBands(true);
    } else if (c instanceof Command.Reset) {
      engine.reset.reset(account(c));
    } else if (c instanceof Command.NumberTradesPerMarket) {
      engine.numberTradesPerMarket();
    } else if (!(c instanceof Command.SetClock) && !(c instanceof Command.Tick)) {
      throw new IllegalArgumentException("unknown command " + c.getClass().getSimpleName());
    }
    return null;
  }

  /**
   * Runs a command and {@return what it did}: accepted with the orders of its answer, or rejected with
   * the code of the refusal, as the live run recorded it (which journals refusals too: a refusal may
   * still have moved time or opened the account). Replay compares it with the journal's record.
   */
  public Outcome applyForOutcome(TimedCommand timed) {
    Object result;
    try {
      result = apply(timed);
    } catch (RuntimeException refusal) {
      return Outcome.of(refusal);
    }
    return Outcome.of(timed.command(), result);
  }

  private Account account(Command c) {
    Account a = engine.accounts().find(c.apiKey());
    if (a == null) {
      a = engine.accounts().create(c.apiKey());
    }
    return a;
  }

  private List<Object> batch(Account a, List<OrderRequest> requests) {
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
