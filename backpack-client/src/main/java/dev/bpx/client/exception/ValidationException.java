package dev.bpx.client.exception;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request or a setting was rejected locally, before anything was sent to the exchange. It lists
 * every problem found at once, each with the field, what is wrong and how to fix it.
 *
 * <p>Thrown by request builders ({@code OrderRequest.Builder.build()}), by the client before sending
 * (market filters: tick size, step size, minimum quantity; unknown symbols), by the client builder and
 * by {@code BackpackClient.fromEnvironment()} (a malformed variable), and when a signed endpoint is
 * called on a client without keys. Thread-safe (immutable).
 */
public final class ValidationException extends BackpackException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param field the field or setting at fault, e.g. {@code price}, {@code orders[2].quantity} or
   *     {@code BACKPACK_WINDOW_MS}
   * @param reason what is wrong, e.g. {@code "142.123 is not a multiple of tickSize 0.01"}
   * @param fix how to fix it, e.g. {@code "use 142.12 or 142.13"}
   */
  public record Violation(String field, String reason, String fix) {
    /** Creates a violation; all parts are required. */
    public Violation {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
      return field + ": " + reason + " (" + fix + ")";
    }
  }

  private final transient List<Violation> violations;

  /**
   * Creates an exception for one or more problems.
   *
   * @param violations at least one problem
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ValidationException(List<Violation> violations) {
    super(message(violations), null);
    this.violations = List.copyOf(violations);
  }

  /** Creates an exception for a single problem. */
  public ValidationException(String field, String reason, String fix) {
    this(List.of(new Violation(field, reason, fix)));
  }

  /** {@return every problem found, in the order they were found; never empty} */
  public List<Violation> violations() {
    return violations;
  }

  /** {@return the distinct fields at fault, in order} */
  public List<String> fields() {
    return violations.stream().map(Violation::field).distinct().collect(Collectors.toList());
  }

  private static String message(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    if (violations.size() == 1) {
      return "Invalid request: " + violations.get(0);
    }
    StringBuilder out = new StringBuilder("Invalid request, ").append(violations.size()).append(" problems:");
    for (Violation v : violations) {
      out.append("\n  - ").append(v);
    }
    return out.toString();
  }
}
