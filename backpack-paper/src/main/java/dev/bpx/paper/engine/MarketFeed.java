package dev.bpx.paper.engine;

import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The public market-data streams, derived by comparing each market with what was last published:
 * depth deltas (absolute quantities of the levels that changed, update ids continuing the book's
 * counter, which REST {@code /api/v1/depth} reports as {@code lastUpdateId}) and their windows merged
 * ({@link DepthWindows}), the top of the book, the 24 h ticker, the klines (one minute here, one second in
 * {@link SecondKlineFeed}, the longer intervals in {@link KlineFeed}), the mark price and open interest.
 *
 * <p>It runs on the writer after each command on the replica being published, and keeps its own copy
 * of what it published, so it lives outside the two replicas (which take turns) and never changes
 * them. Comparing states rather than hooking every book change keeps matching, the maker and the
 * ledger free of stream concerns, and makes "snapshot + deltas = book" true by construction.
 * Not thread-safe: the writer's.
 */
public final class MarketFeed {
  /** The one-minute kline, the candles' own bucket; the longer intervals are {@link KlineFeed}'s. */
  public static final String KLINE_INTERVAL = "1m";
  private static final long DAY = 24 * 60 * 60_000L;
  private static final long TICKER_MILLIS = 1000;

  private final Map<String, Published> published = new HashMap<>();

  /** What was last published for one market. */
  private static final class Published {
    long updateId;
    final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
    final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    StreamEvent.Level bestBid;
    StreamEvent.Level bestAsk;
    List<Object> candle;
    long candleStart = Long.MIN_VALUE;
    StreamEvent.Kline lastKline;
    BigDecimal mark;
    BigDecimal fundingRate;
    BigDecimal openInterest;
    Window window;
    long tickerSecond = Long.MIN_VALUE;
    final KlineFeed klines = new KlineFeed();
    final DepthWindows depthWindows = new DepthWindows();
    final SecondKlineFeed seconds = new SecondKlineFeed();
  }

  /**
   * Takes the current state as published without announcing it: at start, after the journal replay
   * (a replay publishes nothing), so the first deltas continue from the book readers see.
   */
  public void start(ExchangeView view) {
    published.clear();
    collect(view, new ArrayList<>(), List.of());
  }

  /**
   * Appends to {@code out} the events for whatever changed since the last call.
   *
   * @param commandEvents the command's own events: open interest is recomputed only after fills
   */
  public void collect(ExchangeView view, List<StreamEvent> out, List<StreamEvent> commandEvents) {
    long now = view.now();
    for (ExchangeView.Market m : view.markets().values()) {
      MarketSpec s = m.spec();
      Published p = published.get(s.symbol());
      boolean fresh = p == null;
      if (fresh) {
        p = new Published();
        published.put(s.symbol(), p);
      }
      List<StreamEvent> sink = fresh ? new ArrayList<>() : out;
      // Windows that ended before now go out before this moment's delta, which opens the next one.
      p.depthWindows.flush(s.symbol(), now, sink);
      StreamEvent.Depth delta = depth(m, p, now, sink);
      if (delta != null && !fresh) { // the state at start is REST's snapshot, not a change
        p.depthWindows.add(delta);
      }
      p.seconds.collect(m, now, sink);
      candles(m, p, now, sink);
      if (s.isPerp()) {
        markPrice(m, p, now, sink);
        if (fresh || filled(commandEvents, s.symbol())) {
          openInterest(view, m, p, now, sink);
        }
      }
    }
  }

  private static boolean filled(List<StreamEvent> events, String symbol) {
    for (StreamEvent e : events) {
      if (e instanceof StreamEvent.Trade t && t.symbol().equals(symbol)
          || e instanceof StreamEvent.OrderUpdate u && u.fill() != null && u.symbol().equals(symbol)) {
        return true;
      }
    }
    return false;
  }

  /** {@return the realtime delta appended, or null when the book did not change} */
  private static StreamEvent.Depth depth(ExchangeView.Market m, Published p, long now, List<StreamEvent> out) {
    long id = m.book().updateId();
    if (id == p.updateId) {
      return null;
    }
    List<StreamEvent.Level> bids = diff(m.book().levels(Side.Bid), p.bids);
    List<StreamEvent.Level> asks = diff(m.book().levels(Side.Ask), p.asks);
    // Ids advance even when the levels end where they were (a quote taken and put back): the event
    // still carries them, so a client's U == previous u + 1 check never sees a hole.
    StreamEvent.Depth delta = new StreamEvent.Depth(m.spec().symbol(), asks, bids, p.updateId + 1, id, now);
    out.add(delta);
    p.updateId = id;
    StreamEvent.Level bestBid = best(p.bids, true);
    StreamEvent.Level bestAsk = best(p.asks, false);
    if (!Objects.equals(bestBid, p.bestBid) || !Objects.equals(bestAsk, p.bestAsk)) {
      p.bestBid = bestBid;
      p.bestAsk = bestAsk;
      out.add(new StreamEvent.BookTicker(m.spec().symbol(), bestAsk, bestBid, id, now));
    }
    return delta;
  }

  private static StreamEvent.Level best(NavigableMap<BigDecimal, BigDecimal> side, boolean bids) {
    if (side.isEmpty()) {
      return null;
    }
    Map.Entry<BigDecimal, BigDecimal> e = bids ? side.lastEntry() : side.firstEntry();
    return new StreamEvent.Level(e.getKey(), e.getValue());
  }

  /** Levels whose total changed, with the new total (zero: gone); updates {@code seen} to the book. */
  private static List<StreamEvent.Level> diff(Map<BigDecimal, ArrayDeque<Order>> book,
                                              NavigableMap<BigDecimal, BigDecimal> seen) {
    List<StreamEvent.Level> out = new ArrayList<>();
    NavigableMap<BigDecimal, BigDecimal> now = new TreeMap<>();
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : book.entrySet()) {
      BigDecimal q = BigDecimal.ZERO;
      for (Order o : level.getValue()) {
        q = q.add(o.remaining());
      }
      if (q.signum() > 0) {
        now.put(level.getKey(), q);
      }
    }
    for (Map.Entry<BigDecimal, BigDecimal> e : seen.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        out.add(new StreamEvent.Level(e.getKey(), BigDecimal.ZERO));
      }
    }
    for (Map.Entry<BigDecimal, BigDecimal> e : now.entrySet()) {
      BigDecimal before = seen.get(e.getKey());
      if (before == null || before.compareTo(e.getValue()) != 0) {
        out.add(new StreamEvent.Level(e.getKey(), e.getValue()));
      }
    }
    out.sort((x, y) -> x.price().compareTo(y.price()));
    seen.clear();
    seen.putAll(now);
    return out;
  }

  /** The kline in progress (and the one it replaced, closed) and the 24 h ticker, when a candle moved. */
  private static void candles(ExchangeView.Market m, Published p, long now, List<StreamEvent> out) {
    long start = now - Math.floorMod(now, Candles.MINUTE);
    List<Candles.Bucket> current = m.candles().range(start, start + Candles.MINUTE);
    Candles.Bucket b = current.isEmpty() ? null : current.get(0);
    List<Object> print = b == null ? null
        : List.of(b.start, b.open, b.high, b.low, b.close, b.volume, b.trades, m.lastPrice());
    if (Objects.equals(print, p.candle)) {
      // The real exchange pushes its ticker every second, changed or not: so does this, once time reaches a
      // new second (with the WebSocket pulse, every second).
      if (Math.floorDiv(now, TICKER_MILLIS) != p.tickerSecond) {
        out.add(ticker(m, p, now));
        p.tickerSecond = Math.floorDiv(now, TICKER_MILLIS);
      }
      return;
    }
    MarketSpec s = m.spec();
    if (p.lastKline != null && p.candleStart != start) {
      StreamEvent.Kline k = p.lastKline;
      List<Candles.Bucket> old = m.candles().range(k.start(), k.start() + 1);
      if (!old.isEmpty()) {
        out.add(kline(s, old.get(0), true, now));
      }
    }
    p.candle = print;
    p.candleStart = start;
    if (b != null) {
      p.lastKline = kline(s, b, false, now);
      out.add(p.lastKline);
    }
    p.klines.collect(m, now, out);
    out.add(ticker(m, p, now));
    p.tickerSecond = Math.floorDiv(now, TICKER_MILLIS);
  }

  private static StreamEvent.Kline kline(MarketSpec s, Candles.Bucket b, boolean closed, long now) {
    return new StreamEvent.Kline(s.symbol(), KLINE_INTERVAL, b.start, b.start + Candles.MINUTE,
        s.fromTicks(b.open), s.fromTicks(b.close), s.fromTicks(b.high), s.fromTicks(b.low), b.volume,
        b.trades, closed, now);
  }

  /**
   * The same figures as REST {@code /api/v1/ticker} (24 h window: the buckets starting in
   * {@code [now - 24 h, now]}). The closed minutes of the window change only when a minute boundary
   * passes, so their sums are kept and only the current minute is added each time: a trade costs one
   * bucket, not 1 440.
   */
  private static StreamEvent.Ticker ticker(ExchangeView.Market m, Published p, long now) {
    MarketSpec s = m.spec();
    long current = now - Math.floorMod(now, Candles.MINUTE);
    long from = now - DAY;
    long firstMinute = from + Math.floorMod(-from, Candles.MINUTE); // first bucket start >= from
    if (p.window == null || p.window.firstMinute != firstMinute || p.window.current != current) {
      p.window = Window.of(m.candles().range(from, current), firstMinute, current);
    }
    Window w = p.window;
    BigDecimal last = m.lastPrice();
    long high = Math.max(s.toTicks(last), w.high);
    long low = Math.min(s.toTicks(last), w.low);
    BigDecimal volume = w.volume;
    BigDecimal quote = w.quote;
    long trades = w.trades;
    Long open = w.open;
    for (Candles.Bucket b : m.candles().range(current, now + 1)) {
      open = open == null ? b.open : open;
      high = Math.max(high, b.high);
      low = Math.min(low, b.low);
      volume = volume.add(b.volume);
      quote = quote.add(b.quoteVolume);
      trades += b.trades;
    }
    BigDecimal first = open == null ? last : s.fromTicks(open);
    return new StreamEvent.Ticker(s.symbol(), first, last, s.fromTicks(high), s.fromTicks(low), volume, quote,
        trades, now);
  }

  /** Sums over the closed minutes of a window (the ticker's 24 h, a kline interval's). */
  record Window(long firstMinute, long current, Long open, long high, long low, BigDecimal volume,
                        BigDecimal quote, long trades, long close) {
    static Window of(List<Candles.Bucket> buckets, long firstMinute, long current) {
      Candles.Summary sum = Candles.Summary.of(buckets);
      return new Window(firstMinute, current, sum.open(), sum.high(), sum.low(), sum.volume(), sum.quoteVolume(),
          sum.trades(), sum.close());
    }
  }

  private static void markPrice(ExchangeView.Market m, Published p, long now, List<StreamEvent> out) {
    BigDecimal mark = m.markPrice();
    if (mark.equals(p.mark) && m.fundingRate().equals(p.fundingRate)) {
      return;
    }
    p.mark = mark;
    p.fundingRate = m.fundingRate();
    out.add(new StreamEvent.MarkPrice(m.spec().symbol(), mark, mark, m.fundingRate(), m.nextFunding(now), now));
  }

  private static void openInterest(ExchangeView view, ExchangeView.Market m, Published p, long now,
                                   List<StreamEvent> out) {
    BigDecimal oi = view.openInterest(m.spec().symbol());
    if (oi.equals(p.openInterest)) {
      return;
    }
    p.openInterest = oi;
    out.add(new StreamEvent.OpenInterest(m.spec().symbol(), oi, now));
  }
}
