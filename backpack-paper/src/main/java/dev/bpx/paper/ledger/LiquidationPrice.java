package dev.bpx.paper.ledger;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The price of a position's market at which the exchange liquidates the account, found by asking
 * the liquidator's own rule ({@link Margin#liquidates}) at candidate prices.
 *
 * <p>The underlying moves as the exchange moves it: every market of the position's base asset (spot
 * and perp share one price walk) and the asset's own collateral value move together, by the same
 * ratio; other assets stay where they are. So a long BTC perp held against BTC collateral is
 * liquidated sooner than the perp alone would suggest, because the collateral falls with it.
 *
 * <p>Equity is linear in that price and maintenance convex ({@code notional × max(base, factor ×
 * √notional)}), so {@code equity − maintenance} is concave: the prices at which the account is
 * safe form one interval around the mark, and the liquidation price on each side is found by
 * bisection over whole ticks. The answer is the tick nearest the mark at which the rule fires.
 *
 * <p>Stateless apart from its price source; not thread-safe (the margin it reads is engine-owned).
 */
public final class LiquidationPrice {
  /** How far above the mark an upward liquidation is looked for. */
  private static final long UP_RANGE = 10;

  private final PriceSource prices;

  public LiquidationPrice(PriceSource prices) {
    this.prices = prices;
  }

  /**
   * {@return the mark price of {@code p}'s market at which the account would be liquidated, the
   * mark itself when it already would be, or zero when no price in (0, 10 × mark] would do it}
   */
  public BigDecimal of(Account a, PerpPosition p) {
    MarketSpec m = prices.market(p.symbol);
    BigDecimal mark = prices.markPrice(p.symbol);
    long current = m.toTicks(mark);
    if (fires(a, m, mark, current)) {
      return mark;
    }
    long below = fires(a, m, mark, 1) ? edge(a, m, mark, 1, current, true) : 0;
    long cap = Math.multiplyExact(current, UP_RANGE);
    long above = fires(a, m, mark, cap) ? edge(a, m, mark, current, cap, false) : 0;
    long ticks;
    if (below == 0) {
      ticks = above;
    } else if (above == 0) {
      ticks = below;
    } else {
      ticks = current - below <= above - current ? below : above;
    }
    return ticks == 0 ? BigDecimal.ZERO : m.fromTicks(ticks);
  }

  /**
   * {@return the tick next to where the rule starts or stops firing between lo and hi, by bisection: with
   * {@code firesAtLo}, the largest tick in [lo, hi) at which it fires, given that it fires at lo and not at hi;
   * without, the smallest tick in (lo, hi] at which it fires, given that it fires at hi and not at lo}
   */
  private long edge(Account a, MarketSpec m, BigDecimal mark, long lo, long hi, boolean firesAtLo) {
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (fires(a, m, mark, mid) == firesAtLo) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return firesAtLo ? lo : hi;
  }

  private boolean fires(Account a, MarketSpec m, BigDecimal mark, long ticks) {
    BigDecimal ratio = m.fromTicks(ticks).divide(mark, MathContext.DECIMAL128);
    Margin moved = new Margin(new Moved(prices, m.baseSymbol(), ratio));
    // Open orders change initial margin only; equity and maintenance do not depend on them.
    return Margin.liquidates(moved.summary(a, Map.of()));
  }

  /** The exchange's prices with one underlying (all its markets and the asset) moved by a ratio. */
  private record Moved(PriceSource base, String asset, BigDecimal ratio) implements PriceSource {
    @Override
    public BigDecimal assetPrice(String symbol) {
      BigDecimal price = base.assetPrice(symbol);
      return asset.equals(symbol) ? price.multiply(ratio) : price;
    }

    @Override
    public BigDecimal markPrice(String symbol) {
      BigDecimal price = base.markPrice(symbol);
      return asset.equals(base.market(symbol).baseSymbol()) ? price.multiply(ratio) : price;
    }

    @Override
    public MarketSpec market(String symbol) {
      return base.market(symbol);
    }

    @Override
    public AssetSpec asset(String symbol) {
      return base.asset(symbol);
    }
  }
}
