package dev.bpx.client;

import dev.bpx.client.request.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The orders this client is placing right now, by market and clientId, from the start of the placing
 * call to its return, and, through the trade journal, those another process sharing the journal has
 * just written an intent for. A lookup by clientId that finds nothing on the exchange asks here before
 * it says the order was never placed.
 *
 * <p>Thread-safe.
 */
final class PlacementsInFlight {
  private record Key(String symbol, long clientId) {}

  private record Entry(long sinceMillis, int calls) {}

  private final Map<Key, Entry> placing = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final JournalHook journal;
  private final Duration journalInFlight;

  /**
   * @param clock the current time in epoch milliseconds
   * @param journal the trade journal, read for other processes' intents
   * @param journalInFlight how long after its intent a request may still be on its way (the signing
   *     window and a margin): an older intent without an outcome is a process that stopped, not one in flight
   */
  PlacementsInFlight(LongSupplier clock, JournalHook journal, Duration journalInFlight) {
    this.clock = clock;
    this.journal = journal;
    this.journalInFlight = journalInFlight;
  }

  /** Runs {@code call} (placing these orders) with them known as in flight until it returns. */
  <T> T during(List<OrderRequest> requests, Supplier<T> call) {
    List<Key> keys = requests.stream().filter(r -> r != null && r.symbol() != null && r.clientId() != null)
        .map(r -> new Key(r.symbol(), r.clientId())).distinct().toList();
    long now = clock.getAsLong();
    for (Key key : keys) {
      placing.merge(key, new Entry(now, 1), (old, one) -> new Entry(old.sinceMillis(), old.calls() + 1));
    }
    try {
      return call.get();
    } finally {
      for (Key key : keys) {
        placing.computeIfPresent(key, (k, e) -> e.calls() <= 1 ? null : new Entry(e.sinceMillis(), e.calls() - 1));
      }
    }
  }

  /** {@return the placing of this clientId under way, in this client or (by the journal) in another process} */
  Optional<PlacementInProgress> find(String symbol, long clientId) {
    Entry here = placing.get(new Key(symbol, clientId));
    if (here != null) {
      return Optional.of(new PlacementInProgress(symbol, clientId, Instant.ofEpochMilli(here.sinceMillis()), true));
    }
    Instant after = Instant.ofEpochMilli(clock.getAsLong()).minus(journalInFlight);
    return journal.pendingOrder(symbol, clientId, after).map(intent ->
        new PlacementInProgress(symbol, clientId, intent.instant().orElse(after), false));
  }
}
