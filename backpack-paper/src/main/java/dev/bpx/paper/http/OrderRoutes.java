package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.CommandParser;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.feed.UpstreamGate;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.store.JournaledEngine;
import java.util.List;
import java.util.function.BiFunction;

/** {@code /api/v1/order} and {@code /api/v1/orders}: place, query, cancel (signed). */
final class OrderRoutes {
  private final JournaledEngine store;
  /** Upstream mode: journals the market data orders trade on before them; null on simulated prices. */
  private final UpstreamGate gate;

  OrderRoutes(JournaledEngine store, UpstreamGate gate) {
    this.store = store;
    this.gate = gate;
  }

  void register(Router r) {
    r.add("POST", "/api/v1/order", this::place);
    r.add("GET", "/api/v1/order", this::get);
    r.add("DELETE", "/api/v1/order", this::cancel);
    r.add("POST", "/api/v1/orders", this::batch);
    r.add("GET", "/api/v1/orders", this::open);
    r.add("DELETE", "/api/v1/orders", this::cancelAll);
  }

  private Response place(Request q) {
    Command.PlaceOrder order = CommandParser.order(q.apiKey(), q.json("OrderExecutePayload"));
    return withMarketData(q, List.of(order.order()), order, OrderRoutes::render);
  }

  /**
   * Submits {@code command}; in upstream mode, with the market data its orders trade on journaled just before it
   * and nothing between the two (the pump's data would replace it, and the order would rest with no queue ahead).
   */
  private <T> T withMarketData(Request q, List<OrderRequest> orders, Command command,
                               BiFunction<ExchangeView, Object, T> render) {
    Command.UpstreamData data = gate == null ? null : gate.before(q.apiKey(), orders, q.now());
    return data == null ? store.submit(q.timed(command), render) : store.submit(q.timed(data), q.timed(command), render);
  }

  private static Response render(ExchangeView e, Object result) {
    Order o = (Order) result;
    JsonWriter w = new JsonWriter();
    OrderJson.write(w, o, e.market(o.symbol()));
    return Response.json(w);
  }

  private static Response renderList(ExchangeView e, List<?> items, boolean batch) {
    {
      JsonWriter w = new JsonWriter().beginArray();
      for (Object item : items) {
        if (item instanceof Order o) {
          if (batch) {
            // The spec's BatchCommandOrderResult tags each item with operation Ok / Err.
            String json = orderJson(o, e.market(o.symbol()));
            w.raw(dev.bpx.auth.json.Json.parse("{\"operation\":\"Ok\"," + json.substring(1)));
          } else {
            OrderJson.write(w, o, e.market(o.symbol()));
          }
        } else if (item instanceof ApiError err) {
          w.beginObject().field("operation", "Err").field("code", err.code())
              .field("message", err.getMessage()).endObject();
        }
      }
      return Response.json(w.endArray());
    }
  }

  private static String orderJson(Order o, dev.bpx.paper.market.MarketSpec m) {
    JsonWriter w = new JsonWriter();
    OrderJson.write(w, o, m);
    return w.toString();
  }

  private Response batch(Request q) {
    Command.PlaceOrders orders = CommandParser.orders(q.apiKey(), q.json("Vec<OrderExecutePayload>"));
    return withMarketData(q, orders.orders(), orders, (e, r) -> renderList(e, (List<?>) r, true));
  }

  private Response get(Request q) {
    Query query = q.query();
    String symbol = query.required("symbol");
    Long orderId = query.number("orderId", "String", 0, Long.MAX_VALUE);
    Long clientId = query.number("clientId", "uint32", 0, 4_294_967_295L);
    if (orderId == null && clientId == null || orderId != null && clientId != null) {
      throw ApiError.badRequest("Must specify either `clientId` or `orderId`");
    }
    return store.read(q.now(), q.apiKey(), e -> {
      ExchangeView.Market m = e.market(symbol, false);
      if (m == null) {
        throw ParseError.param("symbol", "failed to parse \"MarketSymbol\": Invalid market symbol");
      }
      Account a = e.account(q.apiKey());
      for (Order o : a.orders().values()) {
        if (o.status().isOpen() && o.symbol().equals(symbol)
            && (orderId != null ? o.id() == orderId : clientId.equals(o.clientId()))) {
          JsonWriter w = new JsonWriter();
          OrderJson.write(w, o, m.spec());
          return Response.json(w);
        }
      }
      throw ApiError.notFound("Not Found");
    });
  }

  private Response open(Request q) {
    Query query = q.query();
    String symbol = query.string("symbol");
    String type = query.marketType();
    return store.read(q.now(), q.apiKey(), e -> {
      if (symbol != null && e.market(symbol, false) == null) {
        throw ParseError.param("symbol", "failed to parse \"MarketSymbol\": Invalid market symbol");
      }
      Account a = e.account(q.apiKey());
      JsonWriter w = new JsonWriter().beginArray();
      for (Order o : a.orders().values()) {
        var m = e.market(o.symbol());
        if (o.status().isOpen() && (symbol == null || symbol.equals(o.symbol()))
            && (type == null || type.equals(m.type().name()))) {
          OrderJson.write(w, o, m);
        }
      }
      return Response.json(w.endArray());
    });
  }

  private Response cancel(Request q) {
    return store.submit(q.timed(CommandParser.cancel(q.apiKey(), q.json("OrderCancelPayload"))),
        OrderRoutes::render);
  }

  private Response cancelAll(Request q) {
    return store.submit(q.timed(CommandParser.cancelAll(q.apiKey(), q.json("OrderCancelAllPayload"))),
        (e, r) -> renderList(e, (List<?>) r, false));
  }
}
