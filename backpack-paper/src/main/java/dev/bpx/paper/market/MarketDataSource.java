package dev.bpx.paper.market;

import java.util.List;

/**
 * What the engine asks of one market's price feed: the current index (and mark) price, one step
 * per second of exchange time, and the history before the exchange's birth. Today's
 * implementation is the seeded simulation ({@code dev.bpx.paper.simulation.SimulatedMarket}); a
 * source that follows real prices plugs in here without touching matching or the ledger.
 *
 * <p>Deterministic by contract: the state after {@code n} steps depends only on how the source was
 * made and {@code n} (plus {@link #set} calls), because a journal replay must rebuild the same
 * prices. Not thread-safe; owned by the engine thread.
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

  /** {@return the one-minute candles before birth, oldest first; called at most once, when first read} */
  List<Candles.Bucket> history();
}
