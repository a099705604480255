package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.OrderRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one checked order ({@code POST /api/v1/order}) so that it is never placed twice: after an
 * unknown outcome it asks the exchange for the order by {@code clientId} before anything else; for an
 * idempotent placement it runs calls per clientId one at a time ({@link #exclusive}) and finds the
 * order that already has the clientId ({@link #findExisting}).
 * Thread-safe.
 */
final class OrderPlacer {
  private static final Logger LOG = LoggerFactory.getLogger(OrderPlacer.class);
  /** Re-sends after the exchange was confirmed not to have the order. */
  static final int MAX_RESENDS = 2;
  /** Idempotent placements of clientIds in the same stripe run one at a time; bounded, unlike a map. */
  static final int LOCK_STRIPES = 64;

  private final HttpTransport transport;
  private final ResponseDecoder decoder;
  private final OrderReconciler reconciler;
  private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];

  OrderPlacer(HttpTransport transport, ResponseDecoder decoder, OrderReconciler reconciler) {
    this.transport = transport;
    this.decoder = decoder;
    this.reconciler = reconciler;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Runs {@code call} alone among the calls for clientIds in the same stripe, so that a retry sent
   * while the first call is still running waits for it and then finds its order.
   */
  <T> T exclusive(long clientId, Supplier<T> call) {
    ReentrantLock lock = stripes[(int) (clientId % LOCK_STRIPES)];
    lock.lock();
    try {
      return call.get();
    } finally {
      lock.unlock();
    }
  }

  /** {@return the order that already has the request's clientId: open, or in the history within the lookback} */
  Optional<OrderLookup> findExisting(OrderRequest request) {
    return reconciler.findRecent(request.symbol(), request.clientId());
  }

  /**
   * Places a checked request, or, when the exchange refuses its clientId as taken (another process
   * placed it between the lookup and the send), returns the open order that has it.
   *
   * @throws dev.bpx.client.exception.ValidationException if that order is not the one asked for ({@link ClientIdConflict})
   */
  Placement sendUnlessTaken(OrderRequest request) {
    try {
      return new Placement(send(request), false);
    } catch (ApiException e) {
      // The exchange refuses a clientId that belongs to an open order, so that order is the one asked for.
      if (!isClientIdTaken(e)) {
        throw e;
      }
      Optional<Order> open = reconciler.findOpen(request.symbol(), request.clientId());
      if (open.isEmpty()) {
        throw e;
      }
      ClientIdConflict.requireSame(request, open.get());
      return new Placement(open.get(), true);
    }
  }

  /** Places a checked request, resolving an unknown outcome by looking the order up. */
  Order send(OrderRequest request) {
    ApiRequest api = ApiRequest.post("/api/v1/order", WireFormat.order(request));
    long clientId = request.clientId();
    int resends = 0;
    while (true) {
      long sentAt = transport.clock().nowMillis();
      BackpackException unknown;
      try {
        return OrderFields.checked(api, decoder.decode(api, transport.execute(api), Order.class), "$");
      } catch (NetworkException e) {
        if (!e.requestMayHaveReachedExchange()) {
          throw e;
        }
        unknown = e;
      } catch (ApiException e) {
        if (e.httpStatus() < 500) {
          throw e;
        }
        unknown = e;
      } catch (ResponseFormatException e) {
        // A 2xx whose body cannot be read (garbled, cut short, or from something between us and
        // the exchange): the order may well exist, so resolve it like a lost answer.
        unknown = e;
      }
      LOG.warn("{} for clientId {} on {}: outcome unknown ({}); checking the exchange before anything else",
          api.endpoint(), clientId, request.symbol(), unknown.getClass().getSimpleName());
      OrderReconciler.Lookup lookup = reconciler.find(request.symbol(), clientId, sentAt, api, unknown);
      if (lookup instanceof OrderReconciler.Lookup.Found found) {
        LOG.warn("{}: clientId {} was placed after all; returning it", api.endpoint(), clientId);
        return found.order();
      }
      if (unknown instanceof ApiException serverError) {
        throw notPlaced(api, request, "the exchange answered HTTP " + serverError.httpStatus()
            + serverError.apiMessage().map(m -> " (" + m + ")").orElse(""), serverError);
      }
      if (resends >= MAX_RESENDS) {
        throw notPlaced(api, request, "no usable answer came after " + (resends + 1) + " attempts", unknown);
      }
      resends++;
      LOG.warn("{}: the exchange has no order with clientId {}; sending it again ({} of {})",
          api.endpoint(), clientId, resends, MAX_RESENDS);
    }
  }

  private static OrderNotPlacedException notPlaced(ApiRequest api, OrderRequest request, String what, BackpackException cause) {
    return new OrderNotPlacedException(api.endpoint() + ": " + what + ", and the exchange confirmed afterwards that it"
        + " has no order with clientId " + request.clientId() + " on " + request.symbol()
        + ": nothing was placed, and placing the order again is safe", request.symbol(), request.clientId(), cause);
  }

  private static boolean isClientIdTaken(ApiException e) {
    return e.httpStatus() < 500 && e.apiMessage().map(m -> m.toLowerCase(Locale.ROOT))
        .filter(m -> m.contains("client id already exists")).isPresent();
  }
}
