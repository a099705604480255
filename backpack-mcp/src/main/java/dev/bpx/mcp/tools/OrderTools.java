package dev.bpx.mcp.tools;

import dev.bpx.client.CancelAllResult;
import dev.bpx.client.CancelResult;
import dev.bpx.client.OrderLookup;
import dev.bpx.client.OrderPreview;
import dev.bpx.client.Placement;
import dev.bpx.client.PlacementInProgress;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.MaxOrderQuantity;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.mcp.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** Order tools: list, get, create, preview, cancel, cancel all, close a position, max quantity. */
final class OrderTools {
  private static final Map<String, Object> ORDERS = Schemas.array(WireJson.schema(Order.class), null);
  /** The full order schema is in list_orders; other tools refer to it to keep tools/list small. */
  private static final Map<String, Object> ORDER = Map.of("type", "object", "description", "the order, as in list_orders");
  /** The result field that says the dead-man switch is armed; present only then. */
  static final String DEAD_MAN = "deadManSwitch";
  /** The longest get_order wait: under the 60 s request timeout of common MCP hosts. */
  static final int MAX_WAIT_SECONDS = 45;

  private OrderTools() {}

  static List<ToolDef> all(TradingSession session) {
    return List.of(listOrders(session), getOrder(session), createOrder(session), previewOrder(session),
        cancelOrder(session), cancelAllOrders(session), closePosition(session), maxOrderQuantity(session));
  }

  private static ToolDef listOrders(TradingSession session) {
    return new ToolDef("list_orders", "List open orders",
        "The account's open orders (resting and pending trigger orders), spot and perpetual, optionally of one"
            + " symbol. Finished orders: get_order_history.",
        Schemas.object().optional("symbol", Schemas.symbol("Only this market, e.g. SOL_USDC or SOL_USDC_PERP")),
        Schemas.object()
            .required("orders", ORDERS)
            .required("count", Schemas.count("number of orders"))
            .required("symbol", Schemas.string("the symbol filter, or \"all\""))
            .open().build(),
        ToolDef.Kind.READ, false,
        args -> {
          String symbol = args.optionalSymbol("symbol");
          List<Order> orders = symbol == null ? session.client().orders().listOpenOrders()
              : session.client().orders().listOpenOrders(symbol);
          Map<String, Object> out = WireJson.listResult("orders", orders);
          out.put("symbol", symbol == null ? "all" : symbol);
          return new ToolDef.Result(out, orders.size() + " open order(s)" + (symbol == null ? "" : " on " + symbol)
              + Text.orderLines(orders));
        });
  }

  private static ToolDef getOrder(TradingSession session) {
    return new ToolDef("get_order", "Get one order",
        "Finds one order, open or finished, by orderId or clientId. Check the outcome of a failed or timed-out"
            + " create_order with it before placing again. waitSeconds: wait for an open order to finish.",
        Schemas.object()
            .required("symbol", Schemas.symbol("The order's market"))
            .optional("orderId", Schemas.string("The exchange's order id"))
            .optional("clientId", Schemas.integer("The clientId given or returned at creation", 0, OrderRequest.MAX_CLIENT_ID))
            .optional("waitSeconds", Schemas.integer("Wait while the order is open (default 0)", 0, MAX_WAIT_SECONDS)),
        Schemas.object()
            .required("found", Schemas.bool("whether the exchange knows the order"))
            .optional("open", Schemas.bool("true: resting on the book; false: finished (see status)"))
            .optional("order", Map.of("type", "object"))
            .open().build(),
        ToolDef.Kind.READ, false,
        args -> {
          OrderRef ref = OrderRef.from(args);
          String symbol = ref.symbol();
          String orderId = ref.orderId();
          Long clientId = ref.clientId();
          Long wait = args.optionalLong("waitSeconds", 0, MAX_WAIT_SECONDS);
          // Asked before the lookup too: a placement that ends while the exchange is asked is not missed.
          Optional<PlacementInProgress> placingBefore = clientId == null ? Optional.empty()
              : session.client().orders().placementInProgress(symbol, clientId);
          Optional<OrderLookup> found = wait == null || wait == 0
              ? session.client().orders().findOrder(symbol, orderId, clientId)
              : awaitFinished(session, ref, wait);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("found", found.isPresent());
          if (found.isEmpty()) {
            if (orderId != null) {
              return new ToolDef.Result(out, "No order with id " + orderId + " on " + symbol + ": the exchange has not placed it.");
            }
            Optional<PlacementInProgress> placing = placingBefore.isPresent() ? placingBefore
                : session.client().orders().placementInProgress(symbol, clientId);
            if (placing.isPresent()) {
              out.put("pending", true);
              return new ToolDef.Result(out, pendingText(placing.get()));
            }
            return new ToolDef.Result(out, "No order with clientId " + clientId + " on " + symbol + ": none is open and"
                + " none was created in the last " + span(session.client().orders().clientIdLookback())
                + " (order history searched), so the exchange has not placed it; create_order with this clientId is safe.");
          }
          OrderLookup lookup = found.get();
          out.put("open", lookup.isOpen());
          out.put("order", lookup.isOpen() ? WireJson.value(lookup.openOrder()) : WireJson.value(lookup.historicalOrder()));
          String status = lookup.isOpen() ? Text.wire(lookup.openOrder().status()) : Text.wire(lookup.historicalOrder().status());
          return new ToolDef.Result(out, "Order " + (lookup.isOpen() ? lookup.openOrder().id() : lookup.historicalOrder().id())
              + " on " + symbol + " is " + (lookup.isOpen() ? "open" : "finished") + " (status " + status + ")"
              + (wait == null || wait == 0 ? "." : lookup.isOpen() ? " after waiting " + wait + " s; call again to wait longer."
                  : "."));
        });
  }

  /** The answer while the order is still being placed: never "safe to create". */
  private static String pendingText(PlacementInProgress p) {
    return "Outcome pending: the order with clientId " + p.clientId() + " on " + p.symbol() + " is still being placed ("
        + (p.thisClient() ? "a create_order call started at " + p.since() + " has not returned yet"
            : "the trade journal has an intent to place it, written at " + p.since() + ", with no outcome yet: another"
                + " server sharing the journal may be sending it")
        + "), and the exchange does not show it yet. Do not create it again: wait a few seconds and call get_order"
        + " again.";
  }

  private static Optional<OrderLookup> awaitFinished(TradingSession session, OrderRef ref, long seconds) {
    try {
      return session.client().orders().awaitFinished(ref.symbol(), ref.orderId(), ref.clientId(), Duration.ofSeconds(seconds));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the wait for the order was interrupted (the call was cancelled or the server is"
          + " shutting down); call get_order again to see the order");
    }
  }

  private static ToolDef createOrder(TradingSession session) {
    return new ToolDef("create_order", "Create an order",
        "Places a Limit or Market order (spot or perpetual), optionally with take-profit / stop-loss. Checks the"
            + " market's filters and safety limits first; refuses with the nearest valid values, never rounds. Amounts are"
            + " decimal strings. preview_order shows cost, fees, slippage. Pass your own clientId to make retries safe"
            + " (same clientId: returns that order; other arguments: refused). Outcome unknown: use get_order. The user may be asked to"
            + " confirm it.",
        OrderArgs.schema(),
        Schemas.object()
            .required("success", Schemas.bool("true when the exchange accepted the order (see traded)"))
            .optional("error", Schemas.string("when success is false: what went wrong and what to do"))
            .optional("order", ORDER)
            .optional("traded", Schemas.bool("whether any of it traded"))
            .optional("expired", Schemas.bool("true: the exchange ended it at once (the text says why)"))
            .optional("expiryReason", Schemas.string("the exchange's reason, e.g. PostOnlyTaker"))
            .optional("clientId", Schemas.integer("the order's clientId", 0, OrderRequest.MAX_CLIENT_ID))
            .optional("duplicate", Schemas.bool("true: an order with this clientId already existed and is returned"))
            .optional("mode", Schemas.string("paper or live"))
            .optional(DEAD_MAN, Schemas.string(null))
            .open().build(),
        ToolDef.Kind.WRITE, true,
        args -> {
          OrderRequest request = OrderArgs.parse(args);
          OrderConfirmation.Decision cleared = OrderConfirmation.check(session, request, OrderArgs.hasClientId(args),
              args.confirmation());
          if (cleared.existing() != null) {
            return duplicate(cleared.existing(), request);
          }
          // A call the client cancelled (notifications/cancelled) before the send is not sent.
          if (!OrderArgs.hasClientId(args)) {
            return placed(session, session.client().orders().place(request, args.cancelled()), request,
                cleared.confirmed());
          }
          // The client serialises calls per clientId and looks for an existing order first.
          Placement placement = session.client().orders().placeIdempotent(request, args.cancelled());
          return placement.duplicate() ? duplicate(placement.order(), request)
              : placed(session, placement.order(), request, cleared.confirmed());
        });
  }

  /** {@return e.g. "24 hours" or "90 minutes"} */
  private static String span(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
  }

  private static ToolDef.Result placed(TradingSession session, Order order, OrderRequest request, boolean confirmed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("success", true);
    out.put("order", WireJson.value(order));
    String text = OrderOutcome.describe(session.client(), order, out, "Placed " + Text.order(order)
        + (confirmed ? ", confirmed by the user." : "."));
    out.put("clientId", request.clientId());
    out.put("duplicate", false);
    return new ToolDef.Result(out, withDeadManNote(session, out, text));
  }

  /** While the dead-man switch is armed, an order's result says so: the order may be cancelled without another call. */
  private static String withDeadManNote(TradingSession session, Map<String, Object> out, String text) {
    String note = session.config() == null ? null : session.config().deadManSummary();
    if (note == null) {
      return text;
    }
    out.put(DEAD_MAN, note);
    return text + "\n" + note + ".";
  }

  private static ToolDef.Result duplicate(Order existing, OrderRequest request) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("success", true);
    out.put("order", WireJson.value(existing));
    out.put("clientId", request.clientId());
    out.put("duplicate", true);
    return new ToolDef.Result(out, "Not placed again: clientId " + request.clientId() + " already belongs to "
        + Text.order(existing) + ".");
  }

  private static ToolDef previewOrder(TradingSession session) {
    return new ToolDef("preview_order", "Preview an order",
        "Checks an order without sending it (filters, safety limits, funds) and estimates from the book the average"
            + " fill price, slippage (bps), fee, cost, what would rest, and for perpetuals the resulting position and"
            + " liquidation price. Arguments as create_order. 'acceptable' false: create_order would refuse; see 'problems'.",
        OrderArgs.schema(),
        WireJson.schema(OrderPreview.class),
        ToolDef.Kind.READ, false,
        args -> {
          OrderRequest request = OrderArgs.parse(args);
          OrderPreview preview = session.client().orders().preview(request);
          return new ToolDef.Result(WireJson.object(preview), Text.preview(preview,
              session.client().orders().getMarketRules(request.symbol())));
        });
  }

  private static ToolDef cancelOrder(TradingSession session) {
    return new ToolDef("cancel_order", "Cancel an order",
        "Cancels one open order by orderId or clientId. Never blocked by safety limits; repeating it is"
            + " harmless.",
        Schemas.object()
            .optional("orderId", Schemas.string("The exchange's order id (from create_order or list_orders)"))
            .required("symbol", Schemas.symbol("The order's market"))
            .optional("clientId", Schemas.integer("Instead of orderId: the order's clientId", 0, OrderRequest.MAX_CLIENT_ID)),
        Schemas.object()
            .required("success", Schemas.bool("true when the order is cancelled or the cancel was accepted"))
            .optional("error", Schemas.string("when success is false: what went wrong and what to do"))
            .optional("order", Map.of("type", "object"))
            .optional("status", Schemas.enumOf("Cancelled, Accepted (queued by the exchange) or AlreadyClosed", List.of("Cancelled", "Accepted", "AlreadyClosed")))
            .optional("mode", Schemas.string("paper or live"))
            .open().build(),
        ToolDef.Kind.CANCEL, true,
        args -> {
          OrderRef ref = OrderRef.from(args);
          CancelResult result = ref.orderId() != null ? session.client().orders().cancel(ref.symbol(), ref.orderId())
              : session.client().orders().cancelByClientId(ref.symbol(), ref.clientId());
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("success", true);
          String text;
          if (result instanceof CancelResult.Cancelled c) {
            out.put("order", WireJson.value(c.order()));
            out.put("status", "Cancelled");
            text = "Cancelled " + Text.order(c.order()) + ".";
          } else if (result instanceof CancelResult.AlreadyClosed closed) {
            out.put("order", WireJson.value(closed.order()));
            out.put("status", "AlreadyClosed");
            text = "Order " + closed.order().id() + " is no longer open: the order history shows status "
                + Text.wire(closed.order().status()) + ".";
          } else {
            out.put("status", "Accepted");
            text = "The exchange accepted the cancel and will execute it shortly; check with get_order.";
          }
          return new ToolDef.Result(out, text);
        });
  }

  private static ToolDef cancelAllOrders(TradingSession session) {
    return new ToolDef("cancel_all_orders", "Cancel all orders of a market",
        "Cancels every open order on one market (optionally only resting limit orders or only trigger orders)."
            + " Never blocked by safety limits.",
        Schemas.object()
            .required("symbol", Schemas.symbol("The market"))
            .optional("orderType", Schemas.enumOf("RestingLimitOrder or ConditionalOrder; default both", List.of("RestingLimitOrder", "ConditionalOrder"))),
        Schemas.object()
            .required("success", Schemas.bool("true"))
            .required("cancelled", Schemas.array(ORDER, null))
            .required("count", Schemas.count("orders cancelled"))
            .required("accepted", Schemas.bool("true when the exchange queued the cancel (the list may be incomplete)"))
            .optional("mode", Schemas.string("paper or live"))
            .open().build(),
        ToolDef.Kind.CANCEL, false,
        args -> {
          String symbol = args.symbol("symbol");
          CancelOrderType type = args.optionalEnum("orderType", CancelOrderType::fromWire, List.of("RestingLimitOrder", "ConditionalOrder"));
          CancelAllResult result = type == null ? session.client().orders().cancelAll(symbol)
              : session.client().orders().cancelAll(symbol, type);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("success", true);
          out.put("cancelled", WireJson.list(result.cancelled()));
          out.put("count", result.cancelled().size());
          out.put("accepted", result.accepted());
          return new ToolDef.Result(out, "Cancelled " + result.cancelled().size() + " order(s) on " + symbol
              + (result.accepted() ? " (the exchange queued the cancel)" : "") + ".");
        });
  }

  private static ToolDef closePosition(TradingSession session) {
    return new ToolDef("close_position", "Close a perpetual position",
        "Closes a perpetual position (all, or 'quantity') with a reduce-only market order; it can never open"
            + " a new one.",
        Schemas.object()
            .required("symbol", Schemas.symbol("The perpetual market, e.g. SOL_USDC_PERP"))
            .optional("quantity", Schemas.decimal("Part of the position to close (base asset); omit to close all")),
        Schemas.object()
            .required("success", Schemas.bool("true"))
            .required("order", ORDER)
            .optional("traded", Schemas.bool(null))
            .optional("expired", Schemas.bool(null))
            .optional("expiryReason", Schemas.string(null))
            .optional("mode", Schemas.string("paper or live"))
            .optional(DEAD_MAN, Schemas.string(null))
            .open().build(),
        ToolDef.Kind.WRITE, false,
        args -> {
          String symbol = args.symbol("symbol");
          BigDecimal quantity = args.optionalDecimal("quantity");
          Order order = session.client().orders().closePosition(symbol, quantity);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("success", true);
          out.put("order", WireJson.value(order));
          return new ToolDef.Result(out, withDeadManNote(session, out, OrderOutcome.describe(session.client(), order, out,
              "Closing order: " + Text.order(order) + ".")));
        });
  }

  private static ToolDef maxOrderQuantity(TradingSession session) {
    return new ToolDef("get_max_order_quantity", "Largest possible order",
        "The exchange's largest quantity the account can order on a market and side given its funds and margin"
            + " (at 'price', else at market).",
        Schemas.object()
            .required("symbol", Schemas.symbol("The market"))
            .required("side", Schemas.enumOf("Bid = buy, Ask = sell", OrderArgs.SIDES))
            .optional("price", Schemas.decimal("Limit price; omit for a market order"))
            .optional("reduceOnly", Schemas.bool("Only reduce the position")),
        WireJson.schema(MaxOrderQuantity.class),
        ToolDef.Kind.READ, false,
        args -> {
          MaxOrderQuantityQuery.Builder q = MaxOrderQuantityQuery.of(args.symbol("symbol"),
              args.requiredEnum("side", Side::fromWire, OrderArgs.SIDES));
          ToolArgs.setIfGiven(args.optionalDecimal("price"), q::price);
          ToolArgs.setIfGiven(args.optionalBoolean("reduceOnly"), q::reduceOnly);
          MaxOrderQuantity max = session.client().orders().getMaxOrderQuantity(q.build());
          return new ToolDef.Result(WireJson.object(max), "Max order quantity: " + Text.plain(max.maxOrderQuantity()) + ".");
        });
  }
}
