package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Places one order for {@link OrderService}: checks it before anything is sent (its shape, the market's
 * filters, the safety limits and circuit breakers), counts it against the daily notional, journals it,
 * and hands it to {@link OrderPlacer}, which makes sure it is never placed twice.
 *
 * <p>The checks and the send they allow run through the {@link PlacementGate}, so concurrent orders
 * cannot all pass on the same account state. While a call runs, its order is known as in flight
 * ({@link PlacementsInFlight}), so a lookup by its clientId meanwhile answers "outcome pending", not
 * "never placed". A request cancelled by its caller before the send is not sent. Thread-safe.
 */
final class CheckedPlacer {
  private final OrderPlacer placer;
  private final PreTradeChecks checks;
  private final DailyBreakers daily;
  private final JournalHook journal;
  private final PlacementGate gate;
  private final PlacementsInFlight inFlight;

  CheckedPlacer(OrderPlacer placer, PreTradeChecks checks, DailyBreakers daily, JournalHook journal, PlacementGate gate,
      PlacementsInFlight inFlight) {
    this.placer = placer;
    this.checks = checks;
    this.daily = daily;
    this.journal = journal;
    this.gate = gate;
    this.inFlight = inFlight;
  }

  /**
   * Places a checked order, journaled under {@code action} ({@code place} or {@code close}). The daily
   * notional is counted before the intent is written, and uncounted when the intent cannot be.
   *
   * @param cancelled asked just before the intent is written and the order sent: true stops it there
   */
  Order place(OrderRequest request, String action, BooleanSupplier cancelled) {
    Args.required("request", request, "build one with OrderRequest.limit(...) or marketByQuantity(...)");
    return inFlight.during(List.of(request), () -> gate.through(List.of(request), () -> {
      BigDecimal notional = checks.check(request);
      return daily.sending(request, notional, () -> {
        stillWanted(cancelled);
        return journaled(request, action, () -> placer.send(request), JournalHook::placed);
      }, order -> false);
    }));
  }

  /**
   * As {@link OrderService#placeIdempotent}. An order that already has the clientId is found before any
   * safety limit or circuit breaker is checked (nothing is sent, so no limit applies) and nothing is journaled for it; if it
   * differs from the request, the request is refused ({@link ClientIdConflict}).
   */
  Placement placeIdempotent(OrderRequest request, BooleanSupplier cancelled) {
    Args.required("request", request, "build one with OrderRequest.limit(...) or marketByQuantity(...)");
    request.validate();
    // In flight from the start: reading the market list can take a while, and a lookup meanwhile must not
    // be told the order was never placed.
    return inFlight.during(List.of(request), () -> placer.exclusive(request.clientId(), () -> {
      // The market's filters first: they need no account state, and an unknown market is better named
      // than looked up. The limits wait until it is known that the order will be sent.
      checks.marketRules().apply(request.symbol()).validate(request);
      Optional<OrderLookup> existing = placer.findExisting(request);
      if (existing.isPresent()) {
        Order order = existing.get().order();
        ClientIdConflict.requireSame(request, order);
        return new Placement(order, true);
      }
      return gate.through(List.of(request), () -> {
        BigDecimal notional = checks.check(request);
        // A clientId the exchange refused as taken was not placed now: it was counted when first placed.
        return daily.sending(request, notional, () -> {
          stillWanted(cancelled);
          return journaled(request, "place", () -> placer.sendUnlessTaken(request), CheckedPlacer::outcome);
        }, Placement::duplicate);
      });
    }));
  }

  /** The outcome of a sent order: the order the exchange placed, or the one that already had the clientId. */
  private static JournalRecord.Builder outcome(JournalRecord intent, Placement placement) {
    return JournalHook.placed(intent, placement.order()).detail(placement.duplicate()
        ? "the exchange refused the clientId as taken: order " + placement.order().id() + " already had it (placed"
            + " by another process); this request placed nothing"
        : null);
  }

  private static void stillWanted(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new ValidationException("request", "the caller cancelled the request before the order was sent",
          "nothing was sent");
    }
  }

  /**
   * Runs {@code call} journaled as placing {@code request}. A reduce-only order is sent even when the
   * journal cannot be written ({@link JournalHook#aroundReducingRisk}): getting out is never blocked.
   */
  private <T> T journaled(OrderRequest request, String action, Supplier<T> call,
      BiFunction<JournalRecord, T, JournalRecord.Builder> outcome) {
    Supplier<JournalRecord.Builder> intent = () -> JournalHook.order(action, request);
    return Boolean.TRUE.equals(request.reduceOnly()) ? journal.aroundReducingRisk(intent, call, outcome)
        : journal.around(intent, call, outcome);
  }

}
