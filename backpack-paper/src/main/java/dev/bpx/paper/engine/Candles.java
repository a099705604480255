package dev.bpx.paper.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One-minute candles of a market, built from the walk's prices and the exchange's trades,
 * keeping the last {@value #KEEP_MINUTES} minutes. Engine-owned, not thread-safe.
 */
public final class Candles {
  static final int KEEP_MINUTES = 3 * 24 * 60;
  public static final long MINUTE = 60_000L;

  /** A mutable one-minute bucket; prices in ticks. */
  public static final class Bucket {
    public final long start;
    public long open;
    public long high;
    public long low;
    public long close;
    public BigDecimal volume = BigDecimal.ZERO;
    public BigDecimal quoteVolume = BigDecimal.ZERO;
    public long trades;

    Bucket(long start, long ticks) {
      this.start = start;
      open = high = low = close = ticks;
    }
  }

  private final NavigableMap<Long, Bucket> buckets = new TreeMap<>();

  public void price(long timeMillis, long ticks) {
    long start = timeMillis - Math.floorMod(timeMillis, MINUTE);
    Bucket b = buckets.get(start);
    if (b == null) {
      b = new Bucket(start, ticks);
      buckets.put(start, b);
      while (buckets.size() > KEEP_MINUTES) {
        buckets.pollFirstEntry();
      }
    }
    b.high = Math.max(b.high, ticks);
    b.low = Math.min(b.low, ticks);
    b.close = ticks;
  }

  public void trade(long timeMillis, long ticks, BigDecimal quantity, BigDecimal quote) {
    price(timeMillis, ticks);
    Bucket b = buckets.floorEntry(timeMillis).getValue();
    b.volume = b.volume.add(quantity);
    b.quoteVolume = b.quoteVolume.add(quote);
    b.trades++;
  }

  /** {@return buckets whose start lies in [from, to), oldest first} */
  public List<Bucket> range(long from, long to) {
    return new ArrayList<>(buckets.subMap(from, true, to, false).values());
  }
}
