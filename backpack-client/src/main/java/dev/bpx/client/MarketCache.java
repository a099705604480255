package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Market;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Markets by symbol, loaded from {@code GET /api/v1/markets} and kept for a time-to-live (the
 * exchange's own CDN caches that list for minutes anyway). A symbol missing from the list is asked
 * for once with {@code GET /api/v1/market} (the list's default covers spot and perp only); a symbol
 * the exchange does not know fails with the similar symbols it does know.
 *
 * <p>Thread-safe: the snapshot is an immutable map behind a volatile field; refreshes are
 * synchronized so concurrent callers load once.
 */
final class MarketCache {
  private static final Logger LOG = LoggerFactory.getLogger(MarketCache.class);

  private record Snapshot(Map<String, Market> bySymbol, Instant loadedAt) {}

  private final Supplier<List<Market>> loadAll;
  private final Function<String, Market> loadOne;
  private final Clock clock;
  private final Duration ttl;
  private volatile Snapshot snapshot;

  MarketCache(Supplier<List<Market>> loadAll, Function<String, Market> loadOne, Clock clock, Duration ttl) {
    this.loadAll = loadAll;
    this.loadOne = loadOne;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * {@return the market for {@code symbol}}
   *
   * @throws ValidationException if the exchange has no such market (listing similar symbols)
   */
  Market require(String symbol) {
    Snapshot current = fresh();
    Market market = current.bySymbol().get(symbol);
    if (market != null) {
      return market;
    }
    Optional<Market> single = loadSingle(symbol);
    if (single.isPresent()) {
      return single.get();
    }
    List<String> similar = similar(symbol, current.bySymbol().keySet().stream().toList());
    throw new ValidationException(
        "symbol",
        "the exchange has no market '" + Args.echo(symbol) + "'",
        similar.isEmpty()
            ? "list the markets to see every symbol; symbols look like SOL_USDC (spot) or SOL_USDC_PERP (perpetual)"
            : "did you mean " + String.join(", ", similar) + "?");
  }

  /**
   * Checks, before a call that names a market is sent, that the exchange lists {@code symbol}, so that
   * a mistyped symbol is refused with the similar ones instead of reaching the exchange (whose answer is
   * raw parser text, or for the history an empty list that looks like "nothing happened").
   *
   * <p>When the market list cannot be read (exchange or network down), the call goes ahead and the
   * exchange judges the symbol: a check that cannot be made must not block a cancel or a read that
   * would otherwise work.
   *
   * @return {@code symbol}
   * @throws ValidationException if the symbol is blank or the exchange certainly has no such market
   */
  String known(String symbol) {
    Args.symbol(symbol);
    try {
      require(symbol);
    } catch (ValidationException unknown) {
      throw unknown;
    } catch (BackpackException unreadable) {
      LOG.debug("market list unreadable ({}); leaving the symbol {} to the exchange", unreadable.getMessage(),
          Args.echo(symbol));
    }
    return symbol;
  }

  /** Drops the snapshot so the next call reloads. */
  void invalidate() {
    snapshot = null;
  }

  private Snapshot fresh() {
    Snapshot current = snapshot;
    if (current != null && !expired(current)) {
      return current;
    }
    synchronized (this) {
      current = snapshot;
      if (current == null || expired(current)) {
        Map<String, Market> bySymbol = new HashMap<>();
        for (Market m : loadAll.get()) {
          if (m.symbol() != null) {
            bySymbol.put(m.symbol(), m);
          }
        }
        current = new Snapshot(Map.copyOf(bySymbol), clock.instant());
        snapshot = current;
      }
      return current;
    }
  }

  private Optional<Market> loadSingle(String symbol) {
    try {
      Market market = loadOne.apply(symbol);
      return market == null || !symbol.equals(market.symbol()) ? Optional.empty() : Optional.of(market);
    } catch (ApiException e) {
      // 400 "Invalid market symbol" or 404: the exchange does not know it.
      if (e.httpStatus() == 400 || e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private boolean expired(Snapshot s) {
    return !clock.instant().isBefore(s.loadedAt().plus(ttl));
  }

  static List<String> similar(String wanted, List<String> known) {
    String w = wanted.toUpperCase(Locale.ROOT).replace('-', '_').replace('/', '_');
    String base = w.contains("_") ? w.substring(0, w.indexOf('_')) : w;
    return known.stream()
        .filter(k -> {
          String u = k.toUpperCase(Locale.ROOT);
          return u.equals(w) || u.startsWith(base + "_") || distance(u, w) <= 3;
        })
        .sorted(Comparator.comparingInt((String k) -> distance(k.toUpperCase(Locale.ROOT), w)).thenComparing(k -> k))
        .limit(5)
        .collect(Collectors.toList());
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
