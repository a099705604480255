package dev.bpx.paper.ledger;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account's margin picture at current marks, computed the way Backpack's collateral summary
 * describes it (backpack-api.md section 6.2):
 *
 * <ul>
 *   <li>per asset, {@code totalQuantity = available + locked + lent}; its collateral value is
 *       {@code total * mark * weight}; a borrow is a liability at full mark;
 *   <li>{@code netEquity = sum(collateral values) - liabilities + unrealized PnL};
 *   <li>{@code netEquityLocked} = initial margin: the larger of the IMF functions applied to perp
 *       exposure (position plus the open orders that add to it, worst side, at mark) and to borrows,
 *       and {@code exposure / leverageLimit}, the account's leverage limit (see {@link Initial});
 *   <li>maintenance margin uses the MMF functions the same way; liquidation when
 *       {@code netEquity < maintenance}.
 * </ul>
 *
 * Staked balances are not collateral. Stateless apart from its price source; not thread-safe.
 */
public final class Margin {
  private final PriceSource prices;

  public Margin(PriceSource prices) {
    this.prices = prices;
  }

  /** One collateral row. */
  public record CollateralRow(String symbol, BigDecimal assetMarkPrice, BigDecimal totalQuantity,
                              BigDecimal balanceNotional, BigDecimal collateralWeight,
                              BigDecimal collateralValue, BigDecimal openOrderQuantity,
                              BigDecimal lendQuantity, BigDecimal availableQuantity) {}

  /** The whole summary. {@code marginFraction} is null without exposure. */
  public record Summary(BigDecimal assetsValue, BigDecimal liabilitiesValue, BigDecimal borrowLiability,
                        BigDecimal netEquity, BigDecimal netEquityAvailable, BigDecimal netEquityLocked,
                        BigDecimal netExposureFutures, BigDecimal pnlUnrealized, BigDecimal imf,
                        BigDecimal mmf, BigDecimal marginFraction, BigDecimal maintenance,
                        List<CollateralRow> collateral, Initial initial) {}

  /**
   * The initial-margin rule, exact (the summary's other amounts are rounded for the wire). Order
   * acceptance and the max-order-quantity answer both decide with it, so they cannot disagree.
   *
   * <p>Account leverage is {@code exposure / netEquity}, exposure being the notional at mark of
   * every perp position plus the open orders that add to it (worst side) plus borrows: Backpack's
   * "total exposure notional". The leverage limit caps it, which is the same as an account IMF of
   * at least {@code 1 / leverageLimit}: {@code locked = max(byFunctions, exposure / leverageLimit)}.
   *
   * @param netEquity collateral value minus liabilities plus unrealized PnL
   * @param byFunctions initial margin from the markets' and assets' IMF functions
   * @param exposure total exposure notional
   * @param leverageLimit the account's {@code leverageLimit}
   */
  public record Initial(BigDecimal netEquity, BigDecimal byFunctions, BigDecimal exposure,
                        BigDecimal leverageLimit) {
    /** {@return the margin the leverage limit requires: exposure / leverageLimit} */
    public BigDecimal byLeverage() {
      return exposure.divide(leverageLimit, MathContext.DECIMAL128);
    }

    /** {@return the initial margin locked: the larger of the two requirements} */
    public BigDecimal locked() {
      return byFunctions.max(byLeverage());
    }

    /** {@return whether the IMF functions' margin is covered by net equity} */
    public boolean functionsCovered() {
      return netEquity.compareTo(byFunctions) >= 0;
    }

    /** {@return whether net equity covers the initial margin (functions and leverage limit)} */
    public boolean covered() {
      return netEquity.compareTo(locked()) >= 0;
    }

    /** {@return exposure / netEquity, or null when net equity is not positive} */
    public BigDecimal leverage() {
      return netEquity.signum() <= 0 ? null : exposure.divide(netEquity, MathContext.DECIMAL64);
    }
  }

  /** {@return the account's margin picture with its open orders} */
  public Summary summary(Account a) {
    return summary(a, a.openOrders());
  }

  public Summary summary(Account a, Map<String, List<Order>> openOrdersBySymbol) {
    BigDecimal assets = BigDecimal.ZERO;
    BigDecimal liabilities = BigDecimal.ZERO;
    BigDecimal collateralValue = BigDecimal.ZERO;
    BigDecimal initial = BigDecimal.ZERO;
    BigDecimal maintenance = BigDecimal.ZERO;
    BigDecimal exposure = BigDecimal.ZERO;
    List<CollateralRow> rows = new ArrayList<>();
    TreeMap<String, Boolean> assetsSeen = new TreeMap<>();
    a.balances.keySet().forEach(s -> assetsSeen.put(s, true));
    a.lends.keySet().forEach(s -> assetsSeen.put(s, true));
    for (String asset : assetsSeen.keySet()) {
      Balance b = a.balances.getOrDefault(asset, new Balance());
      BigDecimal lent = a.lent(asset);
      BigDecimal mark = prices.assetPrice(asset);
      AssetSpec spec = prices.asset(asset);
      BigDecimal weight = spec == null ? BigDecimal.ZERO : spec.collateralWeight();
      BigDecimal positiveLent = lent.max(BigDecimal.ZERO);
      BigDecimal total = b.available.add(b.locked).add(positiveLent);
      BigDecimal notional = total.multiply(mark);
      BigDecimal value = notional.multiply(weight);
      assets = assets.add(notional);
      collateralValue = collateralValue.add(value);
      if (lent.signum() < 0) {
        BigDecimal owed = lent.negate().multiply(mark);
        liabilities = liabilities.add(owed);
        if (spec != null) {
          initial = initial.add(owed.multiply(spec.imf().fractionFor(owed)));
          maintenance = maintenance.add(owed.multiply(spec.mmf().fractionFor(owed)));
        }
      }
      if (total.signum() != 0 || lent.signum() != 0) {
        rows.add(new CollateralRow(asset, mark, total, round(notional), weight, round(value),
            b.locked, positiveLent, b.available));
      }
    }
    BigDecimal unrealized = BigDecimal.ZERO;
    for (PerpPosition p : a.positions.values()) {
      BigDecimal mark = prices.markPrice(p.symbol);
      unrealized = unrealized.add(p.unrealizedPnl(mark));
    }
    for (String symbol : perpSymbols(a, openOrdersBySymbol)) {
      MarketSpec m = prices.market(symbol);
      BigDecimal mark = prices.markPrice(symbol);
      BigDecimal qty = exposureQuantity(a.positions.get(symbol), openOrdersBySymbol.get(symbol)).abs();
      BigDecimal notional = qty.multiply(mark);
      exposure = exposure.add(notional);
      initial = initial.add(notional.multiply(m.imf().fractionFor(notional)));
      PerpPosition p = a.positions.get(symbol);
      if (p != null) {
        BigDecimal posNotional = p.netQuantity.abs().multiply(mark);
        maintenance = maintenance.add(posNotional.multiply(m.mmf().fractionFor(posNotional)));
      }
    }
    BigDecimal netEquity = collateralValue.subtract(liabilities).add(unrealized);
    BigDecimal gross = exposure.add(liabilities);
    Initial rule = new Initial(netEquity, initial, gross, a.settings.leverageLimit);
    BigDecimal locked = rule.locked();
    BigDecimal imf = gross.signum() == 0 ? BigDecimal.ZERO : locked.divide(gross, 8, RoundingMode.UP);
    BigDecimal mmf = gross.signum() == 0 ? BigDecimal.ZERO : maintenance.divide(gross, 8, RoundingMode.UP);
    BigDecimal fraction = gross.signum() == 0 ? null : netEquity.divide(gross, 8, RoundingMode.DOWN);
    return new Summary(round(assets), round(liabilities), round(liabilities), round(netEquity),
        round(netEquity.subtract(locked)), round(locked), round(exposure), round(unrealized),
        imf.stripTrailingZeros(), mmf.stripTrailingZeros(),
        fraction == null ? null : fraction.stripTrailingZeros(), maintenance, rows, rule);
  }

  /**
   * {@return position plus the open orders that add to it on the worse side: the larger of
   * {@code q + open bids} and {@code q - open asks} in absolute value, with its sign}
   */
  public static BigDecimal exposureQuantity(PerpPosition p, List<Order> open) {
    BigDecimal q = p == null ? BigDecimal.ZERO : p.netQuantity;
    BigDecimal bids = BigDecimal.ZERO;
    BigDecimal asks = BigDecimal.ZERO;
    if (open != null) {
      for (Order o : open) {
        if (o.isTrigger() || Boolean.TRUE.equals(o.reduceOnly()) || o.quantity() == null) {
          continue;
        }
        if (o.side() == Side.Bid) {
          bids = bids.add(o.remaining());
        } else {
          asks = asks.add(o.remaining());
        }
      }
    }
    BigDecimal up = q.add(bids);
    BigDecimal down = q.subtract(asks);
    return up.abs().compareTo(down.abs()) >= 0 ? up : down;
  }

  /**
   * {@return whether an account with this summary is liquidated: its net equity is below its
   * maintenance margin} The one rule the liquidator applies and {@link LiquidationPrice} solves for.
   */
  public static boolean liquidates(Summary s) {
    return s.netEquity().compareTo(s.maintenance()) < 0;
  }

  private java.util.Set<String> perpSymbols(Account a, Map<String, List<Order>> open) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>(a.positions.keySet());
    for (Map.Entry<String, List<Order>> e : open.entrySet()) {
      if (!e.getValue().isEmpty() && prices.market(e.getKey()).isPerp()) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static BigDecimal round(BigDecimal v) {
    return v.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
}
