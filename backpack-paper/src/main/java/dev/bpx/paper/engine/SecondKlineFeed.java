package dev.bpx.paper.engine;

import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.SecondCandles;
import java.util.List;
import java.util.Objects;

/**
 * One market's {@code kline.1s} events, from the one-second candles REST {@code /api/v1/klines?interval=1s}
 * reads ({@link SecondCandles}): the current second's kline whenever it moved (its walk step, a trade), and
 * once a second is over its final kline with {@code X: true}. When time jumped several seconds at once (a
 * request after a quiet spell, without the WebSocket pulse) every second passed gets its final kline, so the
 * closed klines hold every trade of the {@code trade} stream. Not thread-safe: the engine's writer.
 */
final class SecondKlineFeed {
  static final String INTERVAL = "1s";

  /** The second of the last collect, or {@code Long.MIN_VALUE} before the first. */
  private long second = Long.MIN_VALUE;
  /** What was sent of that second's candle, or null when nothing yet. */
  private List<Object> sent;

  void collect(ExchangeView.Market m, long now, List<StreamEvent> out) {
    SecondCandles candles = m.candles().seconds();
    long start = now - Math.floorMod(now, SecondCandles.SECOND);
    if (second != Long.MIN_VALUE && second < start) {
      for (Candles.Bucket ended : candles.range(second, start)) {
        out.add(kline(m.spec(), ended, true, now));
      }
      sent = null;
    }
    second = start;
    List<Candles.Bucket> current = candles.range(start, start + SecondCandles.SECOND);
    if (current.isEmpty()) {
      return;
    }
    Candles.Bucket b = current.get(0);
    List<Object> print = List.of(b.open, b.high, b.low, b.close, b.volume, b.trades);
    if (!Objects.equals(print, sent)) {
      sent = print;
      out.add(kline(m.spec(), b, false, now));
    }
  }

  private static StreamEvent.Kline kline(MarketSpec s, Candles.Bucket b, boolean closed, long now) {
    return new StreamEvent.Kline(s.symbol(), INTERVAL, b.start, b.start + SecondCandles.SECOND, s.fromTicks(b.open),
        s.fromTicks(b.close), s.fromTicks(b.high), s.fromTicks(b.low), b.volume, b.trades, closed, now);
  }
}
