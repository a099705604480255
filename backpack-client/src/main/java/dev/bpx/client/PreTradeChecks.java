package dev.bpx.client;

import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.exception.ValidationException.Violation;
import dev.bpx.client.model.Ticker;
import dev.bpx.client.request.MarketRules;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules every order meets before anything is sent, whether it goes alone ({@link CheckedPlacer}) or in a
 * batch ({@link BatchPlacer}): the market's filters (its price band against the ticker's last price), the safety
 * limits and the circuit breakers, and the order's notional that the last two need. One value, so that both placers
 * check against the same parts. Thread-safe: every part is.
 *
 * @param marketRules the filters of a market by symbol
 * @param marketData the book a market order by quantity is priced against
 * @param limits the limits on each order
 * @param breakers the rules that read the account
 */
record PreTradeChecks(Function<String, MarketRules> marketRules, MarketService marketData, SafetyLimits limits,
    CircuitBreakers breakers) {

  /**
   * {@return how the order's limit price breaks its market's price band, checked as the other filters are: before
   * sending} Reads the market's last price (the ticker, once per symbol in {@code lastPrices}) only when the market
   * publishes a band and the order has a limit price. When the last price cannot be read the band is left to the
   * exchange, which enforces it anyway: the local check saves a round trip, it is not the rule.
   *
   * @param lastPrices the last prices read so far, by symbol (a batch reads each market's once)
   */
  List<Violation> band(OrderRequest request, MarketRules rules, Map<String, Optional<BigDecimal>> lastPrices) {
    if (!rules.bandApplies(request)) {
      return List.of();
    }
    Optional<BigDecimal> last = lastPrices.computeIfAbsent(request.symbol(), this::lastPrice);
    return last.map(reference -> rules.checkBand(request, reference)).orElse(List.of());
  }

  private Optional<BigDecimal> lastPrice(String symbol) {
    try {
      return marketData.getTicker(symbol).map(Ticker::lastPrice);
    } catch (BackpackException e) {
      return Optional.empty();
    }
  }

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
    MarketRules rules = marketRules.apply(request.symbol());
    rules.validate(request);
    List<Violation> band = band(request, rules, new HashMap<>());
    if (!band.isEmpty()) {
      throw new ValidationException(band);
    }
    BigDecimal notional = notional(request);
    limits.check(request, notional);
    breakers.check(request, notional);
    return notional;
  }
}
