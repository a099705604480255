package dev.bpx.client;

import dev.bpx.client.model.Order;
import java.util.List;

/**
 * What {@link OrderService#emergencyStop()} did: the orders it cancelled, the reduce-only orders that
 * closed positions, the markets whose cancel the exchange only queued, and every step that failed.
 *
 * <p>Thread-safe (immutable).
 *
 * @param cancelled the orders the exchange cancelled, resting and trigger orders alike
 * @param closed the reduce-only market orders that closed positions, as the exchange answered
 * @param cancelQueued markets where the exchange answered HTTP 202: the cancel is queued, not yet done
 * @param failures each step that failed and why; the other steps ran anyway
 */
public record EmergencyStopReport(List<Order> cancelled, List<Order> closed, List<String> cancelQueued,
    List<Failure> failures) {
  /** Copies the lists. */
  public EmergencyStopReport {
    cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
    closed = closed == null ? List.of() : List.copyOf(closed);
    cancelQueued = cancelQueued == null ? List.of() : List.copyOf(cancelQueued);
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  /** {@return true when no step failed} */
  public boolean succeeded() {
    return failures.isEmpty();
  }

  /** {@return true when there was nothing to cancel or close and nothing failed} */
  public boolean nothingToDo() {
    return cancelled.isEmpty() && closed.isEmpty() && cancelQueued.isEmpty() && failures.isEmpty();
  }

  /**
   * {@return the cancel part in one line, for a log: e.g. "cancelled 2 order(s): SOL_USDC 111, SOL_USDC_PERP 112",
   * then the markets whose cancel was queued and each failed step}
   */
  public String cancelSummary() {
    StringBuilder text = new StringBuilder(cancelled.isEmpty() ? "no open order to cancel" : "cancelled "
        + cancelled.size() + " order(s): " + String.join(", ", cancelled.stream().map(o -> o.symbol() + " " + o.id()).toList()));
    if (!cancelQueued.isEmpty()) {
      text.append("; cancel queued by the exchange on ").append(String.join(", ", cancelQueued));
    }
    for (Failure f : failures) {
      text.append("; FAILED: ").append(f.step()).append(f.symbol() == null ? "" : " on " + f.symbol()).append(": ")
          .append(f.reason());
    }
    return text.toString();
  }

  /**
   * One step that failed.
   *
   * @param step what was tried, e.g. {@code list open orders}, {@code cancel trigger orders} or
   *     {@code close position}
   * @param symbol the market, or null for an account-wide step
   * @param reason the exchange's or the client's message
   */
  public record Failure(String step, String symbol, String reason) {}
}
