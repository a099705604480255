package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Liquidator;
import dev.bpx.paper.ledger.Periodic;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.Print;
import dev.bpx.paper.simulation.MarketMaker;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Exchange time and what happens as it passes: the walk's steps (one a second: prices, candles, the simulated
 * participants' prints, the maker's requotes where the walk reaches a user's order), triggers, funding, interest and
 * liquidations at each step, in the same order however time is split, so reads may advance time without being
 * journaled and a replay rebuilds the same state. The engine runs commands at the time this keeps.
 *
 * <p>Not thread-safe: the engine's writer owns it, with the engine.
 */
final class TimeSteps {
  private final boolean upstream;
  private final long originMillis;
  private final Map<String, MarketState> markets;
  private final MarketMaker maker;
  private final OrderEntry entry;
  private final Triggers triggers;
  private final Periodic periodic;
  private final Liquidator liquidator;
  /** Markets the upstream delisted: no funding is paid on them. */
  private final Predicate<String> delisted;
  private final TradeIds tradeIds;
  /** Walk steps taken since birth (one a second); restored from snapshots. */
  long stepsDone;
  /** The exchange time of the last command or read, epoch ms. */
  long now;

  TimeSteps(boolean upstream, long originMillis, Map<String, MarketState> markets, MarketMaker maker,
            OrderEntry entry, Triggers triggers, Periodic periodic, Liquidator liquidator, Predicate<String> delisted,
            TradeIds tradeIds) {
    this.upstream = upstream;
    this.originMillis = originMillis;
    this.markets = markets;
    this.maker = maker;
    this.entry = entry;
    this.triggers = triggers;
    this.periodic = periodic;
    this.liquidator = liquidator;
    this.delisted = delisted;
    this.tradeIds = tradeIds;
    this.now = originMillis;
  }

  /**
   * Runs every walk step (one a second), funding and interest boundary up to {@code time}, then
   * requotes the maker around the current prices. Time never goes backwards.
   */
  void advanceTo(long time) {
    if (time > now) {
      walkTo(time);
    }
    // Also at birth, where no time has passed yet: the first request finds the maker's quotes. On
    // upstream prices only journaled upstream data quotes.
    for (MarketState m : upstream ? List.<MarketState>of() : markets.values()) {
      if (m.quotedTicks != m.walk.ticks()) {
        requote(m, now);
      }
    }
  }

  /**
   * Moves exchange time to {@code time} for the streams' pulse: the walk steps up to it (prices, candles, the
   * other participants' prints, triggers, funding, interest, liquidations), exactly as {@link #advanceTo} takes
   * them, without the maker's requote that ends {@code advanceTo}. Steps are the same however time is split, so
   * the state this leaves is one that any later {@code advanceTo} (a command's, a read's, a journal replay's)
   * passes through: it needs no journal entry. The requote waits for the next request, as before: when it
   * happens decides the book's time priority and update ids, which a replay could repeat only if it were
   * journaled ({@link #isCurrentAt} stays false until then, so a read still journals its tick).
   */
  void advanceWalkTo(long time) {
    if (time > now) {
      walkTo(time);
    }
  }

  void requote(MarketState m, long time) {
    long ticks = m.walk.ticks();
    maker.requote(m.spec, m.book, m.makerOrders, ticks, time, entry);
    m.quotedTicks = ticks;
  }

  /**
   * {@return whether the state a read at {@code time} sees is already there, that is whether
   * {@link #advanceTo}{@code (time)} would change nothing but the clock: every walk step up to that
   * time taken and the maker quoted around the current prices}
   */
  boolean isCurrentAt(long time) {
    if (Math.floorDiv(time - originMillis, MarketDataSource.STEP_MILLIS) > stepsDone) {
      return false;
    }
    for (MarketState m : markets.values()) {
      if (m.quotedTicks != m.walk.ticks() && !upstream) {
        return false;
      }
    }
    return true;
  }

  private void walkTo(long time) {
    long target = Math.floorDiv(time - originMillis, MarketDataSource.STEP_MILLIS);
    while (stepsDone < target) {
      stepsDone++;
      long stepTime = originMillis + stepsDone * MarketDataSource.STEP_MILLIS;
      for (MarketState m : markets.values()) {
        long before = m.walk.ticks();
        long ticks = m.walk.next();
        m.candles.price(stepTime, ticks);
        if (m.userRestingOrders > 0 && !upstream && maker.wouldCross(m.spec, m.book, ticks)) {
          requote(m, stepTime);
        }
        // Other participants trade with the maker's ladder at this step's price, and only with it:
        // no account's balance, position or order changes (a user's order priced better than the
        // maker's touch is not reached; it fills when the walk crosses it, as before).
        for (Print p : m.walk.prints(before)) {
          m.recordTrade(m.trade(p, tradeIds.forPrint(m, p)));
        }
      }
      triggers.check(stepTime);
      fundingAndInterest(stepTime);
      liquidator.check(stepTime);
    }
    now = time;
  }

  /** Funding at each perp market's interval boundary, interest every hour (exchange time). */
  private void fundingAndInterest(long stepTime) {
    for (MarketState m : markets.values()) {
      // A delisted market pays no more funding: the upstream announces no rate for it.
      if (m.spec.isPerp() && stepTime % m.spec.fundingIntervalMillis() == 0 && !delisted.test(m.spec.symbol())) {
        // Upstream: the rate the upstream announced for the interval, as last journaled.
        BigDecimal rate = upstream ? m.fundingRate : m.fundingRateFor(stepTime);
        periodic.fund(m.spec, m.markPrice(), rate, stepTime);
        m.fundingPaid(stepTime, rate, upstream);
      }
    }
    if (stepTime % Periodic.HOUR == 0) {
      periodic.accrueInterest(stepTime);
    }
  }
}
