package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks orders up by {@code clientId}: among open orders ({@code GET /api/v1/order}), then in the
 * recent order history ({@code GET /wapi/v1/history/orders}, newest first), which also holds orders
 * that filled, expired or were cancelled at once.
 *
 * <p>The history is searched back to a point in time, never by a count of pages, so the cost grows
 * with the number of orders in that span and not with the account's age: pages of {@value
 * #HISTORY_PAGE} are read until a page ends before that point or the history ends. (The official
 * spec gives this endpoint no {@code from} parameter, so the time bound is applied while paging.)
 * New orders arriving while paging push older rows to later offsets, which can show a row twice but
 * never skip one.
 *
 * <p>After a write whose outcome is unknown, {@link #find} first waits until the lost request can no
 * longer be accepted: Backpack rejects a request arriving after {@code X-Timestamp + X-Window}, so
 * once that moment (plus a margin) has passed on the corrected clock, "not found" means "never will
 * be". Thread-safe.
 */
final class OrderReconciler {
  /** Extra wait after the signing window ends, for clock error and engine latency. */
  static final Duration WINDOW_MARGIN = Duration.ofSeconds(1);
  /** How far before the send an order with the same clientId still counts as this order. */
  static final Duration HISTORY_SLACK = Duration.ofSeconds(60);
  /** Rows per history page: the most the endpoint returns at once. */
  static final int HISTORY_PAGE = 1000;

  private final HttpTransport transport;
  private final ResponseDecoder decoder;
  private final Duration clientIdLookback;

  OrderReconciler(HttpTransport transport, ResponseDecoder decoder, Duration clientIdLookback) {
    this.transport = transport;
    this.decoder = decoder;
    this.clientIdLookback = clientIdLookback;
  }

  /** {@return how far back an order with the same clientId counts as the same order} */
  Duration clientIdLookback() {
    return clientIdLookback;
  }

  /** The verdict of a search after an unknown outcome. */
  sealed interface Lookup {
    /** The exchange has the order. */
    record Found(Order order) implements Lookup {}

    /** The exchange certainly does not have the order. */
    record Absent() implements Lookup {}
  }

  /**
   * Waits out the signing window of a request that failed just now, then looks for the order.
   *
   * @param symbol market of the order
   * @param clientId the order's clientId
   * @param sentAtMillis corrected time just before the first send (orders with this clientId created
   *     long before it are someone else's)
   * @param endpoint the write whose outcome is unknown, for messages
   * @param cause the failure that made the outcome unknown
   * @return found or absent
   * @throws NetworkException saying the outcome is unknown when the search itself fails
   */
  Lookup find(String symbol, long clientId, long sentAtMillis, ApiRequest endpoint, BackpackException cause) {
    try {
      transport.sleeper().sleep(Duration.ofMillis(transport.windowMillis()).plus(WINDOW_MARGIN));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw outcomeUnknown(endpoint, symbol, clientId, "the thread was interrupted before the check", cause);
    }
    try {
      Optional<Order> open = findOpen(symbol, clientId);
      if (open.isPresent()) {
        return new Lookup.Found(open.get());
      }
      Optional<HistoricalOrder> past =
          findInHistory(symbol, clientId, Instant.ofEpochMilli(sentAtMillis).minus(HISTORY_SLACK));
      return past.<Lookup>map(h -> new Lookup.Found(toOrder(h))).orElseGet(Lookup.Absent::new);
    } catch (BackpackException e) {
      NetworkException unknown = outcomeUnknown(endpoint, symbol, clientId, "checking failed (" + e.getMessage() + ")", cause);
      unknown.addSuppressed(e);
      throw unknown;
    }
  }

  /**
   * {@return the order with this id or clientId (exactly one is non-null, already checked): open, else
   * finished; empty when the exchange has no such order}
   */
  Optional<OrderLookup> find(String symbol, String orderId, Long clientId) {
    if (clientId != null) {
      return findRecent(symbol, clientId);
    }
    Optional<Order> open = getOpenOrder(OrderCanceller.openOrderQuery(symbol, orderId));
    return open.isPresent() ? Optional.of(new OrderLookup(open.get(), null)) : findEnded(symbol, orderId);
  }

  /**
   * {@return the order with this clientId: the open one, else the newest one in the order history
   * created within the lookback; empty when there is neither}
   */
  Optional<OrderLookup> findRecent(String symbol, long clientId) {
    Optional<Order> open = findOpen(symbol, clientId);
    if (open.isPresent()) {
      return Optional.of(new OrderLookup(open.get(), null));
    }
    Instant notBefore = Instant.ofEpochMilli(transport.clock().nowMillis()).minus(clientIdLookback);
    return findInHistory(symbol, clientId, notBefore).map(h -> new OrderLookup(null, h));
  }

  /** {@return the open orders a {@code GET /api/v1/orders} query selects, each checked} */
  List<Order> listOpen(Map<String, String> query) {
    ApiRequest api = ApiRequest.get("/api/v1/orders", query);
    List<Order> orders = decoder.decodeList(api, transport.execute(api), Order.class);
    for (int i = 0; i < orders.size(); i++) {
      OrderFields.checked(api, orders.get(i), "$[" + i + "]");
    }
    return orders;
  }

  /** {@return the open order with this clientId; empty when the exchange has none open} */
  Optional<Order> findOpen(String symbol, long clientId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("clientId", Long.toString(clientId));
    query.put("symbol", symbol);
    return getOpenOrder(query);
  }

  /** {@return the open order for a {@code GET /api/v1/order} query; empty on "not found"} */
  Optional<Order> getOpenOrder(Map<String, String> query) {
    ApiRequest request = ApiRequest.get("/api/v1/order", query);
    try {
      return Optional.of(OrderFields.checked(request, decoder.decode(request, transport.execute(request), Order.class), "$"));
    } catch (ApiException e) {
      if (e.isNotFound() && !(e instanceof RateLimitException)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@return a finished order by id, as {@link OrderService#findOrder} reports it: the newest history
   * entry with that id (one row asked for)}
   */
  Optional<OrderLookup> findEnded(String symbol, String orderId) {
    OrderHistoryQuery query = OrderHistoryQuery.builder().symbol(symbol).orderId(orderId).limit(1).build();
    ApiRequest request = ApiRequest.get("/wapi/v1/history/orders", WireFormat.query(query));
    return decoder.decodeList(request, transport.execute(request), HistoricalOrder.class).stream()
        .filter(h -> orderId.equals(h.id())).findFirst().map(h -> new OrderLookup(null, h));
  }

  /** {@return the order history's entry for one order id; empty when the history has none} */
  Optional<HistoricalOrder> findInHistory(String symbol, String orderId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("symbol", symbol);
    query.put("orderId", orderId);
    ApiRequest request = ApiRequest.get("/wapi/v1/history/orders", query);
    return decoder.decodeList(request, transport.execute(request), HistoricalOrder.class).stream()
        .filter(h -> orderId.equals(h.id()))
        .findFirst();
  }

  /**
   * {@return the newest history entry with this clientId created at or after {@code notBefore}}
   *
   * @throws ResponseFormatException if the exchange answers a later page with the rows of the
   *     previous one (it ignores {@code offset}), so the search could never end
   */
  Optional<HistoricalOrder> findInHistory(String symbol, long clientId, Instant notBefore) {
    String previousFirstId = null;
    for (int offset = 0; ; offset += HISTORY_PAGE) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("symbol", symbol);
      query.put("limit", Integer.toString(HISTORY_PAGE));
      query.put("offset", Integer.toString(offset));
      query.put("sortDirection", "Desc");
      ApiRequest request = ApiRequest.get("/wapi/v1/history/orders", query);
      List<HistoricalOrder> rows = decoder.decodeList(request, transport.execute(request), HistoricalOrder.class);
      for (HistoricalOrder row : rows) {
        // A missing createdAt cannot rule the row out: when in doubt, treat it as ours (never double).
        boolean recent = row.createdAt() == null || !row.createdAt().isBefore(notBefore);
        if (row.clientId() != null && row.clientId() == clientId && recent) {
          return Optional.of(row);
        }
      }
      if (rows.size() < HISTORY_PAGE) {
        return Optional.empty();
      }
      if (newestFirst(rows) && rows.get(rows.size() - 1).createdAt().isBefore(notBefore)) {
        return Optional.empty();
      }
      String firstId = rows.get(0).id();
      if (firstId != null && firstId.equals(previousFirstId)) {
        throw new ResponseFormatException(request.endpoint(), "$", "offset " + offset
            + " returned the same orders as the page before it, so the history cannot be searched", null);
      }
      previousFirstId = firstId;
    }
  }

  private static boolean newestFirst(List<HistoricalOrder> rows) {
    for (int i = 0; i < rows.size(); i++) {
      Instant at = rows.get(i).createdAt();
      if (at == null || (i > 0 && at.isAfter(rows.get(i - 1).createdAt()))) {
        return false;
      }
    }
    return true;
  }

  /** An order from the history has the history's shape; give it the shape place() returns. */
  static Order toOrder(HistoricalOrder h) {
    return new Order(h.orderType(), h.id(), h.clientId(), h.symbol(), h.side(),
        h.status() == null ? OrderStatus.UNKNOWN : h.status(), h.timeInForce(), h.selfTradePrevention(),
        h.createdAt(), h.quantity(), h.quoteQuantity(), h.executedQuantity(), h.executedQuoteQuantity(),
        h.price(), h.postOnly(), null, h.triggerPrice(), h.triggerQuantity(), h.triggerBy(), null,
        h.stopLossTriggerPrice(), h.stopLossLimitPrice(), h.stopLossTriggerBy(), h.takeProfitTriggerPrice(),
        h.takeProfitLimitPrice(), h.takeProfitTriggerBy(), null, h.strategyId(), h.slippageTolerance(),
        h.slippageToleranceType());
  }

  static NetworkException outcomeUnknown(
      ApiRequest endpoint, String symbol, long clientId, String why, BackpackException cause) {
    return new NetworkException(
        endpoint.endpoint() + ": the request may have reached the exchange and " + why
            + ", so whether the order was placed is unknown. Before placing it again, look for clientId "
            + clientId + " on " + symbol + " among the open orders and in the order history",
        endpoint.method(), endpoint.path(), true, symbol, clientId, cause);
  }
}
