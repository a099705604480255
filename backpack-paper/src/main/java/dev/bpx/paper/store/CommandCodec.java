package dev.bpx.paper.store;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import dev.bpx.paper.matching.TriggerBy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed {@link Command} as journal version 3 stores it: a type name ({@code "c"}, the names of
 * version 2) and the record's fields as a JSON object ({@code "p"}), null fields left out,
 * decimals as strings in {@link BigDecimal#toString()} form (scale kept exactly), enums by name.
 * Decoding checks types only: the command was validated when it was first parsed, and a journal
 * is never parsed as a request again. Stateless.
 */
final class CommandCodec {
  private CommandCodec() {}

  static String type(Command c) {
    return CommandKind.of(c).journalName;
  }

  /** {@return the command's fields as JSON values, or null for a command that has none besides its key} */
  static Object payload(Command c) {
    Payload p = new Payload();
    if (c instanceof Command.PlaceOrder o) {
      return order(o.order());
    } else if (c instanceof Command.PlaceOrders b) {
      List<Object> orders = new ArrayList<>();
      b.orders().forEach(o -> orders.add(order(o)));
      return orders;
    } else if (c instanceof Command.CancelOrder x) {
      p.put("symbol", x.symbol()).put("orderId", x.orderId()).put("clientId", x.clientId());
    } else if (c instanceof Command.CancelAll x) {
      p.put("symbol", x.symbol()).put("orderType", x.orderType());
    } else if (c instanceof Command.BorrowLend x) {
      p.put("asset", x.asset()).put("side", x.side()).put("quantity", x.quantity());
    } else if (c instanceof Command.UpdateAccount x) {
      p.put("autoBorrowSettlements", x.autoBorrowSettlements()).put("autoLend", x.autoLend())
          .put("autoRepayBorrows", x.autoRepayBorrows()).put("leverageLimit", x.leverageLimit());
    } else if (c instanceof Command.SetPrice x) {
      p.put("symbol", x.symbol()).put("price", x.price());
    } else if (c instanceof Command.SetClock x) {
      p.put("offsetMillis", x.offsetMillis());
    } else if (c instanceof Command.Fund x) {
      p.put("asset", x.asset()).put("quantity", x.quantity());
    } else if (c instanceof Command.UpstreamData x) {
      List<Object> markets = new ArrayList<>();
      for (Command.MarketUpdate u : x.markets()) {
        Payload m = new Payload().put("symbol", u.symbol()).put("mark", u.markPrice())
            .put("funding", u.fundingRate()).put("asks", levels(u.asks())).put("bids", levels(u.bids()));
        if (!u.queue().isEmpty()) {
          List<Object> queue = new ArrayList<>();
          u.queue().forEach(q -> queue.add(List.of(q.side().name(), q.price().toString(), q.quantity().toString())));
          m.put("queue", queue);
        }
        if (!u.prints().isEmpty()) {
          List<Object> prints = new ArrayList<>();
          u.prints().forEach(t -> prints.add(List.of(t.price().toString(), t.quantity().toString(), t.buyerMaker())));
          m.put("prints", prints);
        }
        markets.add(m.values);
      }
      return markets;
    } else if (c instanceof Command.UpstreamMarkets x) {
      return MarketListCodec.encode(x.list());
    } else {
      return null;
    }
    return p.values;
  }

  /** Levels as {@code [[price, quantity], ...]}: the upstream's own depth shape, and compact. */
  private static List<Object> levels(List<Command.BookLevel> levels) {
    if (levels == null) {
      return null;
    }
    List<Object> out = new ArrayList<>(levels.size());
    for (Command.BookLevel l : levels) {
      out.add(List.of(l.price().toString(), l.quantity().toString()));
    }
    return out;
  }

  private static Map<String, Object> order(OrderRequest r) {
    return new Payload().put("symbol", r.symbol()).put("side", r.side()).put("orderType", r.orderType())
        .put("price", r.price()).put("quantity", r.quantity()).put("quoteQuantity", r.quoteQuantity())
        .put("timeInForce", r.timeInForce()).put("postOnly", r.postOnly() ? Boolean.TRUE : null)
        .put("reduceOnly", r.reduceOnly())
        .put("clientId", r.clientId()).put("selfTradePrevention", r.selfTradePrevention())
        .put("triggerPrice", r.triggerPrice()).put("triggerQuantity", r.triggerQuantity())
        .put("triggerBy", r.triggerBy()).put("stopLossTriggerPrice", r.stopLossTriggerPrice())
        .put("stopLossLimitPrice", r.stopLossLimitPrice()).put("stopLossTriggerBy", r.stopLossTriggerBy())
        .put("takeProfitTriggerPrice", r.takeProfitTriggerPrice())
        .put("takeProfitLimitPrice", r.takeProfitLimitPrice())
        .put("takeProfitTriggerBy", r.takeProfitTriggerBy()).values;
  }

  /**
   * {@return the command a journal line holds}
   *
   * @throws IllegalArgumentException when the type is unknown or a field has the wrong type
   */
  static Command decode(String type, String apiKey, Object payload) {
    CommandKind kind = CommandKind.named(type);
    switch (kind) {
      case ORDER:
        return new Command.PlaceOrder(apiKey, order(payload));
      case ORDERS: {
        if (!(payload instanceof List<?> items)) {
          throw new IllegalArgumentException("orders: expected an array");
        }
        List<OrderRequest> orders = new ArrayList<>();
        items.forEach(item -> orders.add(order(item)));
        return new Command.PlaceOrders(apiKey, orders);
      }
      case CREATE_ACCOUNT:
        return new Command.CreateAccount(apiKey);
      case TICK:
        return new Command.Tick();
      case TRADE_IDS:
        return new Command.NumberTradesPerMarket();
      case PRICE_BANDS:
        return new Command.PriceBands();
      case RESET:
        return new Command.Reset(apiKey);
      case UPSTREAM_DATA:
        return upstreamData(payload);
      case UPSTREAM_MARKETS:
        return new Command.UpstreamMarkets(MarketListCodec.decode(payload));
      default:
        return decodeFields(kind, apiKey, new JournalValues(payload));
    }
  }

  private static Command decodeFields(CommandKind kind, String apiKey, JournalValues p) {
    switch (kind) {
      case CANCEL:
        return new Command.CancelOrder(apiKey, p.requiredString("symbol"), p.number("orderId"), p.number("clientId"));
      case CANCEL_ALL:
        return new Command.CancelAll(apiKey, p.requiredString("symbol"), p.string("orderType"));
      case BORROW_LEND:
        return new Command.BorrowLend(apiKey, p.requiredString("asset"),
            p.enumValue("side", Command.BorrowLendSide.class), p.requiredDecimal("quantity"));
      case UPDATE_ACCOUNT:
        return new Command.UpdateAccount(apiKey, p.bool("autoBorrowSettlements"), p.bool("autoLend"),
            p.bool("autoRepayBorrows"), p.decimal("leverageLimit"));
      case SET_PRICE:
        return new Command.SetPrice(p.requiredString("symbol"), p.requiredDecimal("price"));
      case CLOCK:
        return new Command.SetClock(p.requiredNumber("offsetMillis"));
      case FUND:
        return new Command.Fund(apiKey, p.requiredString("asset"), p.requiredDecimal("quantity"));
      default:
        throw new IllegalArgumentException("a `" + kind.journalName + "` command has no fields");
    }
  }

  private static Command.UpstreamData upstreamData(Object payload) {
    if (!(payload instanceof List<?> items)) {
      throw new IllegalArgumentException("upstream: expected an array");
    }
    List<Command.MarketUpdate> markets = new ArrayList<>();
    for (Object item : items) {
      JournalValues p = new JournalValues(item);
      List<Command.QueueLevel> queue = new ArrayList<>();
      for (List<?> q : rows(p.raw("queue"), 3)) {
        queue.add(new Command.QueueLevel(Side.valueOf((String) q.get(0)), new BigDecimal((String) q.get(1)),
            new BigDecimal((String) q.get(2))));
      }
      List<Command.TapePrint> prints = new ArrayList<>();
      for (List<?> t : rows(p.raw("prints"), 3)) {
        prints.add(new Command.TapePrint(new BigDecimal((String) t.get(0)), new BigDecimal((String) t.get(1)),
            (Boolean) t.get(2)));
      }
      markets.add(new Command.MarketUpdate(p.requiredString("symbol"), p.decimal("mark"), p.decimal("funding"),
          levels(p.raw("asks")), levels(p.raw("bids")), queue, prints));
    }
    return new Command.UpstreamData(markets);
  }

  /** {@return the rows of an array of arrays of {@code width} elements; none when absent} */
  private static List<List<?>> rows(Object raw, int width) {
    List<List<?>> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    if (!(raw instanceof List<?> rows)) {
      throw new IllegalArgumentException("upstream: expected an array of rows");
    }
    for (Object row : rows) {
      if (!(row instanceof List<?> r) || r.size() != width) {
        throw new IllegalArgumentException("upstream: a row must have " + width + " elements");
      }
      out.add(r);
    }
    return out;
  }

  private static List<Command.BookLevel> levels(Object raw) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof List<?> rows)) {
      throw new IllegalArgumentException("upstream: levels must be an array");
    }
    List<Command.BookLevel> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      if (!(row instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String price)
          || !(pair.get(1) instanceof String quantity)) {
        throw new IllegalArgumentException("upstream: a level must be [price, quantity] as strings");
      }
      out.add(new Command.BookLevel(new BigDecimal(price), new BigDecimal(quantity)));
    }
    return out;
  }

  private static OrderRequest order(Object payload) {
    JournalValues p = new JournalValues(payload);
    return new OrderRequest(p.requiredString("symbol"), p.enumValue("side", Side.class),
        p.enumValue("orderType", OrderType.class), p.decimal("price"), p.decimal("quantity"),
        p.decimal("quoteQuantity"), p.enumValue("timeInForce", TimeInForce.class),
        Boolean.TRUE.equals(p.bool("postOnly")), p.bool("reduceOnly"), p.number("clientId"),
        p.enumValue("selfTradePrevention", SelfTradePrevention.class), p.decimal("triggerPrice"),
        p.string("triggerQuantity"), p.enumValue("triggerBy", TriggerBy.class),
        p.decimal("stopLossTriggerPrice"), p.decimal("stopLossLimitPrice"),
        p.enumValue("stopLossTriggerBy", TriggerBy.class), p.decimal("takeProfitTriggerPrice"),
        p.decimal("takeProfitLimitPrice"), p.enumValue("takeProfitTriggerBy", TriggerBy.class));
  }

  /** An object under construction: null fields left out, decimals and enums as strings. */
  private static final class Payload {
    final Map<String, Object> values = new LinkedHashMap<>();

    Payload put(String name, Object value) {
      if (value instanceof BigDecimal d) {
        values.put(name, d.toString());
      } else if (value instanceof Enum<?> e) {
        values.put(name, e.name());
      } else if (value != null) {
        values.put(name, value);
      }
      return this;
    }
  }
}
