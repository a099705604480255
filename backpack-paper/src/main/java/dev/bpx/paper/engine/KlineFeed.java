package dev.bpx.paper.engine;

import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One market's {@code kline.<interval>} events for the intervals longer than a minute, built from the
 * one-minute candles the way REST {@code /api/v1/klines} builds them (windows aligned from the epoch,
 * {@code 1month} = 30 days), so a stream's kline and the REST kline of the same window agree. Sent when the
 * current minute's candle moved, with the window's final kline ({@code X: true}) once it has ended.
 *
 * <p>The closed minutes of each window are summed once per minute and kept ({@link MarketFeed.Window}), so
 * a trade costs the current minute's bucket per interval, not a scan of the window. {@code 1s} is
 * {@link SecondKlineFeed}'s. Not thread-safe: the engine's writer.
 */
final class KlineFeed {
  static final List<String> INTERVALS =
      List.of("3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1month");

  private final Map<String, State> states = new HashMap<>();

  /** One interval's window in progress and the sums over its closed minutes. */
  private static final class State {
    long start = Long.MIN_VALUE;
    MarketFeed.Window closedMinutes;
  }

  /** Appends the kline of every interval's current window, and the final kline of any window just ended. */
  void collect(ExchangeView.Market m, long now, List<StreamEvent> out) {
    long minute = now - Math.floorMod(now, Candles.MINUTE);
    for (String interval : INTERVALS) {
      long step = Candles.intervalMillis(interval);
      long start = Candles.windowStart(now, step);
      State state = states.computeIfAbsent(interval, k -> new State());
      if (state.start != Long.MIN_VALUE && state.start != start) {
        StreamEvent.Kline ended = kline(m.spec(), interval, state.start, step,
            MarketFeed.Window.of(m.candles().range(state.start, state.start + step), state.start, state.start + step),
            List.of(), true, now);
        if (ended != null) {
          out.add(ended);
        }
        state.closedMinutes = null;
      }
      state.start = start;
      if (state.closedMinutes == null || state.closedMinutes.current() != minute) {
        state.closedMinutes = MarketFeed.Window.of(m.candles().range(start, minute), start, minute);
      }
      StreamEvent.Kline current = kline(m.spec(), interval, start, step, state.closedMinutes,
          m.candles().range(minute, now + 1), false, now);
      if (current != null) {
        out.add(current);
      }
    }
  }

  /** {@return the window's kline from its closed minutes and the current one; null when it has no candle} */
  private static StreamEvent.Kline kline(MarketSpec s, String interval, long start, long step, MarketFeed.Window closed,
      List<Candles.Bucket> current, boolean ended, long now) {
    Long open = closed.open();
    long high = closed.high();
    long low = closed.low();
    long close = 0;
    BigDecimal volume = closed.volume();
    long trades = closed.trades();
    boolean any = open != null;
    if (any) {
      close = closed.close();
    }
    for (Candles.Bucket b : current) {
      open = open == null ? b.open : open;
      high = Math.max(high, b.high);
      low = Math.min(low, b.low);
      close = b.close;
      volume = volume.add(b.volume);
      trades += b.trades;
      any = true;
    }
    if (!any) {
      return null;
    }
    return new StreamEvent.Kline(s.symbol(), interval, start, start + step, s.fromTicks(open), s.fromTicks(close),
        s.fromTicks(high), s.fromTicks(low), volume, trades, ended, now);
  }
}
