package dev.bpx.client.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trade journal of one directory: append ({@link JournalWriter}), read ({@link JournalReader}),
 * verify ({@link JournalVerifier}), and reconcile intents left without an outcome by a crash.
 *
 * <p>Get one from {@code BackpackClient.journal()} (with an exchange to reconcile against) or
 * {@link #at(Path)} (to read and verify only).
 *
 * <p>Thread-safe.
 */
public final class Journal {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  /** Actions that place one order with a clientId: reconcile looks them up on the exchange. */
  static final Set<String> ORDER_ACTIONS = Set.of("place", "close", "batch");

  private final JournalWriter writer;
  private final JournalReader reader;
  private final Clock clock;
  private final OrderFinder finder;
  private final Duration minAge;
  private final Duration maxAge;

  private Journal(JournalWriter writer, Clock clock, OrderFinder finder, Duration minAge, Duration maxAge) {
    this.writer = writer;
    this.reader = new JournalReader(writer.dir());
    this.clock = clock;
    this.finder = finder;
    this.minAge = minAge;
    this.maxAge = maxAge;
  }

  /** {@return a journal in {@code dir} to read, verify and append to; {@link #reconcile()} is not available} */
  public static Journal at(Path dir) {
    return new Journal(new JournalWriter(dir, Clock.systemUTC(), JournalWriter.DEFAULT_MAX_FILE_BYTES),
        Clock.systemUTC(), null, null, null);
  }

  /**
   * {@return a journal that can reconcile against an exchange}
   *
   * @param writer appends to the journal's directory
   * @param clock the current time
   * @param finder asks the exchange for an order by clientId
   * @param minAge intents younger than this are left alone by {@link #reconcile()}: their request may
   *     still be in flight (from another process sharing the directory) or still acceptable to the
   *     exchange; use more than the signing window
   * @param maxAge intents older than this (the clientId lookback) cannot be told from an older use of
   *     their clientId, so they are marked {@code unresolved} instead of looked up
   */
  public static Journal reconciling(JournalWriter writer, Clock clock, OrderFinder finder, Duration minAge,
      Duration maxAge) {
    return new Journal(writer, clock, java.util.Objects.requireNonNull(finder, "finder"), minAge, maxAge);
  }

  /** {@return the journal directory} */
  public Path dir() {
    return writer.dir();
  }

  /** {@return the writer} */
  public JournalWriter writer() {
    return writer;
  }

  /** {@return the reader} */
  public JournalReader reader() {
    return reader;
  }

  /**
   * {@return the chain's verdict}
   *
   * @throws IOException if a file cannot be read
   */
  public JournalVerification verify() throws IOException {
    return JournalVerifier.verify(writer.dir());
  }

  /**
   * {@return the intents whose request may have reached the exchange with no known result: no outcome
   * at all (the process stopped between the intent and the answer), or a last outcome {@code unknown}}
   *
   * @throws IOException if the journal cannot be read
   */
  public List<JournalRecord> pending() throws IOException {
    Map<String, JournalRecord> intents = new LinkedHashMap<>();
    Map<String, JournalRecord> lastOutcome = new LinkedHashMap<>();
    for (JournalRecord r : reader.readAll()) {
      if (r.isIntent() && r.id() != null) {
        intents.put(r.id(), r);
      } else if (r.isOutcome() && r.ref() != null) {
        lastOutcome.put(r.ref(), r);
      }
    }
    List<JournalRecord> pending = new ArrayList<>();
    for (JournalRecord intent : intents.values()) {
      JournalRecord outcome = lastOutcome.get(intent.id());
      if (outcome == null || "unknown".equals(outcome.result())) {
        pending.add(intent);
      }
    }
    return pending;
  }

  /**
   * Resolves pending intents ({@link #pending()}) older than the minimum age and appends an outcome for
   * each: an order (place, close, batch) is looked up by its clientId: {@code placed} with the order id
   * when the exchange has it, {@code notFound} when it does not (it was never placed), {@code unknown}
   * when the exchange cannot be asked (tried again next time); an order older than the clientId
   * lookback, and any other action with no outcome at all, gets {@code unresolved} (check the account
   * by hand).
   *
   * @return the outcomes appended
   * @throws IOException if the journal cannot be read or written
   * @throws IllegalStateException if this journal has no exchange ({@link #at(Path)})
   */
  public List<JournalRecord> reconcile() throws IOException {
    if (finder == null) {
      throw new IllegalStateException("this journal has no exchange to ask; use BackpackClient.journal()");
    }
    Instant now = clock.instant();
    List<JournalRecord> appended = new ArrayList<>();
    for (JournalRecord intent : pending()) {
      Instant at = intent.instant().orElse(Instant.EPOCH);
      if (Duration.between(at, now).compareTo(minAge) < 0) {
        continue;
      }
      boolean order = ORDER_ACTIONS.contains(intent.action()) && intent.clientId() != null && intent.symbol() != null;
      JournalRecord outcome;
      if (order && Duration.between(at, now).compareTo(maxAge) <= 0) {
        outcome = lookUp(intent);
      } else if (order || !hasOutcome(intent)) {
        outcome = JournalRecord.outcome(intent, "unresolved").reason(order
            ? "reconciled on start: older than the clientId lookback, so clientId " + intent.clientId()
                + " cannot be told from a later order; look in the order history"
            : "reconciled on start: the process stopped before the answer and this action cannot be looked up;"
                + " check the account").build();
      } else {
        continue; // an action that cannot be looked up, already marked unknown
      }
      appended.add(writer.append(outcome));
      LOG.info("journal: reconciled {} {} clientId {}: {}", intent.action(), intent.symbol(), intent.clientId(),
          outcome.result());
    }
    return appended;
  }

  private JournalRecord lookUp(JournalRecord intent) {
    try {
      Optional<OrderFinder.FoundOrder> found = finder.find(intent.symbol(), intent.clientId());
      if (found.isPresent()) {
        return JournalRecord.outcome(intent, "placed").orderId(found.get().orderId()).status(found.get().status())
            .reason("reconciled on start: the exchange has an order with this clientId").build();
      }
      return JournalRecord.outcome(intent, "notFound")
          .reason("reconciled on start: the exchange has no order with this clientId, so it was not placed").build();
    } catch (RuntimeException e) {
      return JournalRecord.outcome(intent, "unknown")
          .reason("reconciled on start: asking the exchange failed (" + e.getMessage() + "); asked again next start")
          .build();
    }
  }

  private boolean hasOutcome(JournalRecord intent) throws IOException {
    return reader.readAll().stream().anyMatch(r -> r.isOutcome() && intent.id().equals(r.ref()));
  }
}
