package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.exception.ValidationException.Violation;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.PriceFilter;
import dev.bpx.client.model.QuantityFilter;
import dev.bpx.client.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A market's price and quantity filters ({@code backpack-api.md} section 5): the explicit rounding
 * helper, and the check the client runs on every order before sending it.
 *
 * <p>Nothing is ever rounded silently: a price off the tick or a quantity off the step fails with a
 * message naming the nearest valid values, and rounding happens only when you call one of the
 * {@code round...} methods with a mode you choose. {@link #roundPrice(BigDecimal, Side)} picks the
 * mode by side as XChange does: bids round down ({@link RoundingMode#FLOOR}), asks round up
 * ({@link RoundingMode#CEILING}), so rounding never makes a limit price worse for you.
 *
 * <pre>{@code
 * MarketRules rules = client.orders().getMarketRules("SOL_USDC");
 * BigDecimal price = rules.roundPrice(new BigDecimal("142.123"), Side.BID);        // 142.12
 * BigDecimal quantity = rules.roundQuantity(new BigDecimal("1.23456"), RoundingMode.DOWN);
 * }</pre>
 *
 * <p>Thread-safe (immutable).
 */
public final class MarketRules {
  private final String symbol;
  private final MarketType marketType;
  private final BigDecimal tickSize;
  private final BigDecimal minPrice;
  private final BigDecimal maxPrice;
  private final BigDecimal stepSize;
  private final BigDecimal minQuantity;
  private final BigDecimal maxQuantity;
  private final BigDecimal maxMultiplier;
  private final BigDecimal minMultiplier;

  private MarketRules(Market market) {
    this.symbol = Objects.requireNonNull(market.symbol(), "market.symbol");
    this.marketType = market.marketType();
    PriceFilter price = market.filters() == null ? null : market.filters().price();
    QuantityFilter quantity = market.filters() == null ? null : market.filters().quantity();
    this.tickSize = price == null ? null : positiveOrNull(price.tickSize());
    this.minPrice = price == null ? null : price.minPrice();
    this.maxPrice = price == null ? null : price.maxPrice();
    this.maxMultiplier = price == null ? null : positiveOrNull(price.maxMultiplier());
    this.minMultiplier = price == null ? null : positiveOrNull(price.minMultiplier());
    this.stepSize = quantity == null ? null : positiveOrNull(quantity.stepSize());
    this.minQuantity = quantity == null ? null : quantity.minQuantity();
    this.maxQuantity = quantity == null ? null : quantity.maxQuantity();
  }

  /**
   * {@return the rules of {@code market}}
   *
   * @throws NullPointerException if the market has no symbol
   */
  public static MarketRules of(Market market) {
    return new MarketRules(Objects.requireNonNull(market, "market"));
  }

  /** {@return the market's symbol} */
  public String symbol() {
    return symbol;
  }

  /** {@return the price increment, or null when the market publishes none} */
  public BigDecimal tickSize() {
    return tickSize;
  }

  /** {@return the quantity increment, or null when the market publishes none} */
  public BigDecimal stepSize() {
    return stepSize;
  }

  /** {@return the smallest order quantity, or null when the market publishes none} */
  public BigDecimal minQuantity() {
    return minQuantity;
  }

  /**
   * {@return {@code price} rounded to a multiple of the tick size with {@code mode}, at the tick's
   * scale; unchanged when the market has no tick size}
   */
  public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
    return roundToMultiple(Objects.requireNonNull(price, "price"), tickSize, Objects.requireNonNull(mode, "mode"));
  }

  /**
   * {@return {@code price} rounded to the tick in the direction that never worsens it for the given
   * side: down for a bid ({@code FLOOR}), up for an ask ({@code CEILING})}
   *
   * @throws IllegalArgumentException for {@link Side#UNKNOWN}
   */
  public BigDecimal roundPrice(BigDecimal price, Side side) {
    return roundPrice(price, passiveMode(side));
  }

  /**
   * {@return {@code quantity} rounded to a multiple of the step size with {@code mode}; unchanged
   * when the market has no step size. {@link RoundingMode#DOWN} never orders more than you asked}
   */
  public BigDecimal roundQuantity(BigDecimal quantity, RoundingMode mode) {
    return roundToMultiple(
        Objects.requireNonNull(quantity, "quantity"), stepSize, Objects.requireNonNull(mode, "mode"));
  }

  /**
   * {@return every way {@code request} breaks this market's filters (empty when it fits): prices on
   * the tick and within min/max, quantities on the step and within min/max, {@code reduceOnly} only on
   * futures}
   */
  public List<Violation> check(OrderRequest request) {
    List<Violation> out = new ArrayList<>();
    if (request.orderType() == OrderType.LIMIT) {
      checkPrice(out, "price", request.price());
    }
    checkPrice(out, "triggerPrice", request.triggerPrice());
    checkPrice(out, "stopLossTriggerPrice", request.stopLossTriggerPrice());
    checkPrice(out, "stopLossLimitPrice", request.stopLossLimitPrice());
    checkPrice(out, "takeProfitTriggerPrice", request.takeProfitTriggerPrice());
    checkPrice(out, "takeProfitLimitPrice", request.takeProfitLimitPrice());
    checkQuantity(out, "quantity", request.quantity());
    checkQuantity(out, "triggerQuantity", request.triggerQuantity());
    if (Boolean.TRUE.equals(request.reduceOnly()) && marketType == MarketType.SPOT) {
      out.add(new Violation("reduceOnly", symbol + " is a spot market and reduceOnly is for futures only",
          "remove reduceOnly"));
    }
    return out;
  }

  /**
   * {@return whether {@code request} has a limit price that this market's price band
   * ({@code filters.price.minMultiplier} / {@code maxMultiplier}) bounds: the checks of {@link #checkBand} need
   * the market's last price then}
   */
  public boolean bandApplies(OrderRequest request) {
    return (maxMultiplier != null || minMultiplier != null) && request.orderType() == OrderType.LIMIT
        && request.price() != null;
  }

  /**
   * {@return how {@code request}'s limit price (a trigger order's included) breaks this market's price band, empty
   * when it fits}: the exchange accepts a limit price from {@code minMultiplier} to {@code maxMultiplier} times the
   * last active price ("allowed multiplier from last active price" in the spec), both ends included. Market orders
   * have no price and are not bounded.
   *
   * @param reference the market's last price (the ticker's {@code lastPrice}); null or not positive: nothing to
   *     check against, so nothing is reported
   */
  public List<Violation> checkBand(OrderRequest request, BigDecimal reference) {
    if (!bandApplies(request) || reference == null || reference.signum() <= 0) {
      return List.of();
    }
    BigDecimal price = request.price();
    if (maxMultiplier != null) {
      BigDecimal max = reference.multiply(maxMultiplier);
      if (price.compareTo(max) > 0) {
        return List.of(outOfBand(price, "above", max, maxMultiplier, "maxMultiplier", reference,
            "use at most " + plain(roundToMultiple(max, tickSize, RoundingMode.FLOOR))));
      }
    }
    if (minMultiplier != null) {
      BigDecimal min = reference.multiply(minMultiplier);
      if (price.compareTo(min) < 0) {
        return List.of(outOfBand(price, "below", min, minMultiplier, "minMultiplier", reference,
            "use at least " + plain(roundToMultiple(min, tickSize, RoundingMode.CEILING))));
      }
    }
    return List.of();
  }

  private Violation outOfBand(BigDecimal price, String where, BigDecimal bound, BigDecimal multiplier,
                              String filter, BigDecimal reference, String fix) {
    return new Violation("price", price.toPlainString() + " is " + where + " the price band's bound "
        + plain(bound.stripTrailingZeros()) + " for " + symbol + " (" + filter + " " + plain(multiplier)
        + " x the last price " + plain(reference) + ")", fix);
  }

  /**
   * Checks {@code request} against this market's filters.
   *
   * @throws ValidationException listing every violation, each naming the nearest valid values
   */
  public void validate(OrderRequest request) {
    List<Violation> violations = check(request);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  private void checkPrice(List<Violation> out, String field, BigDecimal price) {
    check(out, field, price, new Filter("Price", minPrice, maxPrice, "tickSize", tickSize));
  }

  private void checkQuantity(List<Violation> out, String field, BigDecimal quantity) {
    check(out, field, quantity, new Filter("Quantity", minQuantity, maxQuantity, "stepSize", stepSize));
  }

  /**
   * One of the market's two filters, price or quantity: the same three rules, named as the exchange names them.
   *
   * @param name {@code Price} or {@code Quantity}, as in {@code minPrice}
   * @param max the largest value; null or not positive for none
   * @param incrementName {@code tickSize} or {@code stepSize}
   */
  private record Filter(String name, BigDecimal min, BigDecimal max, String incrementName, BigDecimal increment) {}

  /** Adds the first rule of {@code filter} that {@code value} breaks, if any (a value not positive is checked elsewhere). */
  private void check(List<Violation> out, String field, BigDecimal value, Filter filter) {
    if (value == null || value.signum() <= 0) {
      return;
    }
    if (filter.min() != null && value.compareTo(filter.min()) < 0) {
      out.add(new Violation(field,
          value.toPlainString() + " is below min" + filter.name() + " " + plain(filter.min()) + " for " + symbol,
          "use at least " + plain(filter.min())));
      return;
    }
    if (filter.max() != null && filter.max().signum() > 0 && value.compareTo(filter.max()) > 0) {
      out.add(new Violation(field,
          value.toPlainString() + " is above max" + filter.name() + " " + plain(filter.max()) + " for " + symbol,
          "use at most " + plain(filter.max())));
      return;
    }
    if (filter.increment() != null && !isMultiple(value, filter.increment())) {
      out.add(new Violation(field, value.toPlainString() + " is not a multiple of " + filter.incrementName() + " "
          + plain(filter.increment()) + " for " + symbol,
          nearest(value, filter.increment(), filter.min(), filter.max())));
    }
  }

  private static String nearest(BigDecimal value, BigDecimal increment, BigDecimal min, BigDecimal max) {
    BigDecimal below = roundToMultiple(value, increment, RoundingMode.FLOOR);
    BigDecimal above = roundToMultiple(value, increment, RoundingMode.CEILING);
    boolean belowOk = below.signum() > 0 && (min == null || below.compareTo(min) >= 0);
    boolean aboveOk = max == null || max.signum() <= 0 || above.compareTo(max) <= 0;
    if (belowOk && aboveOk) {
      return "use " + below.toPlainString() + " or " + above.toPlainString();
    }
    return "use " + (belowOk ? below : above).toPlainString();
  }

  private static boolean isMultiple(BigDecimal value, BigDecimal increment) {
    return value.remainder(increment).signum() == 0;
  }

  static BigDecimal roundToMultiple(BigDecimal value, BigDecimal increment, RoundingMode mode) {
    if (increment == null) {
      return value;
    }
    BigDecimal units = value.divide(increment, 0, mode);
    BigDecimal rounded = units.multiply(increment);
    int scale = Math.max(0, increment.stripTrailingZeros().scale());
    return rounded.setScale(scale, RoundingMode.UNNECESSARY);
  }

  private static RoundingMode passiveMode(Side side) {
    if (side == Side.BID) {
      return RoundingMode.FLOOR;
    }
    if (side == Side.ASK) {
      return RoundingMode.CEILING;
    }
    throw new IllegalArgumentException("side must be BID or ASK, not " + side);
  }

  private static BigDecimal positiveOrNull(BigDecimal value) {
    return value != null && value.signum() > 0 ? value : null;
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }

  @Override
  public String toString() {
    return "MarketRules[" + symbol + ", tickSize=" + (tickSize == null ? "-" : plain(tickSize))
        + ", stepSize=" + (stepSize == null ? "-" : plain(stepSize)) + "]";
  }
}
