package dev.bpx.paper.simulation;

import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.Print;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Other participants' market orders against the market maker's ladder: each walk step prints 0, 1
 * or 2 trades (a third of the time each, so one a second on average) at the maker's touch (the walk
 * price plus or minus {@link MarketMaker#spacingTicks}), buys 70 % of the time after an up step, 30 %
 * after a down step, half after a flat one. Sizes come in units of a tenth of the maker's best-level
 * size: 1 to 5 units nine times in ten, 6 to 10 units otherwise, less a seeded part of a unit so they
 * are not round; never more than the best level holds, so a print never needs a deeper level.
 *
 * <p>On perps the flow also carries an open interest of its own: a print opens new contracts with
 * probability {@code T / (T + OI)} and closes old ones otherwise, so the open interest wanders around
 * the target {@code T} (20 000 units, e.g. 100 BTC) and never goes below zero.
 *
 * <p>Deterministic: step {@code n}'s prints depend only on the seed, the market's symbol, {@code n},
 * the prices before and after the step and the open interest before it (a fresh
 * {@link SplittableRandom} per step); integers only. Not thread-safe; owned by the engine thread.
 */
final class TakerFlow {
  static final int MAX_PRINTS_PER_STEP = 2;
  /**
   * The first simulated trade id of the numbering before journal version 6, far above the users' trade ids of then (9
   * 000 001 onwards). Kept so that an older state replays with the ids it showed; the engine now gives each print its
   * market's next id instead ({@code engine/TradeIds}).
   */
  static final long ID_BASE = 100_000_000_000L;
  static final long TARGET_OPEN_INTEREST_UNITS = 20_000;
  private static final long DAY = 24 * 60 * Candles.MINUTE;

  private final long seed;
  private final MarketSpec spec;
  private final long birthMillis;
  private final long idOrigin;
  private final long unitSteps;
  private final long minTicks;
  private final long targetSteps;
  private long openInterestSteps;

  TakerFlow(long seed, MarketSpec spec, long birthMillis) {
    this.seed = seed ^ ((long) spec.symbol().hashCode() * 0xD6E8FEB86659FD93L);
    this.spec = spec;
    this.birthMillis = birthMillis;
    this.idOrigin = idOrigin(birthMillis);
    this.unitSteps = unitSteps(spec);
    this.minTicks = Math.max(1, spec.toTicks(spec.minPrice()));
    this.targetSteps = spec.isPerp() ? TARGET_OPEN_INTEREST_UNITS * unitSteps : 0;
    this.openInterestSteps = targetSteps;
  }

  /** {@return a tenth of the maker's best-level size in steps, at least one step} */
  static long unitSteps(MarketSpec spec) {
    long maker = spec.makerSize().divide(spec.stepSize()).longValue();
    return Math.max(1, maker / 10);
  }

  /** {@return a print's size in steps: see the class comment} */
  static long sizeSteps(SplittableRandom r, long unitSteps) {
    long units = r.nextInt(10) == 0 ? 6 + r.nextInt(5) : 1 + r.nextInt(5);
    return units * unitSteps - r.nextLong(unitSteps);
  }

  /** {@return where the trade ids' second count starts: one day before the birth minute} */
  static long idOrigin(long birthMillis) {
    return birthMillis - Math.floorMod(birthMillis, Candles.MINUTE) - DAY;
  }

  /**
   * {@return the id of the {@code k}-th print of the second at {@code time}} Ids grow with time over
   * prehistory and the live flow alike, because both count seconds from {@link #idOrigin}.
   */
  static long id(long idOrigin, long time, int k) {
    return ID_BASE + Math.floorDiv(time - idOrigin, 1000) * 8 + k;
  }

  /** {@return the prints of walk step {@code step}, which moved the price from {@code before} to {@code after}} */
  List<Print> step(long step, long before, long after) {
    SplittableRandom r = new SplittableRandom(seed + step * 0x9E3779B97F4A7C15L);
    int count = r.nextInt(MAX_PRINTS_PER_STEP + 1);
    if (count == 0) {
      return List.of();
    }
    long time = birthMillis + step * PriceWalk.STEP_MILLIS;
    int buyPercent = after > before ? 70 : after < before ? 30 : 50;
    long spacing = MarketMaker.spacingTicks(after);
    List<Print> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      boolean takerBuys = r.nextInt(100) < buyPercent;
      long size = sizeSteps(r, unitSteps);
      long ticks = takerBuys ? after + spacing : after - spacing;
      if (spec.isPerp()) {
        boolean opens = r.nextLong(targetSteps + openInterestSteps) < targetSteps;
        openInterestSteps = opens ? openInterestSteps + size : Math.max(0, openInterestSteps - size);
      }
      if (ticks < minTicks) {
        continue; // the maker quotes no bid below the market's minimum price
      }
      BigDecimal quantity = spec.stepSize().multiply(BigDecimal.valueOf(size));
      out.add(new Print(id(idOrigin, time, k), time, ticks, quantity, !takerBuys));
    }
    return out;
  }

  BigDecimal openInterest() {
    return spec.stepSize().multiply(BigDecimal.valueOf(openInterestSteps));
  }

  void restoreOpenInterest(BigDecimal quantity) {
    openInterestSteps = quantity.divide(spec.stepSize()).longValueExact();
  }
}
