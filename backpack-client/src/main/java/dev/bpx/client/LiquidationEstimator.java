package dev.bpx.client;

import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.CollateralAsset;
import dev.bpx.client.model.MarginFunction;
import dev.bpx.client.model.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the exchange would liquidate the account after an order: the price of the order's market
 * at which net equity falls below maintenance margin, the rule Backpack's liquidator applies to the
 * whole account ({@code backpack-api.md} 6.2).
 *
 * <p>The underlying moves as the exchange moves it: every market of the base asset (spot and perp)
 * and that asset's own collateral and borrows move together by one ratio {@code r}; other assets,
 * and positions on other underlyings, stay where they are. With the order's own effect on equity
 * (the fee, and the fill's distance from the mark) included:
 *
 * <pre>
 *   equity(r)      = E + Δorder + (r − 1) × (Σ same-asset collateral × weight + Σ q × mark − Σ borrowed)
 *   maintenance(r) = Σ n × s × max(base, factor × √(n × s)),  s = r for the underlying, 1 otherwise
 * </pre>
 *
 * over every position's (and borrow's) notional {@code n} at today's marks. Equity is linear in
 * {@code r} and maintenance convex, so their difference is concave and crosses zero at most once on
 * each side of the mark; each crossing is found by bisection and the nearer one is reported, on the
 * first tick at which the rule fires.
 *
 * <p>Stateless; thread-safe.
 */
final class LiquidationEstimator {
  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal UP_RANGE = BigDecimal.TEN;
  private static final int ITERATIONS = 80;

  /** One maintenance term: a position's or a borrow's notional at today's marks, and its function. */
  record Margin(BigDecimal notional, MarginFunction function, boolean moves) {}

  private final BigDecimal equity;
  private final BigDecimal slope;
  private final List<Margin> margins;

  /**
   * @param equity net equity after the order at today's prices
   * @param slope the change in equity per unit of {@code r}
   * @param margins every maintenance term
   */
  LiquidationEstimator(BigDecimal equity, BigDecimal slope, List<Margin> margins) {
    this.equity = equity;
    this.slope = slope;
    this.margins = List.copyOf(margins);
  }

  /**
   * Builds the estimator for the account as it would be after an order.
   *
   * @param base the order market's base asset
   * @param netEquity the account's net equity now
   * @param orderEquityChange what the order does to equity at once: {@code signedFill × (mark − average) − fee}
   * @param collateral the collateral summary's lines
   * @param positions every open perp position now
   * @param symbol the order's market
   * @param resultingQuantity the position in {@code symbol} after the order
   * @param mark the mark price of {@code symbol}
   * @param mmf the maintenance function of {@code symbol}
   * @param borrowLend the account's borrow-lend positions
   * @param baseOf the base asset of a market symbol
   */
  static LiquidationEstimator of(String base, BigDecimal netEquity, BigDecimal orderEquityChange,
      List<CollateralAsset> collateral, List<Position> positions, String symbol, BigDecimal resultingQuantity,
      BigDecimal mark, MarginFunction mmf, List<BorrowLendPosition> borrowLend, Function<String, String> baseOf) {
    BigDecimal slope = BigDecimal.ZERO;
    List<Margin> margins = new ArrayList<>();
    for (CollateralAsset c : collateral) {
      if (base.equals(c.symbol()) && c.totalQuantity() != null && c.assetMarkPrice() != null && c.collateralWeight() != null) {
        slope = slope.add(c.totalQuantity().multiply(c.assetMarkPrice()).multiply(c.collateralWeight()));
      }
    }
    for (Position p : positions) {
      if (symbol.equals(p.symbol()) || p.netQuantity() == null || p.markPrice() == null) {
        continue;
      }
      boolean moves = base.equals(baseOf.apply(p.symbol()));
      if (moves) {
        slope = slope.add(p.netQuantity().multiply(p.markPrice()));
      }
      margins.add(new Margin(p.netQuantity().abs().multiply(p.markPrice()), p.mmfFunction(), moves));
    }
    slope = slope.add(resultingQuantity.multiply(mark));
    margins.add(new Margin(resultingQuantity.abs().multiply(mark), mmf, true));
    for (BorrowLendPosition b : borrowLend) {
      if (b.netQuantity() == null || b.netQuantity().signum() >= 0 || b.markPrice() == null) {
        continue;
      }
      BigDecimal owed = b.netQuantity().negate().multiply(b.markPrice());
      boolean moves = base.equals(b.symbol());
      if (moves) {
        slope = slope.subtract(owed);
      }
      margins.add(new Margin(owed, b.mmfFunction(), moves));
    }
    return new LiquidationEstimator(netEquity.add(orderEquityChange), slope, margins);
  }

  /**
   * {@return the price of the order's market at which the account would be liquidated: the mark
   * when it already would be, null when no price in (0, 10 × mark] would do it}
   *
   * @param mark the market's mark price
   * @param tickSize the market's tick, or null to leave the price unrounded
   */
  BigDecimal price(BigDecimal mark, BigDecimal tickSize) {
    if (fires(BigDecimal.ONE)) {
      return mark;
    }
    BigDecimal below = fires(BigDecimal.ZERO) ? crossing(BigDecimal.ZERO, BigDecimal.ONE) : null;
    BigDecimal above = fires(UP_RANGE) ? crossing(UP_RANGE, BigDecimal.ONE) : null;
    BigDecimal ratio;
    boolean up;
    if (below == null && above == null) {
      return null;
    } else if (below == null || above != null && above.subtract(BigDecimal.ONE).compareTo(BigDecimal.ONE.subtract(below)) < 0) {
      ratio = above;
      up = true;
    } else {
      ratio = below;
      up = false;
    }
    BigDecimal price = mark.multiply(ratio, MC);
    if (tickSize == null || tickSize.signum() <= 0) {
      return price.stripTrailingZeros();
    }
    // The first tick past the crossing is where the exchange, checking tick by tick, liquidates.
    BigDecimal ticks = price.divide(tickSize, 0, up ? RoundingMode.CEILING : RoundingMode.FLOOR);
    BigDecimal onTick = ticks.multiply(tickSize);
    return onTick.signum() > 0 ? onTick.stripTrailingZeros() : null;
  }

  /** Bisects between a ratio where the rule fires and one where it does not. */
  private BigDecimal crossing(BigDecimal firing, BigDecimal safe) {
    for (int i = 0; i < ITERATIONS; i++) {
      BigDecimal mid = firing.add(safe).divide(BigDecimal.valueOf(2), MC);
      if (fires(mid)) {
        firing = mid;
      } else {
        safe = mid;
      }
    }
    return firing;
  }

  /** {@return whether equity is below maintenance with the underlying at {@code ratio} × today's marks} */
  boolean fires(BigDecimal ratio) {
    BigDecimal e = equity.add(slope.multiply(ratio.subtract(BigDecimal.ONE)));
    BigDecimal maintenance = BigDecimal.ZERO;
    for (Margin m : margins) {
      BigDecimal notional = m.moves() ? m.notional().multiply(ratio, MC) : m.notional();
      maintenance = maintenance.add(notional.multiply(OrderPreviewer.fraction(m.function(), notional)));
    }
    return e.compareTo(maintenance) < 0;
  }
}
