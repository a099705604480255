package dev.bpx.mcp.tools;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderExpiryReason;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderHistoryQuery;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What an accepted order actually did, said plainly: an order the exchange expired at once
 * (post-only that would cross, IOC or FOK with nothing to fill, reduce-only with nothing to reduce)
 * was accepted but did not trade, and the text says so first, with why and what to change.
 *
 * <p>The create answer carries the status but not the reason; the reason comes from the order
 * history, looked up by the order's id. Thread-safe (stateless).
 */
final class OrderOutcome {
  private OrderOutcome() {}

  /**
   * Adds {@code traded}, {@code expired} and (when known) {@code expiryReason} to a result, and
   * returns its text: "Placed ..." for an order that rests or traded in full, otherwise a sentence
   * that starts with "Did not trade" or "Traded only".
   *
   * @param placedText the text for an order that went through as asked, e.g. "Placed ..."
   */
  static String describe(BackpackClient client, Order order, Map<String, Object> out, String placedText) {
    boolean traded = order.executedQuantity() != null && order.executedQuantity().signum() > 0;
    boolean expired = order.status() == OrderStatus.EXPIRED;
    out.put("traded", traded);
    out.put("expired", expired);
    if (!expired) {
      return placedText;
    }
    OrderExpiryReason reason = reason(client, order);
    if (reason != null) {
      out.put("expiryReason", Text.wire(reason));
    }
    String why = reason == OrderExpiryReason.REDUCE_ONLY_NOT_REDUCED ? notReduced(client, order, traded)
        : why(order, reason);
    String what = Text.order(order);
    if (!traded) {
      return "Did not trade: " + why + " The exchange accepted the order and expired it at once, so nothing was"
          + " bought or sold and nothing rests on the book: " + what + ".";
    }
    return "Traded only " + Text.plain(order.executedQuantity()) + " of " + Text.plain(order.quantity())
        + "; the rest expired: " + why + " " + what + ".";
  }

  /** {@return the expiry reason from the order history, or null when the history does not say} */
  private static OrderExpiryReason reason(BackpackClient client, Order order) {
    try {
      return client.history().listOrders(OrderHistoryQuery.builder().symbol(order.symbol()).orderId(order.id())
              .limit(1).build()).stream()
          .filter(h -> order.id().equals(h.id())).findFirst().map(HistoricalOrder::expiryReason).orElse(null);
    } catch (BackpackException e) {
      // The order is placed either way; without the history the text says where to look.
      return null;
    }
  }

  private static String why(Order order, OrderExpiryReason reason) {
    boolean buy = order.side() == Side.BID;
    if (reason == null) {
      return "the exchange expired it and did not say why here; see expiryReason in get_order_history.";
    }
    return switch (reason) {
      case POST_ONLY_TAKER -> "the post-only order" + at(order.price()) + " would have crossed the book and taken"
          + " liquidity, and post-only orders only rest. To rest it, price the " + (buy ? "buy below the best ask"
          : "sell above the best bid") + "; to trade now, drop postOnly.";
      case IMMEDIATE_OR_CANCEL -> "an IOC order trades only what the book offers at once" + at(order.price())
          + ", and nothing was there. Use a price that crosses the book, or timeInForce GTC to rest the order.";
      case FILL_OR_KILL -> "a FOK order trades its whole quantity at once or nothing, and the book could not fill all"
          + " of it" + at(order.price()) + ". Reduce the quantity, use a price further into the book, or IOC to take"
          + " what there is.";
      case INSUFFICIENT_LIQUIDITY -> "the book had no liquidity to fill the order. Try a smaller quantity, or a limit"
          + " order that rests.";
      case SELF_TRADE_PREVENTION -> "it would have traded with one of the account's own resting orders. Cancel that"
          + " order first, or change selfTradePrevention.";
      case PRICE_OUT_OF_BOUNDS, PRICE_IMPACT, SLIPPAGE_TOLERANCE_EXCEEDED -> "its price was outside what the exchange"
          + " allows now (" + Text.wire(reason) + "). Use a price nearer the mark, or a smaller quantity.";
      case INSUFFICIENT_FUNDS, INSUFFICIENT_MARGIN -> "the account lacked the funds or margin for it (" + Text.wire(reason)
          + "). Reduce the quantity or add collateral.";
      default -> "the exchange expired it (reason " + Text.wire(reason) + ").";
    };
  }

  /**
   * {@return why a reduce-only order expired, from the position as it stands} The exchange gives one
   * reason, ReduceOnlyNotReduced, both when there is nothing to reduce and when the order is larger than
   * the position; the advice differs (a smaller quantity, or the other side), and dropping reduceOnly is
   * never the advice while a position exists: that would turn a close into a new position the other way.
   */
  private static String notReduced(BackpackClient client, Order order, boolean traded) {
    String symbol = order.symbol();
    if (traded) {
      return "a reduce-only order only makes a position smaller, and the quantity " + Text.plain(order.quantity())
          + " was larger than the position on " + symbol + ": it reduced the position by "
          + Text.plain(order.executedQuantity()) + " and the rest expired instead of opening a position the other way."
          + " Check list_positions.";
    }
    BigDecimal net;
    try {
      net = client.account().getPosition(symbol).map(Position::netQuantity).orElse(BigDecimal.ZERO);
    } catch (BackpackException e) {
      return "a reduce-only order must be on the opposite side of an open position and no larger than it. Check"
          + " list_positions and use the other side of the position, or a quantity no larger than it.";
    }
    boolean buy = order.side() == Side.BID;
    if (net.signum() == 0) {
      return "a reduce-only order only makes an open position smaller, and there is no position on " + symbol
          + " to reduce (list_positions shows the open ones). A reduce-only order never opens a position.";
    }
    String position = (net.signum() > 0 ? "long " : "short ") + Text.plain(net.abs());
    if (net.signum() == (buy ? 1 : -1)) {
      return "the position on " + symbol + " is " + position + ", and a " + (buy ? "buy" : "sell") + " would make it"
          + " larger, not smaller. To reduce it, " + (buy ? "sell (side Ask)" : "buy (side Bid)") + " with reduceOnly.";
    }
    if (order.quantity() != null && order.quantity().compareTo(net.abs()) > 0) {
      return "the quantity " + Text.plain(order.quantity()) + " is larger than the position it would reduce ("
          + position + " on " + symbol + "), and a reduce-only order may not be larger than its position. Use a"
          + " quantity of at most " + Text.plain(net.abs()) + " (close_position closes the whole position).";
    }
    return "the exchange found nothing to reduce when the order arrived; the position on " + symbol + " is now "
        + position + ". Check list_positions and the open orders before sending it again.";
  }

  private static String at(BigDecimal price) {
    return price == null ? "" : " at " + Text.plain(price);
  }
}
