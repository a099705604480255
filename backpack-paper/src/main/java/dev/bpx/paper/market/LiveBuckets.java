package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Candles of one width made as prices and trades come, the newest {@code keep} kept: what {@link Candles} (a
 * minute) and {@link SecondCandles} (a second) both do with each price and trade. Not thread-safe: the engine's
 * writer changes it; readers get copies.
 */
final class LiveBuckets {
  private final NavigableMap<Long, Candles.Bucket> live = new TreeMap<>();
  private final long widthMillis;
  private final int keep;

  LiveBuckets(long widthMillis, int keep) {
    this.widthMillis = widthMillis;
    this.keep = keep;
  }

  /** A price at a time: opens its bucket (dropping the oldest beyond {@code keep}) or moves its high, low, close. */
  void price(long timeMillis, long ticks) {
    long start = timeMillis - Math.floorMod(timeMillis, widthMillis);
    Candles.Bucket b = live.get(start);
    if (b == null) {
      b = new Candles.Bucket(start, ticks);
      live.put(start, b);
      while (live.size() > keep) {
        live.pollFirstEntry();
      }
    }
    b.high = Math.max(b.high, ticks);
    b.low = Math.min(b.low, ticks);
    b.close = ticks;
  }

  /** A trade at a time: its price, and its quantity and quote in its bucket's volumes and count. */
  void trade(long timeMillis, long ticks, BigDecimal quantity, BigDecimal quote) {
    price(timeMillis, ticks);
    Candles.Bucket b = live.floorEntry(timeMillis).getValue();
    b.volume = b.volume.add(quantity);
    b.quoteVolume = b.quoteVolume.add(quote);
    b.trades++;
  }

  /** {@return the kept buckets whose start lies in [from, to), oldest first} */
  List<Candles.Bucket> range(long from, long to) {
    return to > from ? new ArrayList<>(live.subMap(from, true, to, false).values()) : List.of();
  }

  /** {@return the kept buckets, oldest first} */
  List<Candles.Bucket> all() {
    return new ArrayList<>(live.values());
  }

  /** Replaces the kept buckets (snapshot restore). */
  void restore(List<Candles.Bucket> buckets) {
    live.clear();
    for (Candles.Bucket b : buckets) {
      live.put(b.start, b);
    }
  }
}
