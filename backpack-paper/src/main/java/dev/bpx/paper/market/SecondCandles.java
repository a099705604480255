package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

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

  private final NavigableMap<Long, Candles.Bucket> live = new TreeMap<>();

  void price(long timeMillis, long ticks) {
    long start = timeMillis - Math.floorMod(timeMillis, SECOND);
    Candles.Bucket b = live.get(start);
    if (b == null) {
      b = new Candles.Bucket(start, ticks);
      live.put(start, b);
      while (live.size() > KEEP_SECONDS) {
        live.pollFirstEntry();
      }
    }
    b.high = Math.max(b.high, ticks);
    b.low = Math.min(b.low, ticks);
    b.close = ticks;
  }

  void trade(long timeMillis, long ticks, BigDecimal quantity, BigDecimal quote) {
    price(timeMillis, ticks);
    Candles.Bucket b = live.floorEntry(timeMillis).getValue();
    b.volume = b.volume.add(quantity);
    b.quoteVolume = b.quoteVolume.add(quote);
    b.trades++;
  }

  /** {@return the kept buckets whose start lies in [from, to), oldest first} */
  public List<Candles.Bucket> range(long from, long to) {
    return to > from ? new ArrayList<>(live.subMap(from, true, to, false).values()) : List.of();
  }

  /** {@return the kept buckets, oldest first (the snapshot's part)} */
  public List<Candles.Bucket> live() {
    return new ArrayList<>(live.values());
  }

  /** Replaces the kept buckets (snapshot restore). */
  public void restoreLive(List<Candles.Bucket> buckets) {
    live.clear();
    for (Candles.Bucket b : buckets) {
      live.put(b.start, b);
    }
  }
}
