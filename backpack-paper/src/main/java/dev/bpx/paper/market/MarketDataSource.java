package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the engine asks of one market's price feed: the current index (and mark) price, one step
 * per second of exchange time, and the history before the exchange's birth. Today's
 * implementation is the seeded simulation ({@code dev.bpx.paper.simulation.SimulatedMarket}); a
 * source that follows real prices plugs in here without touching matching or the ledger.
 *
 * <p>Deterministic by contract: the state after {@code n} steps depends only on how the source was
 * made and {@code n} (plus {@link #set} calls), because a journal replay must rebuild the same
 * prices. The same holds for the other participants' trades ({@link #prints}) and their open
 * interest: a replay rebuilds them too. Not thread-safe; owned by the engine thread.
 */
public interface MarketDataSource {
  /** Exchange time between two steps. */
  long STEP_MILLIS = 1000;

  /** Makes the source of one market, for an exchange born at {@code birthMillis}. */
  @FunctionalInterface
  interface Factory {
    MarketDataSource open(MarketSpec market, long birthMillis);
  }

  /** {@return the current price in ticks of the market} */
  long ticks();

  /** Takes the next step; returns the new price in ticks. */
  long next();

  /** Moves the price to a given value (control API); later steps continue from there. */
  void set(long ticks);

  /** {@return the number of steps taken so far} */
  long step();

  /** Restores the whole state (snapshot restore). */
  void restore(long steps, long ticks);

  /** {@return a seeded integer in {@code [lo, hi]} for step-indexed side values such as funding noise} */
  long noise(long index, long lo, long hi);

  /**
   * {@return the one-minute candles before birth, oldest first, with the volume and trade counts of
   * {@link #recentPrints}' minutes; called at most once, when first read}
   */
  List<Candles.Bucket> history();

  /**
   * {@return the public trades of other participants in the step just taken by {@link #next},
   * oldest first} They never trade with an account's order. A source without such flow returns none.
   *
   * @param before the price in ticks before that step (after any {@link #set})
   */
  default List<Print> prints(long before) {
    return List.of();
  }

  /**
   * {@return up to {@code max} of the last public trades before birth, newest first: the trades of
   * the newest {@link #history} candles, each inside its candle's high and low}
   */
  default List<Print> recentPrints(int max) {
    return List.of();
  }

  /** {@return the open interest other participants hold (perps; zero on spot), in the base asset} */
  default BigDecimal openInterest() {
    return BigDecimal.ZERO;
  }

  /** Restores {@link #openInterest} (snapshot restore). */
  default void restoreOpenInterest(BigDecimal quantity) {}
}
