package dev.bpx.paper.command;

import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command did, as the journal records it and a replay re-derives it: accepted with the
 * orders it answered with (placed, cancelled; id and status right after the command), or rejected
 * with the error code; a batch has one outcome per order. A replay whose outcome differs from the
 * recorded one has diverged from what the user was told. Immutable.
 */
public sealed interface Outcome {
  /** The command was applied; {@code orders} are the orders of its answer, in order. */
  record Accepted(List<OrderState> orders) implements Outcome {
    public static final Accepted NOTHING = new Accepted(List.of());

    public Accepted {
      orders = List.copyOf(orders);
    }
  }

  /** The command was refused and changed nothing; {@code code} as in the error body. */
  record Rejected(String code) implements Outcome {}

  /** A batch of orders: one {@link Accepted} (one order) or {@link Rejected} per item. */
  record Batch(List<Outcome> items) implements Outcome {
    public Batch {
      items = List.copyOf(items);
    }
  }

  /** An order as the answer showed it. */
  record OrderState(long id, OrderStatus status) {}

  /** {@return the outcome of a command that {@link CommandHandler#apply} ran, from its result} */
  static Outcome of(Command command, Object result) {
    if (command instanceof Command.PlaceOrders) {
      List<Outcome> items = new ArrayList<>();
      for (Object item : (List<?>) result) {
        items.add(item instanceof ApiError e ? new Rejected(e.code()) : accepted(List.of(item)));
      }
      return new Batch(items);
    }
    if (result instanceof Order o) {
      return accepted(List.of(o));
    }
    if (result instanceof List<?> orders) {
      return accepted(orders);
    }
    return Accepted.NOTHING;
  }

  private static Accepted accepted(List<?> orders) {
    List<OrderState> out = new ArrayList<>();
    for (Object o : orders) {
      Order order = (Order) o;
      out.add(new OrderState(order.id(), order.status()));
    }
    return new Accepted(out);
  }

  /** {@return the outcome of a command that threw instead of applying} */
  static Rejected of(RuntimeException refusal) {
    if (refusal instanceof ApiError e) {
      return new Rejected(e.code());
    }
    return new Rejected(refusal instanceof ParseError ? "PARSE_ERROR" : refusal.getClass().getSimpleName());
  }
}
