package dev.bpx.client;

import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.AccountSettings;
import dev.bpx.client.model.CapitalBalance;
import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.MarginFunction;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.Market;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.Ticker;
import dev.bpx.client.request.MarketRules;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes {@link OrderPreview}s: what an order would do if placed now. Reads market data, and with
 * keys the account's fees, balances, position and collateral; sends nothing.
 *
 * <p>Perpetual margin uses the market's IMF/MMF functions as {@code max(base, factor × √notional)}
 * (Backpack's exact formula is unpublished). The liquidation estimate solves the exchange's
 * account-level rule with the whole underlying moving together ({@link LiquidationEstimator}).
 *
 * <p>The account's leverage limit is checked as the exchange applies it ({@link LeverageCheck}).
 *
 * <p>Thread-safe.
 */
final class OrderPreviewer {
  private static final BigDecimal BPS = new BigDecimal("10000");
  private static final BigDecimal LARGE_SLIPPAGE_BPS = new BigDecimal("50");

  private final MarketCache markets;
  private final MarketService marketData;
  private final AccountService account;
  private final CapitalService capital;
  private final SafetyLimits limits;
  private final boolean signed;

  OrderPreviewer(MarketCache markets, MarketService marketData, AccountService account, CapitalService capital,
      SafetyLimits limits, boolean signed) {
    this.markets = markets;
    this.marketData = marketData;
    this.account = account;
    this.capital = capital;
    this.limits = limits;
    this.signed = signed;
  }

  /**
   * @param leverage the account's leverage-limit rule, reading the account's open orders
   * @param breakers the client's circuit breakers; each one the order would trip is a problem
   */
  OrderPreview preview(OrderRequest order, LeverageCheck leverage, CircuitBreakers breakers) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      order.validate();
    } catch (ValidationException e) {
      // A request that is not even well-formed gets no estimate: report its problems only.
      e.violations().forEach(v -> problems.add(v.toString()));
      return new OrderPreview(order.symbol(), null, order.side(), order.orderType(), false, problems, warnings,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
    Market market = markets.require(order.symbol());
    MarketRules rules = MarketRules.of(market);
    rules.check(order).forEach(v -> problems.add(v.toString()));
    if (rules.bandApplies(order)) {
      // The band is "from last active price": the ticker's last price, as the check before placing reads it.
      try {
        Optional<BigDecimal> last = marketData.getTicker(order.symbol()).map(Ticker::lastPrice);
        if (last.isPresent()) {
          rules.checkBand(order, last.get()).forEach(v -> problems.add(v.toString()));
        } else {
          warnings.add("price band not checked: " + order.symbol() + " has no ticker");
        }
      } catch (BackpackException e) {
        warnings.add("price band not checked: " + e.getMessage());
      }
    }
    boolean perp = market.marketType() != MarketType.SPOT;

    Depth depth = marketData.getDepth(order.symbol());
    boolean conditional = order.triggerPrice() != null;
    FillEstimator.Estimate fill = conditional
        ? new FillEstimator.Estimate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            FillEstimator.opposite(order.side(), depth).stream().findFirst().map(l -> l.price()).orElse(null), false)
        : FillEstimator.estimate(order, depth, stepSize(market));
    if (conditional) {
      warnings.add("trigger order: nothing trades until the " + order.triggerBy() + " price reaches "
          + order.triggerPrice().toPlainString() + "; the estimates below are for the order as placed");
    }
    BigDecimal notional = FillEstimator.notional(order, () -> depth);
    String limitProblem = limits.problem(order, notional);
    if (limitProblem != null) {
      problems.add(limitProblem);
    }
    try {
      problems.addAll(breakers.problems(order, List.of(), limits.needsNotional(order) ? notional : null, BigDecimal.ZERO));
    } catch (BackpackException e) {
      warnings.add("circuit breakers not checked: " + e.getMessage());
    }
    if (fill.bookExhausted() && fill.restingQuantity().signum() == 0) {
      warnings.add("the visible order book cannot fill the whole order now; the rest would expire unfilled");
    }
    if (Boolean.TRUE.equals(order.postOnly()) && order.price() != null && fill.bestPrice() != null
        && (order.side() == Side.BID ? order.price().compareTo(fill.bestPrice()) >= 0
            : order.price().compareTo(fill.bestPrice()) <= 0)) {
      problems.add("post-only order at " + plain(order.price()) + " would cross the best "
          + (order.side() == Side.BID ? "ask " : "bid ") + plain(fill.bestPrice())
          + " and take liquidity, so the exchange would not rest it; use a price that does not cross, or drop postOnly");
    }
    if (fill.bestPrice() == null && !conditional) {
      warnings.add("the " + (order.side() == Side.BID ? "ask" : "bid") + " side of the book is empty");
    }
    BigDecimal average = fill.averagePrice();
    BigDecimal slippageBps = average == null || fill.bestPrice() == null || fill.bestPrice().signum() == 0 ? null
        : average.subtract(fill.bestPrice()).abs().multiply(BPS).divide(fill.bestPrice(), 2, RoundingMode.HALF_UP);
    if (slippageBps != null && slippageBps.compareTo(LARGE_SLIPPAGE_BPS) > 0) {
      warnings.add("estimated slippage is " + slippageBps.toPlainString() + " bps (" + slippageBps.divide(new BigDecimal("100")).toPlainString()
          + " %) from the best price; consider a limit order");
    }

    BigDecimal takerBps = null;
    BigDecimal makerBps = null;
    BigDecimal fee = null;
    String requiredAsset = perp ? market.quoteSymbol() : order.side() == Side.BID ? market.quoteSymbol() : market.baseSymbol();
    BigDecimal required = null;
    BigDecimal available = null;
    BigDecimal current = null;
    BigDecimal resulting = null;
    BigDecimal resultingEntry = null;
    BigDecimal liquidation = null;
    BigDecimal leverageLimit = null;
    if (!signed) {
      warnings.add("no API keys: fees, balances and positions were not checked");
    } else {
      try {
        AccountSettings settings = account.getSettings();
        leverageLimit = settings.leverageLimit();
        takerBps = perp ? settings.futuresTakerFee() : settings.spotTakerFee();
        makerBps = perp ? settings.futuresMakerFee() : settings.spotMakerFee();
        if (takerBps != null && makerBps != null) {
          BigDecimal restingValue = order.price() == null ? BigDecimal.ZERO : fill.restingQuantity().multiply(order.price());
          fee = fill.filledQuote().multiply(takerBps).add(restingValue.multiply(makerBps)).divide(BPS, MathContext.DECIMAL64);
        }
      } catch (BackpackException e) {
        warnings.add("fees unknown: " + e.getMessage());
      }
      try {
        if (perp) {
          List<Position> positions = account.listPositions();
          Optional<Position> position = positions.stream().filter(p -> order.symbol().equals(p.symbol())).findFirst();
          current = position.map(Position::netQuantity).orElse(BigDecimal.ZERO);
          BigDecimal entry = position.map(Position::entryPrice).orElse(null);
          BigDecimal signedFill = order.side() == Side.BID ? fill.filledQuantity() : fill.filledQuantity().negate();
          resulting = current.add(signedFill);
          BigDecimal openingPrice = average;
          if (current.signum() != 0 && signedFill.signum() == -current.signum()
              && signedFill.abs().compareTo(current.abs()) > 0) {
            // Flipping: the best levels close the old position; only the fills beyond it open the new one.
            BigDecimal closingQuote = FillEstimator.quoteOfBest(order.side(), depth, current.abs());
            openingPrice = fill.filledQuote().subtract(closingQuote)
                .divide(signedFill.abs().subtract(current.abs()), MathContext.DECIMAL64);
          }
          resultingEntry = entryAfter(current, entry, signedFill, openingPrice);
          if (Boolean.TRUE.equals(order.reduceOnly())) {
            checkReduceOnly(order, current, problems);
          }
          CollateralSummary collateral = account.getCollateralSummary();
          available = collateral.netEquityAvailable();
          BigDecimal increase = riskIncrease(order, current, notional, fill);
          required = increase.multiply(fraction(market.imfFunction(), increase));
          if (available != null && required.compareTo(available) > 0) {
            // The margin is an estimate with as many digits as the IMF arithmetic gives (often 20+): say it
            // at the precision of the market's order values, rounded up, and the available amount rounded down.
            int scale = quoteScale(market);
            problems.add("insufficient margin: the order needs about " + plain(required.setScale(scale, RoundingMode.CEILING))
                + " " + requiredAsset + " of initial margin and " + plain(available.setScale(scale, RoundingMode.FLOOR))
                + " is available; reduce the quantity or add collateral");
          }
          liquidation = liquidationPrice(order, market, positions, position, collateral, resulting, signedFill, fill, takerBps);
          checkLeverage(leverage, order, market, leverageLimit, collateral, position, problems, warnings);
        } else {
          Map<String, CapitalBalance> balances = capital.listCapitalBalances();
          CapitalBalance balance = balances.get(requiredAsset);
          available = balance == null || balance.available() == null ? BigDecimal.ZERO : balance.available();
          required = order.side() == Side.BID ? notional : sellQuantity(order, fill);
          if (required != null && required.compareTo(available) > 0) {
            problems.add("insufficient " + requiredAsset + ": the order needs " + plain(required) + " and "
                + plain(available) + " is available; reduce the quantity, cancel open orders, or redeem lent "
                + requiredAsset + " first");
          }
        }
      } catch (BackpackException e) {
        warnings.add("funds not checked: " + e.getMessage());
      }
    }
    return new OrderPreview(order.symbol(), market.marketType(), order.side(), order.orderType(), problems.isEmpty(),
        problems, warnings, fill.bestPrice(), fill.filledQuantity(), average == null ? null : average.round(MathContext.DECIMAL64).stripTrailingZeros(),
        fill.filledQuote(), fill.restingQuantity(), notional, slippageBps, takerBps, makerBps, fee, requiredAsset, required,
        available, current, resulting, resultingEntry, liquidation);
  }

  private static void checkLeverage(LeverageCheck leverage, OrderRequest order, Market market, BigDecimal leverageLimit,
      CollateralSummary collateral, Optional<Position> position, List<String> problems, List<String> warnings) {
    try {
      String problem = leverage.problem(order, market, leverageLimit, collateral, position);
      if (problem != null) {
        problems.add(problem);
      }
    } catch (BackpackException e) {
      warnings.add("leverage limit not checked: " + e.getMessage());
    }
  }

  private static BigDecimal stepSize(Market market) {
    return market.filters() == null || market.filters().quantity() == null ? null : market.filters().quantity().stepSize();
  }

  private static void checkReduceOnly(OrderRequest order, BigDecimal current, List<String> problems) {
    boolean reduces = current.signum() != 0 && (order.side() == Side.BID) == (current.signum() < 0);
    if (!reduces) {
      problems.add("reduceOnly order would not reduce the position (position " + plain(current)
          + "); remove reduceOnly or use the opposite side");
    }
  }

  /** The notional by which the order raises exposure: none for the part that closes the current position. */
  private static BigDecimal riskIncrease(OrderRequest order, BigDecimal current, BigDecimal notional,
      FillEstimator.Estimate fill) {
    if (notional == null) {
      return BigDecimal.ZERO;
    }
    boolean closes = current.signum() != 0 && (order.side() == Side.BID) == (current.signum() < 0);
    if (!closes) {
      return notional;
    }
    BigDecimal quantity = order.quantity() != null ? order.quantity() : fill.filledQuantity();
    if (quantity == null || quantity.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal beyond = quantity.subtract(current.abs()).max(BigDecimal.ZERO);
    return notional.multiply(beyond).divide(quantity, MathContext.DECIMAL64);
  }

  private static BigDecimal sellQuantity(OrderRequest order, FillEstimator.Estimate fill) {
    if (order.quantity() != null) {
      return order.quantity();
    }
    if (order.triggerQuantity() != null) {
      return order.triggerQuantity();
    }
    return fill.filledQuantity();
  }

  /** @param fillPrice average price of the fills that open or add (when flipping, those beyond the close) */
  static BigDecimal entryAfter(BigDecimal current, BigDecimal entry, BigDecimal signedFill, BigDecimal fillPrice) {
    if (signedFill.signum() == 0) {
      return current.signum() == 0 ? null : entry;
    }
    if (current.signum() == 0 || entry == null) {
      return fillPrice;
    }
    if (current.signum() == signedFill.signum()) {
      BigDecimal cost = current.abs().multiply(entry).add(signedFill.abs().multiply(fillPrice));
      return cost.divide(current.abs().add(signedFill.abs()), MathContext.DECIMAL64);
    }
    BigDecimal after = current.add(signedFill);
    if (after.signum() == 0) {
      return null;
    }
    // Reducing keeps the entry; flipping opens the new side at the fill price.
    return after.signum() == current.signum() ? entry : fillPrice;
  }

  static BigDecimal fraction(MarginFunction function, BigDecimal notional) {
    if (function == null || function.base() == null) {
      return BigDecimal.ONE;
    }
    BigDecimal scaled = function.factor() == null || notional.signum() <= 0 ? BigDecimal.ZERO
        : function.factor().multiply(notional.sqrt(MathContext.DECIMAL64));
    return function.base().max(scaled);
  }

  /**
   * {@return where the exchange would liquidate the account after the order (see {@link
   * LiquidationEstimator}), or null when there would be no position or no such price}
   */
  private BigDecimal liquidationPrice(OrderRequest order, Market market, List<Position> positions,
      Optional<Position> position, CollateralSummary collateral, BigDecimal resulting, BigDecimal signedFill,
      FillEstimator.Estimate fill, BigDecimal takerBps) {
    if (resulting.signum() == 0 || collateral.netEquity() == null) {
      return null;
    }
    BigDecimal mark = position.map(Position::markPrice).orElseGet(() -> markPrice(order.symbol(), fill.bestPrice()));
    if (mark == null) {
      return null;
    }
    // At entry the fills cost their distance from the mark and the taker fee.
    BigDecimal orderEffect = fill.averagePrice() == null ? BigDecimal.ZERO
        : signedFill.multiply(mark.subtract(fill.averagePrice()));
    if (takerBps != null) {
      orderEffect = orderEffect.subtract(fill.filledQuote().multiply(takerBps).divide(BPS, MathContext.DECIMAL64));
    }
    LiquidationEstimator estimator = LiquidationEstimator.of(market.baseSymbol(), collateral.netEquity(), orderEffect,
        collateral.collateral(), positions, order.symbol(), resulting, mark, market.mmfFunction(),
        capital.listBorrowLendPositions(), symbol -> markets.require(symbol).baseSymbol());
    BigDecimal tick = market.filters() == null || market.filters().price() == null ? null : market.filters().price().tickSize();
    return estimator.price(mark, tick);
  }

  /** {@return the market's mark price, or {@code fallback} when the exchange has none for it} */
  private BigDecimal markPrice(String symbol, BigDecimal fallback) {
    return marketData.listMarkPrices(symbol).stream().filter(m -> symbol.equals(m.symbol()) && m.markPrice() != null)
        .map(MarkPrice::markPrice).findFirst().orElse(fallback);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** {@return the decimals of an order value in quote currency: price decimals plus quantity decimals (4 when unknown)} */
  static int quoteScale(Market market) {
    BigDecimal tick = market.filters() == null || market.filters().price() == null ? null : market.filters().price().tickSize();
    BigDecimal step = stepSize(market);
    if (tick == null || step == null) {
      return 4;
    }
    return Math.max(0, tick.stripTrailingZeros().scale()) + Math.max(0, step.stripTrailingZeros().scale());
  }
}
