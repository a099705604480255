package dev.bpx.client;

import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Position;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels every open order of the account, then closes every perp position with reduce-only market
 * orders. Cancels go first, so that no resting or trigger order can open exposure while positions
 * close. The markets to cancel on are those of the open orders and those of the open positions: a
 * position's take-profit and stop-loss triggers are cancelled even if the exchange's open-orders list
 * did not show them (whether it lists trigger orders is unconfirmed). Each step stands alone: a
 * failed step is reported and the rest still run. The cancel part
 * alone ({@link #cancelOnly()}) is what the dead-man switch and cancel-on-exit run.
 *
 * <p>Thread-safe (stateless).
 */
final class EmergencyStop {
  private static final Logger LOG = LoggerFactory.getLogger(EmergencyStop.class);

  private final OrderService orders;
  private final AccountService account;

  EmergencyStop(OrderService orders, AccountService account) {
    this.orders = orders;
    this.account = account;
  }

  /**
   * Runs the stop journaled: a journal that cannot be written never blocks it
   * ({@link JournalHook#aroundReducingRisk}).
   */
  EmergencyStopReport runJournaled(JournalHook journal) {
    return journal.aroundReducingRisk(() -> JournalRecord.intent("emergencyStop"), this::run,
        (intent, report) -> JournalRecord.outcome(intent, report.succeeded() ? "done" : "failed")
            .detail("cancelled " + report.cancelled().size() + ", closed " + report.closed().size() + ", failures "
                + report.failures().size()));
  }

  private EmergencyStopReport run() {
    List<Order> cancelled = new ArrayList<>();
    List<String> queued = new ArrayList<>();
    List<Order> closed = new ArrayList<>();
    List<EmergencyStopReport.Failure> failures = new ArrayList<>();
    cancelOpenOrders(cancelled, queued, failures);
    // The positions are read again after the cancels, not taken from the cancel step's read: a trigger
    // order that fired before its cancel changed them.
    closePositions(closed, failures);
    EmergencyStopReport report = new EmergencyStopReport(cancelled, closed, queued, failures);
    LOG.info("emergency stop: {} order(s) cancelled, {} position(s) closed, {} failure(s)", cancelled.size(),
        closed.size(), failures.size());
    return report;
  }

  /** {@return the cancel part alone: every open order on every market cancelled, no position touched} */
  EmergencyStopReport cancelOnly() {
    List<Order> cancelled = new ArrayList<>();
    List<String> queued = new ArrayList<>();
    List<EmergencyStopReport.Failure> failures = new ArrayList<>();
    cancelOpenOrders(cancelled, queued, failures);
    return new EmergencyStopReport(cancelled, List.of(), queued, failures);
  }

  private void cancelOpenOrders(List<Order> cancelled, List<String> queued, List<EmergencyStopReport.Failure> failures) {
    Set<String> symbols = new LinkedHashSet<>();
    try {
      orders.listOpenOrders().forEach(o -> symbols.add(o.symbol()));
    } catch (BackpackException e) {
      failures.add(failure("list open orders", null, e));
    }
    try {
      account.listPositions().stream().filter(p -> p.netQuantity() != null && p.netQuantity().signum() != 0)
          .forEach(p -> symbols.add(p.symbol()));
    } catch (BackpackException e) {
      failures.add(failure("list positions for their markets' trigger orders", null, e));
    }
    for (String symbol : symbols) {
      // One cancel per order type: resting orders and trigger orders (stop, take-profit) alike.
      cancel(symbol, CancelOrderType.RESTING_LIMIT_ORDER, "cancel resting orders", cancelled, queued, failures);
      cancel(symbol, CancelOrderType.CONDITIONAL_ORDER, "cancel trigger orders", cancelled, queued, failures);
    }
  }

  private void closePositions(List<Order> closed, List<EmergencyStopReport.Failure> failures) {
    List<Position> positions = List.of();
    try {
      positions = account.listPositions();
    } catch (BackpackException e) {
      failures.add(failure("list positions", null, e));
    }
    for (Position position : positions) {
      if (!ClosingOrder.isOpen(position)) {
        continue;
      }
      try {
        // place() gives the order a clientId and resolves an unknown outcome by looking it up, never by a blind resend;
        // reduce-only orders pass every safety limit.
        closed.add(orders.place(ClosingOrder.of(position.symbol(), position, null), "close"));
      } catch (BackpackException e) {
        failures.add(failure("close position", position.symbol(), e));
      }
    }
  }

  private void cancel(String symbol, CancelOrderType type, String step, List<Order> cancelled, List<String> queued,
      List<EmergencyStopReport.Failure> failures) {
    try {
      CancelAllResult result = orders.cancelAllListed(symbol, type);
      cancelled.addAll(result.cancelled());
      if (result.accepted() && !queued.contains(symbol)) {
        queued.add(symbol);
      }
    } catch (BackpackException e) {
      failures.add(failure(step, symbol, e));
    }
  }

  private static EmergencyStopReport.Failure failure(String step, String symbol, BackpackException e) {
    LOG.warn("{}{} failed: {}", step, symbol == null ? "" : " on " + symbol, e.getMessage());
    return new EmergencyStopReport.Failure(step, symbol, e.getMessage());
  }
}
