package dev.bpx.paper;

import dev.bpx.paper.feed.UpstreamPump;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.UpstreamException;
import dev.bpx.paper.upstream.UpstreamMirror;
import dev.bpx.paper.upstream.UpstreamSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A paper exchange on real market data: the mirror of the upstream's public data, the pump that journals what of
 * it changes the accounts' state, and how old that data may be before market orders are refused. Null in a
 * {@link PaperExchange} on simulated prices.
 */
final class UpstreamSide implements AutoCloseable {
  private final UpstreamMirror mirror;
  private final long staleAfterMillis;
  /** Null until {@link #startPump}. */
  private UpstreamPump pump;

  private UpstreamSide(UpstreamMirror mirror, Duration staleAfter) {
    this.mirror = mirror;
    this.staleAfterMillis = staleAfter.toMillis();
  }

  /** Reads the upstream's markets (no signed request), or fails with an {@link UpstreamUnavailableException}. */
  static UpstreamSide open(UpstreamSettings settings, Duration staleAfter) {
    try {
      return new UpstreamSide(UpstreamMirror.open(settings), staleAfter);
    } catch (UpstreamException e) {
      throw new UpstreamUnavailableException("the upstream " + settings.rest() + " cannot be read: " + e.getMessage(), e);
    }
  }

  static String describe(UpstreamMirror mirror) {
    return "real market data from " + mirror.settings().rest();
  }

  UpstreamMirror mirror() {
    return mirror;
  }

  long staleAfterMillis() {
    return staleAfterMillis;
  }

  /** Starts journaling the upstream's prices into {@code store}, a run every {@code intervalMillis}. */
  void startPump(JournaledEngine store, Clock clock, long intervalMillis) {
    pump = new UpstreamPump(mirror, store, clock, staleAfterMillis);
    pump.start(intervalMillis);
  }

  void pumpNow() {
    pump.runOnce();
  }

  /** See {@link PaperExchange#marketDataAge}. */
  Optional<Duration> dataAge(String symbol) {
    long age = mirror.dataAgeMillis(symbol);
    return age == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofMillis(age));
  }

  /** See {@link PaperExchange#staleMarkets}. */
  Map<String, Duration> staleMarkets() {
    Map<String, Duration> stale = new LinkedHashMap<>();
    mirror.markets().stream()
        .map(m -> Map.entry(m.symbol(), mirror.dataAgeMillis(m.symbol())))
        .filter(e -> e.getValue() > staleAfterMillis)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> stale.put(e.getKey(), e.getValue() == Long.MAX_VALUE ? ChronoUnit.FOREVER.getDuration()
            : Duration.ofMillis(e.getValue())));
    return stale;
  }

  /** Stops the pump before the mirror it reads. */
  @Override
  public void close() {
    if (pump != null) {
      pump.close();
    }
    mirror.close();
  }
}
