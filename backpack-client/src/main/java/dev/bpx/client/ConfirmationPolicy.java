package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Which orders a person must confirm before they are sent: {@code always}, {@code never}, or those
 * whose notional is above a figure ({@code above:500}). The notional is the one the max-order-notional
 * limit counts ({@link OrderPreview#orderNotional()}): never below what the order can trade for, so a
 * sell limit priced far under the market is judged by the bids it would take, not by its price.
 *
 * <p>Only orders that can add exposure are covered. A reduce-only order (and so a position close) and
 * a cancel are never held up: they can only lower risk, and a person who wants out must never wait for
 * a dialog. An order whose notional cannot be estimated (an empty book) counts as above any figure,
 * so a missing estimate never skips a confirmation.
 *
 * <p>Asking is the caller's job (an MCP server asks through elicitation); this class only decides.
 *
 * <pre>{@code
 * ConfirmationPolicy policy = ConfirmationPolicy.parse("above:500");
 * if (policy.requires(request, client.orders().preview(request).orderNotional())) { ask the user }
 * }</pre>
 *
 * <p>Thread-safe (immutable).
 *
 * @param mode always, never, or above a notional
 * @param aboveNotional for {@link Mode#ABOVE}: the notional in quote currency above which orders are
 *     confirmed; null otherwise
 */
public record ConfirmationPolicy(Mode mode, BigDecimal aboveNotional) {
  private static final String FORMAT = "always, never, or above:<notional> (e.g. above:500, in the market's quote currency)";

  /** When orders need confirmation. */
  public enum Mode {
    /** Every order that can add exposure. */
    ALWAYS,
    /** None. */
    NEVER,
    /** Those with a notional above {@link ConfirmationPolicy#aboveNotional()}. */
    ABOVE
  }

  /** Checks that {@code aboveNotional} is given (and positive) exactly for {@link Mode#ABOVE}. */
  public ConfirmationPolicy {
    Args.required("mode", mode, "use ConfirmationPolicy.always(), never() or above(...)");
    if ((mode == Mode.ABOVE) != (aboveNotional != null)) {
      throw new ValidationException("aboveNotional", "is required for ABOVE and only for ABOVE (got " + mode + " with "
          + aboveNotional + ")", "use ConfirmationPolicy.above(notional), always() or never()");
    }
    if (aboveNotional != null && aboveNotional.signum() <= 0) {
      throw new ValidationException("aboveNotional", "must be positive (got " + aboveNotional.toPlainString() + ")",
          "use never() to confirm no order, or a positive figure such as 500");
    }
  }

  /** {@return a policy that confirms every order that can add exposure} */
  public static ConfirmationPolicy always() {
    return new ConfirmationPolicy(Mode.ALWAYS, null);
  }

  /** {@return a policy that confirms no order} */
  public static ConfirmationPolicy never() {
    return new ConfirmationPolicy(Mode.NEVER, null);
  }

  /** {@return a policy that confirms orders with a notional above {@code notional} (quote currency)} */
  public static ConfirmationPolicy above(BigDecimal notional) {
    Args.required("notional", notional, "give the notional in quote currency above which orders are confirmed");
    return new ConfirmationPolicy(Mode.ABOVE, notional);
  }

  /**
   * Reads {@code always}, {@code never} or {@code above:<notional>} (case-insensitive, spaces around
   * the parts allowed, {@code _} as a digit separator).
   *
   * @throws ValidationException naming the text and the accepted forms; field {@code confirmOrders}
   */
  public static ConfirmationPolicy parse(String text) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("always")) {
      return always();
    }
    if (value.equals("never")) {
      return never();
    }
    if (value.startsWith("above:")) {
      String figure = value.substring("above:".length()).strip().replace("_", "");
      BigDecimal notional;
      try {
        notional = new BigDecimal(figure);
      } catch (NumberFormatException e) {
        throw new ValidationException("confirmOrders", "'" + text + "' has no decimal number after 'above:'", "use " + FORMAT);
      }
      if (notional.signum() <= 0) {
        throw new ValidationException("confirmOrders", "'" + text + "' needs a positive notional",
            "use never to confirm no order, or " + FORMAT);
      }
      return above(notional);
    }
    throw new ValidationException("confirmOrders", "'" + text + "' is not a confirmation setting", "use " + FORMAT);
  }

  /** {@return whether this policy can ever ask, i.e. it is not {@link Mode#NEVER}} */
  public boolean asks() {
    return mode != Mode.NEVER;
  }

  /** {@return whether {@code request} is an order this policy looks at: one that can add exposure (not reduce-only)} */
  public boolean covers(OrderRequest request) {
    return asks() && !Boolean.TRUE.equals(request.reduceOnly());
  }

  /**
   * {@return whether {@code request} must be confirmed before it is sent}
   *
   * @param notional the order's notional in quote currency as the safety limits count it, or null
   *     when it could not be estimated (then an {@code above} policy asks)
   */
  public boolean requires(OrderRequest request, BigDecimal notional) {
    if (!covers(request)) {
      return false;
    }
    return mode == Mode.ALWAYS || notional == null || notional.compareTo(aboveNotional) > 0;
  }

  /** {@return the setting's text: {@code always}, {@code never} or {@code above:<notional>}} */
  @Override
  public String toString() {
    return mode == Mode.ABOVE ? "above:" + aboveNotional.stripTrailingZeros().toPlainString() : mode.name().toLowerCase(Locale.ROOT);
  }
}
