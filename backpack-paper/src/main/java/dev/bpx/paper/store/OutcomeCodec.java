package dev.bpx.paper.store;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.matching.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Outcome} as journal version 3 stores it ({@code "o"}): {@code {"ok":[[id,"Status"],...]}},
 * {@code {"err":"CODE"}} or {@code {"batch":[outcome,...]}}. Stateless.
 */
final class OutcomeCodec {
  private OutcomeCodec() {}

  static Map<String, Object> encode(Outcome outcome) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (outcome instanceof Outcome.Accepted a) {
      List<Object> orders = new ArrayList<>();
      for (Outcome.OrderState o : a.orders()) {
        orders.add(List.of(o.id(), o.status().name()));
      }
      out.put("ok", orders);
    } else if (outcome instanceof Outcome.Rejected r) {
      out.put("err", r.code());
    } else {
      List<Object> items = new ArrayList<>();
      ((Outcome.Batch) outcome).items().forEach(item -> items.add(encode(item)));
      out.put("batch", items);
    }
    return out;
  }

  /** @throws IllegalArgumentException when the value is not an outcome this codec wrote */
  static Outcome decode(Object value) {
    JournalValues v = new JournalValues(value);
    if (v.raw("ok") instanceof List<?> orders) {
      List<Outcome.OrderState> states = new ArrayList<>();
      for (Object o : orders) {
        if (!(o instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof BigDecimal id)
            || !(pair.get(1) instanceof String status)) {
          throw new IllegalArgumentException("`ok` holds something other than [id, status] pairs");
        }
        states.add(new Outcome.OrderState(id.longValueExact(), OrderStatus.valueOf(status)));
      }
      return new Outcome.Accepted(states);
    }
    if (v.string("err") != null) {
      return new Outcome.Rejected(v.string("err"));
    }
    if (v.raw("batch") instanceof List<?> items) {
      List<Outcome> outcomes = new ArrayList<>();
      items.forEach(item -> outcomes.add(decode(item)));
      return new Outcome.Batch(outcomes);
    }
    throw new IllegalArgumentException("not an outcome");
  }

  /** {@return the outcome as the journal writes it, for messages: order ids and codes, no keys or payloads} */
  static String describe(Outcome outcome) {
    return new JsonWriter().raw(encode(outcome)).toString();
  }
}
