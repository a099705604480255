package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.ApiResponse;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels orders for {@link OrderService}: one by id or clientId, or all of a market, journaled (a
 * cancel is never blocked by an unwritable journal). A cancel whose answer is lost is settled by
 * asking the exchange, and repeated at most once: a cancel never adds exposure.
 *
 * <p>Thread-safe.
 */
final class OrderCanceller {
  private static final Logger LOG = LoggerFactory.getLogger(OrderCanceller.class);

  private final HttpTransport transport;
  private final ResponseDecoder decoder;
  private final OrderReconciler reconciler;
  private final JournalHook journal;
  private final MarketCache markets;

  /** @param markets checks the symbol of a cancel before it is sent or journaled */
  OrderCanceller(HttpTransport transport, ResponseDecoder decoder, OrderReconciler reconciler, JournalHook journal,
      MarketCache markets) {
    this.markets = markets;
    this.transport = transport;
    this.decoder = decoder;
    this.reconciler = reconciler;
    this.journal = journal;
  }

  /** As {@link OrderService#cancel(String, String)}. */
  CancelResult cancel(String symbol, String orderId) {
    // Bad input is refused before anything is sent or journaled.
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", Args.orderId(orderId));
    body.put("symbol", markets.known(symbol));
    return cancelOne(symbol, body, orderId, null);
  }

  /** As {@link OrderService#cancelByClientId(String, long)}. */
  CancelResult cancelByClientId(String symbol, long clientId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", Args.clientId(clientId));
    body.put("symbol", markets.known(symbol));
    return cancelOne(symbol, body, null, clientId);
  }

  /** As {@link OrderService#cancelAll(String, CancelOrderType)}. */
  CancelAllResult cancelAll(String symbol, CancelOrderType orderType) {
    return cancelAllOf(markets.known(symbol), orderType); // bad input is refused before anything, the journal included
  }

  /**
   * Cancels the open orders of a market the exchange itself named (from its open orders): no check of the
   * symbol against the market list, which would cost a request an emergency stop does not need.
   */
  CancelAllResult cancelAllOf(String symbol, CancelOrderType orderType) {
    String market = Args.symbol(symbol);
    return journal.aroundReducingRisk(() -> JournalRecord.intent("cancelAll").symbol(market)
            .detail(orderType == null ? null : "orderType " + orderType.wireValue()),
        () -> cancelAllUnjournaled(market, orderType),
        (intent, result) -> result.accepted() ? JournalRecord.outcome(intent, "accepted")
            : JournalHook.counted(intent, "cancelled", result.cancelled(), Order::id));
  }

  private CancelAllResult cancelAllUnjournaled(String symbol, CancelOrderType orderType) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", Args.symbol(symbol));
    if (orderType != null) {
      body.put("orderType", Args.required("orderType", orderType, "use RESTING_LIMIT_ORDER or CONDITIONAL_ORDER").wireValue());
    }
    ApiRequest api = ApiRequest.delete("/api/v1/orders", body);
    ApiResponse response;
    try {
      response = transport.execute(api);
    } catch (NetworkException e) {
      if (!e.requestMayHaveReachedExchange()) {
        throw e;
      }
      // Repeating a cancel can only remove orders, never add exposure, so one repeat is safe.
      LOG.warn("{}: no answer ({}); repeating the cancel once", api.endpoint(), e.getMessage());
      response = transport.execute(api);
    }
    if (response.status() == 202 || response.hasNoBody()) {
      return new CancelAllResult(List.of(), response.status() == 202);
    }
    List<Order> cancelled = decoder.decodeList(api, response, Order.class);
    for (int i = 0; i < cancelled.size(); i++) {
      OrderFields.checked(api, cancelled.get(i), "$[" + i + "]");
    }
    return new CancelAllResult(cancelled, false);
  }

  private CancelResult cancelOne(String symbol, Map<String, Object> body, String orderId, Long clientId) {
    return journal.aroundReducingRisk(() -> JournalRecord.intent("cancel").symbol(symbol).orderId(orderId).clientId(clientId),
        () -> cancelOneUnjournaled(symbol, body, orderId, clientId), OrderCanceller::cancelOutcome);
  }

  private static JournalRecord.Builder cancelOutcome(JournalRecord intent, CancelResult result) {
    if (result instanceof CancelResult.Cancelled c) {
      return JournalRecord.outcome(intent, "cancelled").orderId(c.order().id()).status(JournalHook.wire(c.order().status()));
    }
    if (result instanceof CancelResult.AlreadyClosed c) {
      return JournalRecord.outcome(intent, "closed").orderId(c.order().id()).status(JournalHook.wire(c.order().status()));
    }
    return JournalRecord.outcome(intent, "accepted");
  }

  private CancelResult cancelOneUnjournaled(String symbol, Map<String, Object> body, String orderId, Long clientId) {
    ApiRequest api = ApiRequest.delete("/api/v1/order", body);
    try {
      return cancelResult(symbol, api, transport.execute(api));
    } catch (NetworkException e) {
      if (!e.requestMayHaveReachedExchange()) {
        throw e;
      }
      return afterLostCancel(symbol, api, orderId, clientId, e);
    } catch (ApiException e) {
      if (e.httpStatus() < 500) {
        throw e;
      }
      return afterLostCancel(symbol, api, orderId, clientId, e);
    } catch (ResponseFormatException e) {
      return afterLostCancel(symbol, api, orderId, clientId, e);
    }
  }

  private CancelResult cancelResult(String symbol, ApiRequest api, ApiResponse response) {
    if (response.status() == 202 || response.hasNoBody()) {
      return new CancelResult.Accepted(symbol);
    }
    return new CancelResult.Cancelled(OrderFields.checked(api, decoder.decode(api, response, Order.class), "$"));
  }

  /**
   * A cancel got no usable answer (no answer after it was sent, HTTP 5xx such as a proxy's 504, or an
   * unreadable 2xx), so the exchange may have cancelled the order. Asks the exchange: an order no
   * longer open is reported from the history as it ended; an order still open is cancelled once more,
   * which is safe because a cancel never adds exposure.
   */
  private CancelResult afterLostCancel(String symbol, ApiRequest api, String orderId, Long clientId, BackpackException lost) {
    LOG.warn("{}: no usable answer ({}); looking the order up", api.endpoint(), lost.getClass().getSimpleName());
    String market = Args.symbol(symbol);
    Optional<Order> open;
    try {
      open = orderId != null ? reconciler.getOpenOrder(openOrderQuery(market, orderId)) : reconciler.findOpen(market, clientId);
    } catch (BackpackException e) {
      throw cancelUnknown(api, market, orderId, clientId, "checking whether the order is still open failed ("
          + e.getMessage() + ")", lost);
    }
    if (open.isEmpty()) {
      return closed(market, api, orderId, clientId, lost);
    }
    LOG.warn("{}: the order is still open; cancelling it once more", api.endpoint());
    try {
      return cancelResult(symbol, api, transport.execute(api));
    } catch (ApiException repeat) {
      if (repeat.isNotFound() && !(repeat instanceof RateLimitException)) {
        return closed(market, api, orderId, clientId, repeat);
      }
      throw cancelUnknown(api, market, orderId, clientId, "the order was still open when checked, and cancelling it"
          + " again failed too (" + repeat.getMessage() + ")", repeat);
    } catch (NetworkException | ResponseFormatException repeat) {
      throw cancelUnknown(api, market, orderId, clientId, "the order was still open when checked, and cancelling it"
          + " again got no usable answer either", repeat);
    }
  }

  /** The order is no longer open: the history says how it ended. */
  private CancelResult closed(String market, ApiRequest api, String orderId, Long clientId, BackpackException cause) {
    Optional<HistoricalOrder> ended;
    try {
      ended = orderId != null ? reconciler.findInHistory(market, orderId)
          : reconciler.findInHistory(market, clientId, Instant.ofEpochMilli(transport.clock().nowMillis())
              .minus(reconciler.clientIdLookback()));
    } catch (BackpackException e) {
      throw cancelUnknown(api, market, orderId, clientId, "the order is no longer open, and reading the order"
          + " history failed (" + e.getMessage() + ")", cause);
    }
    if (ended.isEmpty()) {
      throw cancelUnknown(api, market, orderId, clientId, "the order is neither open nor in the recent order history",
          cause);
    }
    return new CancelResult.AlreadyClosed(ended.get());
  }

  private static NetworkException cancelUnknown(ApiRequest api, String symbol, String orderId, Long clientId,
      String why, BackpackException cause) {
    String order = orderId != null ? "order " + orderId : "the order with clientId " + clientId;
    return new NetworkException(api.endpoint() + ": the cancel got no usable answer and " + why + ", so whether "
        + order + " on " + symbol + " is cancelled is unknown. Cancelling it again is safe; a cancel never adds"
        + " exposure", api.method(), api.path(), true, symbol, clientId, cause);
  }

  /** {@return the query of {@code GET /api/v1/order} for one order by id} */
  static Map<String, String> openOrderQuery(String symbol, String orderId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("orderId", Args.orderId(orderId));
    query.put("symbol", Args.symbol(symbol));
    return query;
  }
}
