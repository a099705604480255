package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One-minute candles of a market: the live ones, built from the market data source's prices and the exchange's
 * trades since birth (the last {@value #KEEP_MINUTES} minutes are kept), and the day of
 * prehistory before birth, generated on the first read that reaches back that far (so starting
 * the exchange costs nothing for it). Engine-owned, changed by the writer only; the lazy
 * prehistory is safe for parallel readers.
 */
public final class Candles {
  static final int KEEP_MINUTES = 3 * 24 * 60;
  /**
   * The sums over consecutive buckets, oldest first: what a kline, the ticker's window and the kline
   * streams all need. {@code open} is null (and {@code close} 0) when there is no bucket.
   */
  public record Summary(Long open, long high, long low, long close, BigDecimal volume, BigDecimal quoteVolume,
                        long trades) {
    public static Summary of(List<Bucket> buckets) {
      long high = Long.MIN_VALUE;
      long low = Long.MAX_VALUE;
      BigDecimal volume = BigDecimal.ZERO;
      BigDecimal quote = BigDecimal.ZERO;
      long trades = 0;
      for (Bucket b : buckets) {
        high = Math.max(high, b.high);
        low = Math.min(low, b.low);
        volume = volume.add(b.volume);
        quote = quote.add(b.quoteVolume);
        trades += b.trades;
      }
      return new Summary(buckets.isEmpty() ? null : buckets.get(0).open, high, low,
          buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).close, volume, quote, trades);
    }
  }

  public static final long MINUTE = 60_000L;

  /**
   * {@return the length of a kline interval ({@code 1m} ... {@code 1w}, {@code 1month} counted as 30 days),
   * as REST {@code /api/v1/klines} and the {@code kline} streams align their windows: from the epoch}
   */
  public static long intervalMillis(String interval) {
    if (interval.equals("1month")) {
      return 30L * 86_400_000L;
    }
    long n = Long.parseLong(interval.substring(0, interval.length() - 1));
    return switch (interval.charAt(interval.length() - 1)) {
      case 's' -> n * 1_000L;
      case 'm' -> n * MINUTE;
      case 'h' -> n * 3_600_000L;
      case 'd' -> n * 86_400_000L;
      case 'w' -> n * 7 * 86_400_000L;
      default -> throw new IllegalArgumentException("not a kline interval: " + interval);
    };
  }

  /**
   * {@return the start of the window of width {@code step} holding {@code timeMillis}, windows counted from the
   * epoch} The one grid REST klines and the kline streams label candles with.
   */
  public static long windowStart(long timeMillis, long step) {
    return timeMillis - Math.floorMod(timeMillis, step);
  }

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

    public Bucket(long start, long ticks) {
      this.start = start;
      open = high = low = close = ticks;
    }
  }

  private final LiveBuckets live = new LiveBuckets(MINUTE, KEEP_MINUTES);
  private final SecondCandles seconds = new SecondCandles();
  private final long liveFrom;
  private final Supplier<List<Bucket>> prehistorySource;
  /** Built on the first read that needs it; reads run in parallel on a replica, hence volatile. */
  private volatile NavigableMap<Long, Bucket> prehistory;

  /**
   * @param birthMillis the exchange's birth; buckets before its minute come from {@code prehistory}
   * @param prehistory generates the buckets before birth, oldest first (called at most once)
   */
  public Candles(long birthMillis, Supplier<List<Bucket>> prehistory) {
    this.liveFrom = birthMillis - Math.floorMod(birthMillis, MINUTE);
    this.prehistorySource = prehistory;
  }

  public void price(long timeMillis, long ticks) {
    seconds.price(timeMillis, ticks);
    live.price(timeMillis, ticks);
  }

  public void trade(long timeMillis, long ticks, BigDecimal quantity, BigDecimal quote) {
    seconds.trade(timeMillis, ticks, quantity, quote);
    live.trade(timeMillis, ticks, quantity, quote);
  }

  /** {@return buckets whose start lies in [from, to), oldest first} */
  public List<Bucket> range(long from, long to) {
    List<Bucket> out = new ArrayList<>();
    if (from < liveFrom && to > from) {
      out.addAll(prehistory().subMap(from, true, Math.min(to, liveFrom), false).values());
    }
    out.addAll(live.range(from, to));
    return out;
  }

  private NavigableMap<Long, Bucket> prehistory() {
    NavigableMap<Long, Bucket> p = prehistory;
    if (p == null) {
      synchronized (this) {
        p = prehistory;
        if (p == null) {
          p = new TreeMap<>();
          for (Bucket b : prehistorySource.get()) {
            p.put(b.start, b);
          }
          prehistory = p; // published whole: never changed after this
        }
      }
    }
    return p;
  }

  /** {@return the one-second candles of the same prices and trades (the last few, since birth)} */
  public SecondCandles seconds() {
    return seconds;
  }

  /** {@return the live buckets, oldest first (the snapshot's part; prehistory is regenerated)} */
  public List<Bucket> live() {
    return live.all();
  }

  /** Replaces the live buckets (snapshot restore). */
  public void restoreLive(List<Bucket> buckets) {
    live.restore(buckets);
  }
}
