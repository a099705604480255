package dev.bpx.client;

import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account leverage limit as the exchange applies it to a perpetual order, for {@link OrderPreviewer}.
 *
 * <p>Account leverage is total exposure notional over net equity. Exposure of a market is Backpack's
 * "net exposure": the position plus the open orders that add to it, on the worse side, valued at the
 * mark price; the account's total is the collateral summary's {@code netExposureFutures} plus its
 * borrow liabilities. An order that raises its market's exposure is refused with
 * {@code MAX_LEVERAGE_REACHED} when the total would exceed {@code leverageLimit × netEquity}; an order
 * that does not raise exposure (reduce-only, or one that reduces or flips within the position) never is.
 *
 * <p>Thread-safe (stateless apart from the services it reads through).
 */
final class LeverageCheck {
  private final MarketService marketData;
  private final Function<String, List<Order>> openOrders;

  /** @param openOrders the account's open orders of a symbol */
  LeverageCheck(MarketService marketData, Function<String, List<Order>> openOrders) {
    this.marketData = marketData;
    this.openOrders = openOrders;
  }

  /**
   * {@return why the exchange would refuse {@code order} for the account's leverage limit, with the
   * figures, or null when it would not} Trigger orders are checked when they fire, so never here.
   */
  String problem(OrderRequest order, Market market, BigDecimal leverageLimit, CollateralSummary collateral,
      Optional<Position> position) {
    Exposure e = exceeding(order, market, leverageLimit, collateral, position);
    if (e == null) {
      return null;
    }
    return "over the account's leverage limit: the order would take leverage (exposure / net equity) to " + e.leverageAfter()
        + " (exposure " + plain(e.after().setScale(2, RoundingMode.UP)) + " / net equity " + plain(e.equity()) + " "
        + market.quoteSymbol() + "), above the leverageLimit of " + plain(leverageLimit) + ", which allows exposure up to "
        + plain(e.allowed().setScale(2, RoundingMode.DOWN)) + "; the account can add about " + plain(e.room()) + " "
        + market.baseSymbol() + " of exposure. Reduce the quantity, close exposure, or raise leverageLimit in the"
        + " account settings (the exchange would refuse it with MAX_LEVERAGE_REACHED)";
  }

  /**
   * The account's exposure around an order that would take it above a leverage.
   *
   * @param before total exposure notional now
   * @param after total exposure notional after the order
   * @param equity the account's net equity
   * @param allowed {@code limit × equity}
   * @param room how much of the base asset can still be added, rounded down to the step
   */
  record Exposure(BigDecimal before, BigDecimal after, BigDecimal equity, BigDecimal allowed, BigDecimal room) {
    /** {@return leverage (exposure / net equity) after the order, 2 decimals rounded up, or a text when equity is not positive} */
    String leverageAfter() {
      return equity.signum() <= 0 ? "beyond any limit (net equity " + plain(equity) + ")"
          : after.divide(equity, 2, RoundingMode.UP).toPlainString();
    }

    /** {@return leverage now, 2 decimals rounded up, or a text when equity is not positive} */
    String leverageBefore() {
      return equity.signum() <= 0 ? "beyond any limit (net equity " + plain(equity) + ")"
          : plain(before.divide(equity, 2, RoundingMode.UP));
    }
  }

  /**
   * {@return the exposure figures when {@code order} would raise the account's leverage (exposure / net
   * equity) above {@code limit}, or null when it would not (or does not raise exposure at all)} Trigger
   * orders are checked when they fire, so never here. Shared by the exchange's {@code leverageLimit}
   * and the client's {@code maxLeverage} circuit breaker: one definition of leverage.
   */
  Exposure exceeding(OrderRequest order, Market market, BigDecimal limit, CollateralSummary collateral,
      Optional<Position> position) {
    if (limit == null || limit.signum() <= 0 || Boolean.TRUE.equals(order.reduceOnly())
        || order.triggerPrice() != null || collateral.netEquity() == null || collateral.netExposureFutures() == null) {
      return null;
    }
    BigDecimal mark = position.map(Position::markPrice).orElse(null);
    if (mark == null) {
      mark = marketData.listMarkPrices(order.symbol()).stream().map(MarkPrice::markPrice).findFirst().orElse(null);
    }
    BigDecimal step = market.filters() == null || market.filters().quantity() == null ? null
        : market.filters().quantity().stepSize();
    BigDecimal quantity = order.quantity();
    if (quantity == null && order.quoteQuantity() != null && mark != null && step != null) {
      // As the exchange sizes a market order by quote: at the mark, rounded down to the step.
      quantity = order.quoteQuantity().divide(mark.multiply(step), 0, RoundingMode.DOWN).multiply(step);
    }
    if (mark == null || quantity == null) {
      return null;
    }
    BigDecimal liabilities = collateral.liabilitiesValue() == null ? BigDecimal.ZERO : collateral.liabilitiesValue();
    BigDecimal exposureBefore = collateral.netExposureFutures().add(liabilities);
    BigDecimal allowed = limit.multiply(collateral.netEquity());
    if (exposureBefore.add(quantity.multiply(mark)).compareTo(allowed) <= 0) {
      // An order raises its market's exposure by at most its own quantity: within the limit even then.
      return null;
    }
    BigDecimal netQuantity = position.map(Position::netQuantity).orElse(BigDecimal.ZERO);
    BigDecimal bids = BigDecimal.ZERO;
    BigDecimal asks = BigDecimal.ZERO;
    for (Order o : openOrders.apply(order.symbol())) {
      if (o.status() == OrderStatus.TRIGGER_PENDING || o.triggerPrice() != null || Boolean.TRUE.equals(o.reduceOnly())
          || o.quantity() == null) {
        continue;
      }
      BigDecimal remaining = o.quantity().subtract(o.executedQuantity() == null ? BigDecimal.ZERO : o.executedQuantity());
      if (o.side() == Side.BID) {
        bids = bids.add(remaining);
      } else if (o.side() == Side.ASK) {
        asks = asks.add(remaining);
      }
    }
    BigDecimal before = worse(netQuantity.add(bids), netQuantity.subtract(asks));
    BigDecimal after = order.side() == Side.BID ? worse(netQuantity.add(bids).add(quantity), netQuantity.subtract(asks))
        : worse(netQuantity.add(bids), netQuantity.subtract(asks).subtract(quantity));
    if (after.compareTo(before) <= 0) {
      return null;
    }
    BigDecimal exposureAfter = exposureBefore.add(after.subtract(before).multiply(mark));
    if (exposureAfter.compareTo(allowed) <= 0) {
      return null;
    }
    BigDecimal room = allowed.subtract(exposureBefore).max(BigDecimal.ZERO).divide(mark, MathContext.DECIMAL64);
    if (step != null) {
      room = room.divide(step, 0, RoundingMode.DOWN).multiply(step);
    }
    return new Exposure(exposureBefore, exposureAfter, collateral.netEquity(), allowed, room);
  }

  private static BigDecimal worse(BigDecimal up, BigDecimal down) {
    return up.abs().max(down.abs());
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
