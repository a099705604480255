package dev.bpx.paper.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the upstream is and how the mirror keeps up with it. Immutable; {@link #of} gives the
 * defaults, the {@code with...} methods variants.
 *
 * @param rest the REST base, e.g. {@code https://api.backpack.exchange}
 * @param ws the WebSocket URL, e.g. {@code wss://ws.backpack.exchange}; null polls REST only
 * @param pollInterval how often REST is polled while the socket is down (and at start)
 * @param pingInterval how often the socket is pinged; a pong confirms every frame before it arrived,
 *     and three intervals without one close the socket as stalled
 * @param reconnectMin the first wait before reconnecting; it doubles on each failure
 * @param reconnectMax the longest wait between reconnect attempts
 * @param requestTimeout the limit of one REST request or WebSocket handshake
 * @param keepTrades how many recent public trades are kept per market
 * @param silenceLimit the longest the streams may carry no data frame before the socket counts as stalled
 *     although it answers pings: the spec pushes every market's ticker once a second, so silence means the
 *     upstream's engine stopped while its gateway answers (the socket is reconnected, REST polled meanwhile)
 */
public record UpstreamSettings(URI rest, URI ws, Duration pollInterval, Duration pingInterval,
                               Duration reconnectMin, Duration reconnectMax, Duration requestTimeout,
                               int keepTrades, Duration silenceLimit) {
  public UpstreamSettings {
    Objects.requireNonNull(rest, "rest");
    positive(pollInterval, "pollInterval");
    positive(pingInterval, "pingInterval");
    positive(reconnectMin, "reconnectMin");
    positive(reconnectMax, "reconnectMax");
    positive(requestTimeout, "requestTimeout");
    positive(silenceLimit, "silenceLimit");
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("reconnectMax < reconnectMin");
    }
    if (keepTrades < 1 || keepTrades > 1000) {
      throw new IllegalArgumentException("keepTrades not in [1, 1000]: " + keepTrades);
    }
  }

  /**
   * {@return settings for an upstream with the defaults: REST polled every 2 s while the socket is
   * down, pinged every 5 s, reconnect after 0.5 s doubling up to 30 s, 10 s per request, 1000 trades
   * kept per market (the paper exchange's queue model reads the trades since its last look, once a second), and
   * a socket without data for 15 s (15 of the spec's once-a-second tickers) taken as stalled}
   */
  public static UpstreamSettings of(URI rest, URI ws) {
    return new UpstreamSettings(rest, ws, Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10), 1000, Duration.ofSeconds(15));
  }

  public UpstreamSettings withPollInterval(Duration d) {
    return new UpstreamSettings(rest, ws, d, pingInterval, reconnectMin, reconnectMax, requestTimeout, keepTrades, silenceLimit);
  }

  public UpstreamSettings withPingInterval(Duration d) {
    return new UpstreamSettings(rest, ws, pollInterval, d, reconnectMin, reconnectMax, requestTimeout, keepTrades, silenceLimit);
  }

  public UpstreamSettings withReconnect(Duration min, Duration max) {
    return new UpstreamSettings(rest, ws, pollInterval, pingInterval, min, max, requestTimeout, keepTrades, silenceLimit);
  }

  public UpstreamSettings withRequestTimeout(Duration d) {
    return new UpstreamSettings(rest, ws, pollInterval, pingInterval, reconnectMin, reconnectMax, d, keepTrades, silenceLimit);
  }

  public UpstreamSettings withSilenceLimit(Duration d) {
    return new UpstreamSettings(rest, ws, pollInterval, pingInterval, reconnectMin, reconnectMax, requestTimeout,
        keepTrades, d);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " <= 0: " + d);
    }
  }
}
