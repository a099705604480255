package dev.bpx.client;

import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.journal.Journal;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.journal.JournalWriter;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.WireEnum;
import dev.bpx.client.request.OrderRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trade journal around each request that can change the account: the intent on disk before
 * the request is sent, the outcome after. Without a journal ({@link #NONE}) it only runs the call.
 *
 * <p>An intent that cannot be written stops the request: a {@link ValidationException} says so and
 * nothing is sent. Except for what only reduces risk ({@link #aroundReducingRisk}: cancels, reduce-only
 * orders and closes, the emergency stop): a broken disk must never keep a user from getting out, so
 * those are sent anyway, unjournaled, and the failure is logged. An outcome that cannot be written is logged and the call's result still returned
 * (the request already happened); reconciling on the next start then finds the intent without an
 * outcome and asks the exchange. A refusal by a client rule before sending (validation, safety limits,
 * circuit breakers) is not journaled: nothing was sent and nothing about it can be ambiguous.
 *
 * <p>Thread-safe.
 */
final class JournalHook {
  private static final Logger LOG = LoggerFactory.getLogger(JournalHook.class);
  static final JournalHook NONE = new JournalHook(null);
  /** Journal actions that place orders with a clientId (as {@code Journal} reconciles them). */
  private static final Set<String> ORDER_ACTIONS = Set.of("place", "close", "batch");

  private final JournalWriter writer;

  JournalHook(JournalWriter writer) {
    this.writer = writer;
  }

  /**
   * {@return the newest intent to place an order with this clientId on this market, written after
   * {@code after}, that has no outcome yet (or only {@code unknown}); empty without a journal} Another
   * process sharing the journal may be sending it right now. A journal that cannot be read answers
   * empty (logged): the exchange's answer stays the authority.
   */
  Optional<JournalRecord> pendingOrder(String symbol, long clientId, Instant after) {
    if (writer == null) {
      return Optional.empty();
    }
    try {
      List<JournalRecord> pending = Journal.at(writer.dir()).pending();
      for (int i = pending.size() - 1; i >= 0; i--) {
        JournalRecord r = pending.get(i);
        if (ORDER_ACTIONS.contains(r.action()) && symbol.equals(r.symbol()) && Long.valueOf(clientId).equals(r.clientId())
            && r.instant().filter(at -> at.isAfter(after)).isPresent()) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.warn("the trade journal in {} cannot be read ({}); its pending intents are not consulted", writer.dir(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** Runs {@code call} between an intent and its outcome ({@code success} builds it from the result). */
  <T> T around(Supplier<JournalRecord.Builder> intent, Supplier<T> call,
      BiFunction<JournalRecord, T, JournalRecord.Builder> success) {
    if (writer == null) {
      return call.get();
    }
    return run(writeIntents(List.of(intent.get().build())).get(0), call, success);
  }

  /**
   * As {@link #around}, for a request that can only reduce risk: when the intent cannot be written, the
   * request is sent anyway without a journal entry (and the failure logged), never refused.
   */
  <T> T aroundReducingRisk(Supplier<JournalRecord.Builder> intent, Supplier<T> call,
      BiFunction<JournalRecord, T, JournalRecord.Builder> success) {
    if (writer == null) {
      return call.get();
    }
    JournalRecord record = intent.get().build();
    List<JournalRecord> written;
    try {
      written = writer.append(List.of(record));
    } catch (IOException | RuntimeException e) {
      LOG.error("the trade journal in {} cannot be written ({}); sending the {} anyway, unjournaled: a cancel or a"
          + " reduce-only order is never blocked", writer.dir(), e.getMessage(), record.action());
      return call.get();
    }
    return run(written.get(0), call, success);
  }

  private <T> T run(JournalRecord written, Supplier<T> call, BiFunction<JournalRecord, T, JournalRecord.Builder> success) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      writeOutcomes(List.of(failure(written, e)));
      throw e;
    }
    writeOutcomes(List.of(success.apply(written, result).build()));
    return result;
  }

  /** As {@link #around} for several intents sent in one request (a batch): one outcome per intent. */
  <T> T aroundAll(Supplier<List<JournalRecord.Builder>> intents, Supplier<T> call,
      BiFunction<List<JournalRecord>, T, List<JournalRecord.Builder>> success) {
    if (writer == null) {
      return call.get();
    }
    List<JournalRecord> written = writeIntents(intents.get().stream().map(JournalRecord.Builder::build).toList());
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      writeOutcomes(written.stream().map(i -> failure(i, e)).toList());
      throw e;
    }
    writeOutcomes(success.apply(written, result).stream().map(JournalRecord.Builder::build).toList());
    return result;
  }

  private List<JournalRecord> writeIntents(List<JournalRecord> intents) {
    try {
      return writer.append(intents);
    } catch (IOException e) {
      throw new ValidationException("journal", "the trade journal in " + writer.dir() + " cannot be written ("
          + e.getMessage() + ")", "free disk space or fix the directory's permissions; nothing was sent");
    }
  }

  private void writeOutcomes(List<JournalRecord> outcomes) {
    try {
      writer.append(outcomes);
    } catch (IOException | RuntimeException e) {
      LOG.error("the trade journal in {} cannot be written ({}); the outcome is missing and is looked up on the"
          + " next start", writer.dir(), e.getMessage());
    }
  }

  /** {@return the outcome of an intent whose call threw {@code e}} */
  static JournalRecord failure(JournalRecord intent, RuntimeException e) {
    String result;
    if (e instanceof OrderNotPlacedException) {
      result = "notPlaced";
    } else if (SendFailures.certainlyNotPlaced(e)) {
      result = e instanceof NetworkException ? "notSent" : "refused";
    } else {
      result = "unknown";
    }
    String reason = e instanceof BackpackException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return JournalRecord.outcome(intent, result).reason(reason).build();
  }

  /** {@return an intent to place {@code request}} */
  static JournalRecord.Builder order(String action, OrderRequest request) {
    return JournalRecord.intent(action).symbol(request.symbol()).side(wire(request.side()))
        .orderType(wire(request.orderType())).quantity(request.quantity()).quoteQuantity(request.quoteQuantity())
        .price(request.price()).triggerPrice(request.triggerPrice()).reduceOnly(request.reduceOnly())
        .clientId(request.clientId());
  }

  /** {@return the outcome "placed" of an order intent} */
  static JournalRecord.Builder placed(JournalRecord intent, Order order) {
    return JournalRecord.outcome(intent, "placed").orderId(order.id()).status(wire(order.status()));
  }

  /** {@return an outcome for a list of orders: its count in {@code detail}} */
  static <T> JournalRecord.Builder counted(JournalRecord intent, String result, List<T> items, Function<T, String> id) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(id.apply(i)));
    return JournalRecord.outcome(intent, result).detail(items.size() + " order(s)" + (ids.isEmpty() ? "" : ": " + String.join(" ", ids)));
  }

  static String wire(WireEnum value) {
    return value == null ? null : value.wireValue();
  }
}
