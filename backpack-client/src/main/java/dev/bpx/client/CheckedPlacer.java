package dev.bpx.client;

import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Places one order for {@link OrderService}: checks it before anything is sent (its shape, the market's
 * filters, the safety limits and circuit breakers), counts it against the daily notional, journals it,
 * and hands it to {@link OrderPlacer}, which makes sure it is never placed twice. Thread-safe.
 */
final class CheckedPlacer {
  private final OrderPlacer placer;
  private final PreTradeChecks checks;
  private final DailyBreakers daily;
  private final JournalHook journal;

  CheckedPlacer(OrderPlacer placer, PreTradeChecks checks, DailyBreakers daily, JournalHook journal) {
    this.placer = placer;
    this.checks = checks;
    this.daily = daily;
    this.journal = journal;
  }

  /**
   * Places a checked order, journaled under {@code action} ({@code place} or {@code close}). The daily
   * notional is counted before the intent is written, and uncounted when the intent cannot be.
   */
  Order place(OrderRequest request, String action) {
    BigDecimal notional = checks.check(request);
    return daily.sending(request, notional, () -> journaled(request, action, () -> placer.send(request),
        JournalHook::placed), order -> false);
  }

  /** As {@link OrderService#placeIdempotent}. */
  Placement placeIdempotent(OrderRequest request) {
    BigDecimal notional = checks.check(request);
    // A duplicate was not sent now: it was counted when it was first placed.
    return daily.sending(request, notional, () -> journaled(request, "place",
        () -> placer.sendIdempotent(request), (intent, placement) -> JournalHook.placed(intent, placement.order())
            .detail(placement.duplicate() ? "an order with this clientId already existed; it was not sent again" : null)),
        Placement::duplicate);
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
