package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.MaxOrderQuantity;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Position;
import dev.bpx.client.request.MarketRules;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Orders, spot and perp ({@code backpack-api.md} 2.4, 4): list and get open orders, place (single and
 * batch), cancel (by id, by clientId, all of a market), and the maximum order quantity. All signed.
 *
 * <p><b>An order is never placed twice.</b> Writes are never retried blindly (OkHttp's own retry is
 * off for them). Every order carries a {@code clientId}. When placing fails in a way that leaves the
 * outcome unknown (timeout or reset after the request was sent, HTTP 5xx, or a 2xx answer that cannot
 * be read), {@link #place} waits until the request's signing window has passed, then asks the
 * exchange for the order by {@code clientId} (open orders, then recent order history): it returns the
 * order when found, re-sends it (same {@code clientId}) only when the exchange certainly does not have
 * it, throws {@link OrderNotPlacedException} when it gives up on an order the exchange confirmed it
 * does not have, and throws a {@link NetworkException} naming the {@code clientId} when it cannot
 * tell. {@link #placeIdempotent} also makes repeating a call with the same {@code clientId} safe.
 *
 * <p>Every method may throw {@link ValidationException} (nothing sent, including "no API keys"),
 * {@link ApiException} and subtypes, {@link NetworkException} or {@link ResponseFormatException}.
 *
 * <p>Thread-safe. Get it from {@link BackpackClient#orders()}.
 */
public final class OrderService {
  private final OrderParts parts;

  OrderService(OrderParts parts) {
    this.parts = parts;
  }

  /**
   * {@return what {@code request} would do if placed now: filter, limit, circuit-breaker, funds and leverage-limit problems, the
   * estimated fill against the current book (average price, slippage), fees, and for perpetuals the
   * resulting position and an estimated liquidation price} Nothing is sent.
   *
   * @throws ValidationException if the symbol is unknown
   * @throws BackpackException if market data cannot be read
   */
  public OrderPreview preview(OrderRequest request) {
    Args.required("request", request, "build one with OrderRequest.limit(...) or marketByQuantity(...)");
    return parts.previewer().preview(request, parts.leverage(), parts.breakers());
  }

  /**
   * {@return every circuit breaker that is set, its limit, its current figure and whether it has
   * tripped} Reads the account only for the breakers that need it (positions, collateral summary, open
   * orders); a read that fails makes that figure unknown ({@link BreakerStatus#used()} null) rather
   * than failing. Evaluating {@code maxDailyLoss} starts the day's baseline when none is kept yet.
   */
  public List<BreakerStatus> breakerStatus() {
    return parts.breakers().status();
  }

  /** {@return the safety limits this client enforces on every order} */
  public SafetyLimits safetyLimits() {
    return parts.limits();
  }

  /**
   * Closes a whole perpetual position with a reduce-only market order on the opposite side.
   *
   * @return the closing order as the exchange answered
   * @throws ValidationException if there is no open position in {@code symbol}; nothing is sent
   */
  public Order closePosition(String symbol) {
    return closePosition(symbol, null);
  }

  /**
   * Closes {@code quantity} of a perpetual position (the whole position when null) with a reduce-only
   * market order on the opposite side; the order gets a generated {@code clientId}, so an ambiguous
   * outcome is resolved like any other order's.
   *
   * @throws ValidationException if there is no open position, or {@code quantity} exceeds it
   */
  public Order closePosition(String symbol, BigDecimal quantity) {
    String market = parts.markets().known(symbol);
    Position position = parts.account().getPosition(market).filter(ClosingOrder::isOpen)
        .orElseThrow(() -> new ValidationException("symbol", "there is no open position in " + market,
            "list the open positions to see which symbols have one; nothing was sent"));
    return place(ClosingOrder.of(market, position, quantity), "close");
  }

  /**
   * Emergency stop: cancels every open order on every market (resting and trigger orders, found from the
   * open orders list and cancelled per market), then closes every perp position with a reduce-only market
   * order. Never blocked by the safety limits (cancels and reduce-only orders pass them). One failed step
   * does not stop the others; it is reported with its reason. Safe to call again: a second call with
   * nothing left to do reports nothing ({@link EmergencyStopReport#nothingToDo()}). A close whose outcome
   * is unknown is resolved as by {@link #place}: looked up by its {@code clientId}, never resent blindly.
   *
   * @return what was cancelled, what was closed, and what failed
   */
  public EmergencyStopReport emergencyStop() {
    return new EmergencyStop(this, parts.account()).runJournaled(parts.journal());
  }

  /**
   * Cancels every open order on every market, resting and trigger orders alike, and touches no
   * position: the cancel part of {@link #emergencyStop()}. One failed market does not stop the others.
   *
   * @return what was cancelled and what failed ({@link EmergencyStopReport#closed()} is empty)
   */
  public EmergencyStopReport cancelAllOpenOrders() {
    return new EmergencyStop(this, parts.account()).cancelOnly();
  }

  /**
   * Arms a dead-man switch: when {@link DeadManSwitch#touch()} was not called for {@code idle}, it
   * cancels every open order on every market ({@link #cancelAllOpenOrders()}), positions untouched.
   * Call {@code touch()} whenever your application shows it is alive; {@code close()} disarms it.
   * {@code
   * try (DeadManSwitch deadMan = client.orders().deadManSwitch(Duration.ofMinutes(10))) {
   *   while (running) { deadMan.touch(); trade(); }
   * }}
   *
   * @param idle how long without a touch before the orders are cancelled; more than zero
   * @return the armed switch, its idle time counted from now
   * @throws ValidationException if {@code idle} is null, zero or negative
   */
  public DeadManSwitch deadManSwitch(Duration idle) {
    return deadManSwitch(idle, () -> false);
  }

  /**
   * As {@link #deadManSwitch(Duration)}, never idle while {@code busy} answers true: no sweep starts
   * then, and the idle time counts from the last check that found the application busy. Give it your
   * calls in flight, so that a call that takes longer than the idle time never has the order it is
   * placing cancelled under it:
   * {@code
   * AtomicInteger inFlight = new AtomicInteger();
   * DeadManSwitch deadMan = client.orders().deadManSwitch(Duration.ofMinutes(10), () -> inFlight.get() > 0);
   * // around each call: inFlight.incrementAndGet(); deadMan.touch(); ... deadMan.touch(); inFlight.decrementAndGet();
   * }
   *
   * @param busy asked on the switch's thread at each check once the idle time has passed; must be quick
   *     and must not throw
   * @throws ValidationException if {@code idle} is null, zero or negative, or {@code busy} is null
   */
  public DeadManSwitch deadManSwitch(Duration idle, BooleanSupplier busy) {
    Args.required("busy", busy, "pass () -> false when the application is never busy");
    return DeadManSwitch.start(idle, busy, this::cancelAllOpenOrders);
  }

  /**
   * Finds an order by id or clientId (give exactly one): among open orders first, then in the order
   * history. By clientId the history is searched back for the client's clientId lookback (default
   * 24 hours, {@link BackpackClient.Builder#clientIdLookback}): a clientId can be used again once its
   * order is closed, so an older order with it is another order.
   *
   * @return the order (by clientId: the open one, else the newest within the lookback), or empty when
   *     the exchange has no such order
   * @throws ValidationException if neither or both ids are given
   */
  public Optional<OrderLookup> findOrder(String symbol, String orderId, Long clientId) {
    Args.oneOrderId(orderId, clientId);
    String market = parts.markets().known(symbol);
    return parts.reconciler().find(market, orderId, clientId);
  }

  /** As {@link #findOrder} by clientId, for a symbol this client placed an order on (the journal's): not checked again. */
  Optional<OrderLookup> findPlaced(String symbol, long clientId) {
    return parts.reconciler().find(Args.symbol(symbol), null, Args.clientId(clientId));
  }

  /**
   * Waits until an order has finished (filled, cancelled or expired) or {@code timeout} has passed,
   * asking the exchange every 0.2 s at first and every 2 s at most; with {@link
   * BackpackClient.Builder#streams streams} configured, the order's {@code account.orderUpdate} events
   * also wake it at once (the answer still comes from REST). Finds the order as {@link #findOrder} does.
   * Blocks only the calling thread; other calls on this client go on meanwhile.
   *
   * @param timeout how long to wait at most, zero to one hour; zero is {@link #findOrder}
   * @return the finished order; the open order as it stands when the time is up (check {@link
   *     OrderLookup#isOpen()}); empty when the exchange has no such order
   * @throws ValidationException if neither or both ids are given, or the timeout is out of range
   * @throws BackpackException if asking the exchange fails
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Optional<OrderLookup> awaitFinished(String symbol, String orderId, Long clientId, Duration timeout)
      throws InterruptedException {
    Args.oneOrderId(orderId, clientId);
    if (timeout == null || timeout.isNegative() || timeout.compareTo(OrderWaiter.MAX_WAIT) > 0) {
      throw new ValidationException("timeout", "must be between 0 and 1 hour, was " + timeout,
          "wait in steps of at most an hour; for longer waits subscribe to account.orderUpdate");
    }
    String market = parts.markets().known(symbol);
    return parts.waiter().await(market, orderId, clientId, timeout);
  }

  /** {@return how far back an order with the same clientId counts as the same order} */
  public Duration clientIdLookback() {
    return parts.reconciler().clientIdLookback();
  }

  /** {@return every open order of the account, spot and perp ({@code GET /api/v1/orders})} */
  public List<Order> listOpenOrders() {
    return OrderParts.listOpenOrders(parts.reconciler());
  }

  /** {@return the open orders of one market, spot or perp} */
  public List<Order> listOpenOrders(String symbol) {
    return OrderParts.listOpenOrders(parts.reconciler(), parts.markets().known(symbol));
  }

  /** {@return the open orders of every market of one kind, e.g. {@code PERP}} */
  public List<Order> listOpenOrders(MarketType marketType) {
    Args.required("marketType", marketType, "use e.g. MarketType.SPOT or MarketType.PERP");
    return parts.reconciler().listOpen(Map.of("marketType", marketType.wireValue()));
  }

  /**
   * {@return one open order by its id ({@code GET /api/v1/order}); empty when the exchange has no such
   * open order (filled, cancelled and expired orders are in {@link HistoryService#listOrders})}
   */
  public Optional<Order> getOpenOrder(String symbol, String orderId) {
    Args.orderId(orderId);
    return parts.reconciler().getOpenOrder(OrderCanceller.openOrderQuery(parts.markets().known(symbol), orderId));
  }

  /** {@return one open order by the clientId it was placed with; empty when none is open} */
  public Optional<Order> getOpenOrderByClientId(String symbol, long clientId) {
    Args.clientId(clientId);
    return parts.reconciler().findOpen(parts.markets().known(symbol), clientId);
  }

  /**
   * {@return the market's filters as a rounding and checking helper (markets are cached for the
   * client's market cache TTL)}
   *
   * @throws ValidationException if the exchange has no such market (the message lists similar ones)
   */
  public MarketRules getMarketRules(String symbol) {
    return OrderParts.marketRules(parts.markets(), symbol);
  }

  /**
   * Places an order ({@code POST /api/v1/order}) after checking it and the market's filters.
   *
   * <p>The returned order is the exchange's answer, possibly already {@code FILLED}. After an unknown
   * outcome it may instead be the order found on the exchange by {@code clientId}; when found in the
   * order history, {@code reduceOnly}, {@code triggeredAt} and {@code relatedOrderId} are null, as
   * the history does not carry them.
   *
   * <p>This method does not look for an earlier order with the same {@code clientId} before sending
   * (that costs a read of the order history, which Backpack rate-limits more tightly than orders);
   * the exchange itself refuses a {@code clientId} that belongs to an open order. To make repeating a
   * call safe, use {@link #placeIdempotent}.
   *
   * @return the placed order
   * @throws ValidationException if the request or the market filters reject it (nothing sent)
   * @throws ApiException if the exchange rejected the order (it was not placed)
   * @throws OrderNotPlacedException if placing failed and the exchange then confirmed it has no order
   *     with the request's {@code clientId}: nothing was placed, placing again is safe
   * @throws NetworkException when the outcome could not be determined; {@link
   *     NetworkException#clientId()} names the order to look for ({@link #findOrder})
   */
  public Order place(OrderRequest request) {
    return place(request, "place");
  }

  /**
   * As {@link #place(OrderRequest)}, for a caller whose request can be cancelled while the order is being
   * checked (an MCP tool call, say): {@code cancelled} is asked just before the order is sent, and when
   * it answers true nothing is sent.
   *
   * @throws ValidationException on field {@code request} when {@code cancelled} answered true; nothing was sent
   */
  public Order place(OrderRequest request, BooleanSupplier cancelled) {
    Args.required("cancelled", cancelled, "pass () -> false when the request cannot be cancelled");
    return parts.placer().place(request, "place", cancelled);
  }

  /** As {@link CheckedPlacer#place}. */
  Order place(OrderRequest request, String action) {
    return parts.placer().place(request, action, () -> false);
  }

  /**
   * Places an order unless one with the same {@code clientId} already exists, for callers that choose
   * their own {@code clientId} so that repeating a call (after a crash, a timeout, or a retry by a
   * user or an assistant) never places a second order.
   *
   * <p>Before sending it looks for the {@code clientId} among the open orders of the market and in
   * its order history back to the client's clientId lookback (default 24 hours, {@link
   * BackpackClient.Builder#clientIdLookback}): Backpack only refuses a {@code clientId} that belongs
   * to an open order, so a closed order counts as "the same order" only within that span, and an older
   * one is taken for an earlier use of the id. The cost of the check grows with the orders placed
   * within the lookback, not with the account's age. Calls with the same {@code clientId} through this
   * client run one at a time (striped locks, a fixed number), so a repeat sent while the first call is
   * still running waits for it and then finds its order. An order found is returned without checking
   * any limit (nothing is sent, so a retry of an order that is open is never refused for the open-order
   * limit it now counts toward), and nothing is journaled for it. If the order found differs from the
   * request (side, type, quantity, quote quantity, price or trigger price), the request is refused with a
   * {@link ValidationException} on field {@code clientId} naming that order and what differs: the same
   * clientId is the same order, so different arguments are a mistake, never silently answered with
   * another order. Otherwise the order is placed as by {@link #place}, with the same handling of unknown
   * outcomes; if the exchange refuses the {@code clientId} as taken (another process placed it
   * meanwhile), the open order with it is returned (or refused as above when it differs).
   *
   * @return the order, and whether it already existed ({@link Placement#duplicate()})
   * @throws ValidationException if the request or the market filters reject it, or the clientId belongs
   *     to a different order (nothing sent)
   * @throws ApiException if the exchange rejected the order, or a lookup before sending failed (then
   *     nothing was sent: its {@link ApiException#method()} is {@code GET})
   * @throws OrderNotPlacedException as {@link #place}
   * @throws NetworkException as {@link #place}
   */
  public Placement placeIdempotent(OrderRequest request) {
    return parts.placer().placeIdempotent(request, () -> false);
  }

  /**
   * As {@link #placeIdempotent(OrderRequest)}, for a caller whose request can be cancelled while the order
   * is being checked: {@code cancelled} is asked just before the order is sent, and when it answers true
   * nothing is sent. An order that already has the clientId is still returned.
   *
   * @throws ValidationException on field {@code request} when {@code cancelled} answered true; nothing was sent
   */
  public Placement placeIdempotent(OrderRequest request, BooleanSupplier cancelled) {
    Args.required("cancelled", cancelled, "pass () -> false when the request cannot be cancelled");
    return parts.placer().placeIdempotent(request, cancelled);
  }

  /**
   * {@return the placing of an order with this clientId that is under way: a call of this client that
   * has not returned yet, or an intent another process sharing the trade journal wrote moments ago
   * (within the signing window and a margin) with no outcome yet} When {@link #findOrder} finds no
   * order by a clientId, the order may still be on its way: check this before taking "not found" as
   * "never placed", and ask again once it is empty.
   */
  public Optional<PlacementInProgress> placementInProgress(String symbol, long clientId) {
    return parts.inFlight().find(Args.symbol(symbol), Args.clientId(clientId));
  }

  /**
   * Places up to a batch of orders in one request ({@code POST /api/v1/orders}); each gets its own
   * result, an order or an error.
   *
   * <p>A batch is not re-sent after an unknown outcome: the {@link NetworkException} lists every
   * {@code clientId} to look for.
   *
   * @return one result per request, in order
   * @throws ValidationException listing the problems of every request, fields prefixed with
   *     {@code orders[i].}
   */
  public List<BatchOrderResult> placeBatch(List<OrderRequest> requests) {
    return parts.batches().place(requests);
  }

  /**
   * Cancels one open order by its id ({@code DELETE /api/v1/order} with a JSON body).
   *
   * <p>When the cancel gets no usable answer (none after it was sent, HTTP 5xx such as a proxy's 504,
   * or an unreadable 2xx), the exchange may have cancelled the order; the client then looks the order
   * up: no longer open, it returns {@link CancelResult.AlreadyClosed} with the order as the history
   * shows it; still open, it cancels once more (a cancel never adds exposure).
   *
   * @return {@link CancelResult.Cancelled} with the order, {@link CancelResult.Accepted} when the
   *     exchange queued the cancel (HTTP 202), or {@link CancelResult.AlreadyClosed} after a lost answer
   * @throws ApiException e.g. not found, when the order is not open
   * @throws NetworkException when the answer was lost and the lookup could not settle it
   */
  public CancelResult cancel(String symbol, String orderId) {
    return parts.canceller().cancel(symbol, orderId);
  }

  /**
   * Cancels one open order by the clientId it was placed with.
   *
   * @return as {@link #cancel(String, String)}
   * @throws ApiException e.g. not found, when no such order is open
   */
  public CancelResult cancelByClientId(String symbol, long clientId) {
    return parts.canceller().cancelByClientId(symbol, clientId);
  }

  /** {@return the result of cancelling every open order (resting and conditional) of a market} */
  public CancelAllResult cancelAll(String symbol) {
    return cancelAll(symbol, null);
  }

  /**
   * Cancels the open orders of a market ({@code DELETE /api/v1/orders}).
   *
   * @param orderType {@code RESTING_LIMIT_ORDER} or {@code CONDITIONAL_ORDER} only; null for both
   * @return the cancelled orders, or {@code accepted = true} on HTTP 202
   */
  public CancelAllResult cancelAll(String symbol, CancelOrderType orderType) {
    return parts.canceller().cancelAll(symbol, orderType);
  }

  /** As {@link #cancelAll(String, CancelOrderType)} for a symbol taken from the exchange's own answer: not checked. */
  CancelAllResult cancelAllListed(String symbol, CancelOrderType orderType) {
    return parts.canceller().cancelAllOf(symbol, orderType);
  }

  /**
   * {@return the largest order the account can place ({@code GET /api/v1/account/limits/order})}
   *
   * @throws ValidationException if the query is invalid
   */
  public MaxOrderQuantity getMaxOrderQuantity(MaxOrderQuantityQuery query) {
    Args.required("query", query, "build one with MaxOrderQuantityQuery.of(symbol, side)");
    query.validate();
    parts.markets().known(query.symbol());
    ApiRequest api = ApiRequest.get("/api/v1/account/limits/order", WireFormat.maxOrderQuantity(query));
    return parts.decoder().decode(api, parts.transport().execute(api), MaxOrderQuantity.class);
  }
}
