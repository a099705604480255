package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.internal.ApiRequest;
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
 * Finds out whether the exchange has an order after a write whose outcome is unknown, by its
 * {@code clientId}: first among open orders ({@code GET /api/v1/order}), then in the order history
 * ({@code GET /wapi/v1/history/orders}), which also holds orders that filled or were cancelled at
 * once.
 *
 * <p>Before looking, it waits until the lost request can no longer be accepted: Backpack rejects a
 * request arriving after {@code X-Timestamp + X-Window}, so once that moment (plus a margin) has
 * passed on the corrected clock, "not found" means "never will be". Thread-safe.
 */
final class OrderReconciler {
  /** Extra wait after the signing window ends, for clock error and engine latency. */
  static final Duration WINDOW_MARGIN = Duration.ofSeconds(1);
  /** How far before the send an order with the same clientId still counts as this order. */
  static final Duration HISTORY_SLACK = Duration.ofSeconds(60);
  static final int HISTORY_PAGE = 100;
  static final int HISTORY_MAX_PAGES = 5;

  private final HttpTransport transport;
  private final ResponseDecoder decoder;

  OrderReconciler(HttpTransport transport, ResponseDecoder decoder) {
    this.transport = transport;
    this.decoder = decoder;
  }

  /** The verdict of a history search. */
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
   * @throws NetworkException saying the outcome is unknown when the search itself fails or cannot
   *     conclude
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
    } catch (HistoryInconclusive e) {
      throw outcomeUnknown(endpoint, symbol, clientId, "the order history is too long to check", cause);
    } catch (BackpackException e) {
      NetworkException unknown = outcomeUnknown(endpoint, symbol, clientId, "checking failed (" + e.getMessage() + ")", cause);
      unknown.addSuppressed(e);
      throw unknown;
    }
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
      return Optional.of(OrderService.checked(request, decoder.decode(request, transport.execute(request), Order.class), "$"));
    } catch (ApiException e) {
      if (e.isNotFound() && !(e instanceof dev.bpx.client.exception.RateLimitException)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@return the newest history entry with this clientId created at or after {@code notBefore}}
   *
   * @throws HistoryInconclusive when the pages searched neither reach the end of the history nor
   *     get older than {@code notBefore}
   */
  Optional<HistoricalOrder> findInHistory(String symbol, long clientId, Instant notBefore) {
    for (int page = 0; page < HISTORY_MAX_PAGES; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("symbol", symbol);
      query.put("limit", Integer.toString(HISTORY_PAGE));
      query.put("offset", Integer.toString(page * HISTORY_PAGE));
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
    }
    throw new HistoryInconclusive();
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
            + ", so the outcome is unknown. Before placing it again, look for clientId " + clientId + " on "
            + symbol + " among the open orders and in the order history (findOrder does both)",
        endpoint.method(), endpoint.path(), true, clientId, cause);
  }

  /** The history search could not conclude. */
  static final class HistoryInconclusive extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HistoryInconclusive() {
      super(null, null, false, false);
    }
  }
}
