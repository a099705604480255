package dev.bpx.client;

import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.MarketRules;
import dev.bpx.client.stream.StreamService;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an {@link OrderService} delegates to, wired once from the client's parts: the lookups by id and
 * clientId, the checked placers (single and batch), the canceller, the waiter, the circuit breakers and
 * the previewer. The one place that knows how the order pipeline is put together, as {@link ClientParts}
 * is for the client, so that the service holds its API only. Thread-safe: every part is.
 */
record OrderParts(HttpTransport transport, ResponseDecoder decoder, MarketCache markets, AccountService account,
    SafetyLimits limits, OrderPreviewer previewer, JournalHook journal, OrderReconciler reconciler,
    LeverageCheck leverage, CircuitBreakers breakers, CheckedPlacer placer, BatchPlacer batches,
    OrderCanceller canceller, OrderWaiter waiter, PlacementsInFlight inFlight) {

  /**
   * @param orderEvents the streams that wake an order wait, or null to poll REST only
   * @param journalInFlight how long after its journaled intent another process's order may still be on its way
   */
  static OrderParts wire(HttpTransport transport, ResponseDecoder decoder, MarketCache markets,
      MarketService marketData, AccountService account, SafetyLimits limits, OrderPreviewer previewer,
      Duration clientIdLookback, DailyBreakers daily, JournalHook journal, StreamService orderEvents,
      Duration journalInFlight) {
    OrderReconciler reconciler = new OrderReconciler(transport, decoder, clientIdLookback);
    LeverageCheck leverage = new LeverageCheck(marketData, symbol -> listOpenOrders(reconciler, symbol));
    CircuitBreakers breakers = new CircuitBreakers(limits, markets, marketData, account, leverage,
        () -> listOpenOrders(reconciler), daily);
    PreTradeChecks checks = new PreTradeChecks(symbol -> marketRules(markets, symbol), marketData, limits, breakers);
    PlacementGate gate = new PlacementGate(limits);
    PlacementsInFlight inFlight = new PlacementsInFlight(transport.clock()::nowMillis, journal, journalInFlight);
    CheckedPlacer placer = new CheckedPlacer(new OrderPlacer(transport, decoder, reconciler), checks, daily, journal,
        gate, inFlight);
    OrderWaiter.Pause sleeping = OrderWaiter.Pause.sleeping(transport.sleeper());
    OrderWaiter waiter = new OrderWaiter(reconciler, orderEvents == null ? (symbol, id) -> sleeping
        : (symbol, id) -> OrderEventWake.open(orderEvents, symbol, id, sleeping), System::nanoTime);
    BatchPlacer batches = new BatchPlacer(transport, decoder, checks, daily, journal, gate, inFlight);
    return new OrderParts(transport, decoder, markets, account, limits, previewer, journal, reconciler, leverage,
        breakers, placer, batches, new OrderCanceller(transport, decoder, reconciler, journal, markets), waiter, inFlight);
  }

  /** {@return every open order of the account} */
  static List<Order> listOpenOrders(OrderReconciler reconciler) {
    return reconciler.listOpen(Map.of());
  }

  /** {@return the open orders of one market} */
  static List<Order> listOpenOrders(OrderReconciler reconciler, String symbol) {
    return reconciler.listOpen(Map.of("symbol", Args.symbol(symbol)));
  }

  /** {@return the rules of a market, from the cached market list} */
  static MarketRules marketRules(MarketCache markets, String symbol) {
    return MarketRules.of(markets.require(Args.symbol(symbol)));
  }
}
