package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * One-second candles of a market, for REST {@code /api/v1/klines?interval=1s} and the {@code kline.1s} stream:
 * the same prices and trades as the one-minute {@link Candles} (which feeds it), bucketed by the second. The walk
 * steps once a second, so a second's candle opens at its step's price and holds the trades made in that second.
 * Only the last {@value #KEEP_SECONDS} seconds are kept, as many as one REST request may return; there are none
 * before birth (the prehistory is one-minute candles). Engine-owned, changed by the writer only.
 */
public final class SecondCandles {
  /** Seconds kept: REST {@code /klines} returns at most 1000 candles. */
  public static final int KEEP_SECONDS = 1000;
  public static final long SECOND = 1000L;

  private final LiveBuckets live = new LiveBuckets(SECOND, KEEP_SECONDS);

  void price(long timeMillis, long ticks) {
    live.price(timeMillis, ticks);
  }

  void trade(long timeMillis, long ticks, BigDecimal quantity, BigDecimal quote) {
    live.trade(timeMillis, ticks, quantity, quote);
  }

  /** {@return the kept buckets whose start lies in [from, to), oldest first} */
  public List<Candles.Bucket> range(long from, long to) {
    return live.range(from, to);
  }

  /** {@return the kept buckets, oldest first (the snapshot's part)} */
  public List<Candles.Bucket> live() {
    return live.all();
  }

  /** Replaces the kept buckets (snapshot restore). */
  public void restoreLive(List<Candles.Bucket> buckets) {
    live.restore(buckets);
  }
}
