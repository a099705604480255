package dev.bpx.client;

import dev.bpx.client.request.MarketRules;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The rules every order meets before anything is sent, whether it goes alone ({@link CheckedPlacer}) or in a
 * batch ({@link BatchPlacer}): the market's filters, the safety limits and the circuit breakers, and the
 * order's notional that the last two need. One value, so that both placers check against the same parts.
 * Thread-safe: every part is.
 *
 * @param marketRules the filters of a market by symbol
 * @param marketData the book a market order by quantity is priced against
 * @param limits the limits on each order
 * @param breakers the rules that read the account
 */
record PreTradeChecks(Function<String, MarketRules> marketRules, MarketService marketData, SafetyLimits limits,
    CircuitBreakers breakers) {

  /** {@return the order's notional when a notional limit needs it, else null; a market order by quantity reads the book} */
  BigDecimal notional(OrderRequest request) {
    if (!limits.needsNotional(request)) {
      return null;
    }
    return FillEstimator.notional(request, () -> marketData.getDepth(request.symbol()));
  }

  /**
   * Checks one order: its shape, its market's filters, the limits and the breakers.
   *
   * @return the order's notional when a notional rule needs it, else null
   * @throws dev.bpx.client.exception.ValidationException when a rule is broken; nothing has been sent
   */
  BigDecimal check(OrderRequest request) {
    Args.required("request", request, "build one with OrderRequest.limit(...) or marketByQuantity(...)");
    request.validate();
    marketRules.apply(request.symbol()).validate(request);
    BigDecimal notional = notional(request);
    limits.check(request, notional);
    breakers.check(request, notional);
    return notional;
  }
}
