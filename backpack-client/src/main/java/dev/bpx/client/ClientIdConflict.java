package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.WireEnum;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells whether an order that already has a request's {@code clientId} is the order the request asks
 * for. A retry with the same clientId must get back the same order; a request with the clientId of an
 * order that differs (another side, size or price) is a mistake, and answering it with that other
 * order would hide the mistake, so it is refused instead and nothing is sent.
 *
 * <p>Only what both sides state is compared (side, type, quantity, quote quantity, price, trigger
 * price): the exchange may leave a field out of its answer (a market order's quantity, say), and the
 * order history does not carry every field.
 *
 * <p>Thread-safe (stateless).
 */
public final class ClientIdConflict {
  private ClientIdConflict() {}

  /** {@return how {@code existing} differs from {@code request}, e.g. "side Bid (asked Ask)"; empty when it is the same order} */
  public static List<String> differences(OrderRequest request, Order existing) {
    List<String> out = new ArrayList<>();
    compare(out, "side", wire(existing.side()), wire(request.side()));
    compare(out, "orderType", wire(existing.orderType()), wire(request.orderType()));
    compare(out, "quantity", existing.quantity(), request.quantity());
    compare(out, "quoteQuantity", existing.quoteQuantity(), request.quoteQuantity());
    compare(out, "price", existing.price(), request.price());
    compare(out, "triggerPrice", existing.triggerPrice(), request.triggerPrice());
    return out;
  }

  /**
   * Returns when {@code existing} is the order {@code request} asks for.
   *
   * @throws ValidationException on field {@code clientId}, naming the existing order and what differs;
   *     nothing was sent
   */
  public static void requireSame(OrderRequest request, Order existing) {
    List<String> differences = differences(request, existing);
    if (differences.isEmpty()) {
      return;
    }
    throw new ValidationException("clientId", "clientId " + request.clientId() + " already belongs to order "
        + existing.id() + " on " + existing.symbol() + " (" + wire(existing.orderType()) + " " + wire(existing.side())
        + sized(existing) + ", status " + wire(existing.status()) + "), which differs from this request: "
        + String.join(", ", differences) + ". Nothing was sent",
        "to get that order back, repeat the call with its arguments or look it up by clientId; to place a new"
            + " order, use another clientId");
  }

  private static String sized(Order o) {
    StringBuilder s = new StringBuilder();
    if (o.quantity() != null && o.quantity().signum() != 0) {
      s.append(' ').append(plain(o.quantity()));
    } else if (o.quoteQuantity() != null) {
      s.append(" for ").append(plain(o.quoteQuantity())).append(" quote");
    }
    if (o.price() != null) {
      s.append(" @ ").append(plain(o.price()));
    }
    return s.toString();
  }

  private static void compare(List<String> out, String field, String existing, String asked) {
    if (existing != null && asked != null && !existing.equals(asked)) {
      out.add(field + " " + existing + " (asked " + asked + ")");
    }
  }

  private static void compare(List<String> out, String field, BigDecimal existing, BigDecimal asked) {
    if (existing != null && asked != null && existing.compareTo(asked) != 0) {
      out.add(field + " " + plain(existing) + " (asked " + plain(asked) + ")");
    }
  }

  private static String wire(WireEnum value) {
    if (value == null) {
      return null;
    }
    try {
      return value.wireValue();
    } catch (IllegalStateException unknown) {
      return Objects.toString(value); // UNKNOWN has no wire spelling
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
