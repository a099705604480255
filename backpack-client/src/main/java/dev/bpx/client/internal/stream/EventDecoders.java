package dev.bpx.client.internal.stream;

import dev.bpx.client.model.OrderExpiryReason;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SystemOrderType;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import dev.bpx.client.stream.BookTickerEvent;
import dev.bpx.client.stream.DepthEvent;
import dev.bpx.client.stream.KlineEvent;
import dev.bpx.client.stream.LiquidationEvent;
import dev.bpx.client.stream.MarkPriceEvent;
import dev.bpx.client.stream.OpenInterestEvent;
import dev.bpx.client.stream.OrderUpdate;
import dev.bpx.client.stream.OrderUpdateEvent;
import dev.bpx.client.model.OrderUpdateOrigin;
import dev.bpx.client.stream.PositionUpdate;
import dev.bpx.client.stream.PositionUpdateEvent;
import dev.bpx.client.model.RfqStatus;
import dev.bpx.client.stream.RfqUpdate;
import dev.bpx.client.stream.RfqUpdateEvent;
import dev.bpx.client.stream.TickerEvent;
import dev.bpx.client.stream.TradeEvent;
import java.util.Locale;

/**
 * One decoder per channel, from the event's single-letter fields (shared/backpack-asyncapi.yml,
 * components.schemas) to its record. Thread-safe (stateless).
 */
public final class EventDecoders {
  private EventDecoders() {}

  /** {@code bookTicker.<symbol>}. */
  public static BookTickerEvent bookTicker(Fields f) {
    return new BookTickerEvent(f.text("s"), f.decimal("a"), f.decimal("A"), f.decimal("b"), f.decimal("B"),
        f.text("u"), f.micros("E"), f.micros("T"));
  }

  /** {@code depth.<symbol>} and the aggregated variants; {@code U} and {@code u} are required. */
  public static DepthEvent depth(Fields f) {
    return new DepthEvent(f.text("s"), f.levels("a"), f.levels("b"), f.requiredLong("U"), f.requiredLong("u"),
        f.micros("E"), f.micros("T"));
  }

  /** {@code kline.<interval>.<symbol>}. */
  public static KlineEvent kline(Fields f) {
    return new KlineEvent(f.text("s"), f.isoTime("t"), f.isoTime("T"), f.decimal("o"), f.decimal("c"),
        f.decimal("h"), f.decimal("l"), f.decimal("v"), f.longValue("n"), Boolean.TRUE.equals(f.bool("X")),
        f.micros("E"));
  }

  /** {@code liquidation}. */
  public static LiquidationEvent liquidation(Fields f) {
    return new LiquidationEvent(f.text("s"), f.decimal("p"), f.decimal("q"), optional(f.text("S"), Side::fromWire),
        f.micros("E"), f.micros("T"));
  }

  /** {@code markPrice.<symbol>}. */
  public static MarkPriceEvent markPrice(Fields f) {
    return new MarkPriceEvent(f.text("s"), f.decimal("p"), f.decimal("f"), f.decimal("i"), f.millis("n"),
        f.micros("E"), f.micros("T"));
  }

  /** {@code openInterest.<symbol>}. */
  public static OpenInterestEvent openInterest(Fields f) {
    return new OpenInterestEvent(f.text("s"), f.decimal("o"), f.micros("E"));
  }

  /** {@code ticker.<symbol>}. */
  public static TickerEvent ticker(Fields f) {
    return new TickerEvent(f.text("s"), f.decimal("o"), f.decimal("c"), f.decimal("h"), f.decimal("l"),
        f.decimal("v"), f.decimal("V"), f.longValue("n"), f.micros("E"));
  }

  /** {@code trade.<symbol>}. */
  public static TradeEvent trade(Fields f) {
    return new TradeEvent(f.text("s"), f.decimal("p"), f.decimal("q"), f.text("b"), f.text("a"),
        f.longValue("t"), f.bool("m"), f.micros("E"), f.micros("T"));
  }

  /** {@code account.orderUpdate[.<symbol>]}: one case per {@code e}, {@code Unknown} for the rest. */
  public static OrderUpdateEvent orderUpdate(Fields f) {
    OrderUpdate order = new OrderUpdate(f.text("s"), f.text("i"), f.longValue("c"), optional(f.text("S"), Side::fromWire),
        orderType(f.text("o")), optional(f.text("f"), TimeInForce::fromWire), f.decimal("q"), f.decimal("Q"),
        f.decimal("p"), f.decimal("P"), optional(f.text("B"), TriggerBy::fromWire), f.decimal("a"), f.decimal("b"),
        f.decimal("j"), f.decimal("k"), optional(f.text("d"), TriggerBy::fromWire),
        optional(f.text("g"), TriggerBy::fromWire), f.decimal("Y"), optional(f.text("X"), OrderStatus::fromWire),
        f.decimal("z"), f.decimal("Z"), optional(f.text("V"), SelfTradePrevention::fromWire),
        optional(f.text("O"), OrderUpdateOrigin::fromWire), f.text("I"), f.longValue("H"), f.bool("y"),
        f.micros("E"), f.micros("T"));
    String event = f.text("e");
    return switch (event == null ? "" : event) {
      case "orderAccepted" -> new OrderUpdateEvent.Accepted(order);
      case "orderCancelled" -> new OrderUpdateEvent.Cancelled(order);
      case "orderExpired" -> new OrderUpdateEvent.Expired(order, optional(f.text("R"), OrderExpiryReason::fromWire));
      case "orderFill" -> new OrderUpdateEvent.Filled(order, new OrderUpdateEvent.Fill(f.longValue("t"),
          f.decimal("l"), f.decimal("L"), f.bool("m"), f.decimal("n"), f.text("N")));
      case "orderModified" -> new OrderUpdateEvent.Modified(order);
      case "triggerPlaced" -> new OrderUpdateEvent.TriggerPlaced(order);
      case "triggerFailed" -> new OrderUpdateEvent.TriggerFailed(order);
      default -> new OrderUpdateEvent.Unknown(event, order);
    };
  }

  /** {@code account.positionUpdate[.<symbol>]}: no {@code e} is the snapshot sent on subscribe. */
  public static PositionUpdateEvent positionUpdate(Fields f) {
    PositionUpdate position = new PositionUpdate(f.text("s"), f.text("i"), f.decimal("b"), f.decimal("B"),
        f.decimal("f"), f.decimal("M"), f.decimal("m"), f.decimal("q"), f.decimal("Q"), f.decimal("n"),
        f.decimal("p"), f.decimal("P"), f.micros("E"), f.micros("T"));
    String event = f.text("e");
    if (event == null) {
      return new PositionUpdateEvent.Snapshot(position);
    }
    return switch (event) {
      case "positionOpened" -> new PositionUpdateEvent.Opened(position);
      case "positionAdjusted" -> new PositionUpdateEvent.Adjusted(position);
      case "positionClosed" -> new PositionUpdateEvent.Closed(position);
      default -> new PositionUpdateEvent.Unknown(event, position);
    };
  }

  /** {@code account.rfqUpdate[.<symbol>]}. */
  public static RfqUpdateEvent rfqUpdate(Fields f) {
    RfqUpdate rfq = new RfqUpdate(f.longValue("R"), f.longValue("u"), f.text("C"), f.text("s"),
        optional(f.text("S"), Side::fromWire), f.decimal("q"), f.decimal("Q"), f.decimal("p"), f.millis("w"),
        f.millis("W"), optional(f.text("X"), RfqStatus::fromWire), optional(f.text("o"), SystemOrderType::fromWire),
        f.micros("E"), f.micros("T"));
    String event = f.text("e");
    return switch (event == null ? "" : event) {
      case "rfqActive" -> new RfqUpdateEvent.RfqActive(rfq);
      case "rfqAccepted" -> new RfqUpdateEvent.RfqAccepted(rfq);
      case "rfqRefreshed" -> new RfqUpdateEvent.RfqRefreshed(rfq);
      case "rfqCancelled" -> new RfqUpdateEvent.RfqCancelled(rfq);
      case "rfqCandidate" -> new RfqUpdateEvent.RfqCandidate(rfq);
      case "rfqFilled" -> new RfqUpdateEvent.RfqFilled(rfq);
      case "quoteAccepted" -> new RfqUpdateEvent.QuoteAccepted(rfq);
      case "quoteCancelled" -> new RfqUpdateEvent.QuoteCancelled(rfq);
      default -> new RfqUpdateEvent.Unknown(event, rfq);
    };
  }

  /** The stream spells order types {@code LIMIT}/{@code MARKET}; REST (and {@link OrderType}) {@code Limit}. */
  static OrderType orderType(String wire) {
    if (wire == null) {
      return null;
    }
    for (OrderType type : OrderType.values()) {
      if (type != OrderType.UNKNOWN && type.wireValue().toUpperCase(Locale.ROOT).equals(wire.toUpperCase(Locale.ROOT))) {
        return type;
      }
    }
    return OrderType.UNKNOWN;
  }

  /** An absent field stays null rather than becoming {@code UNKNOWN}: UNKNOWN means "a value we do not know". */
  private static <T> T optional(String wire, java.util.function.Function<String, T> fromWire) {
    return wire == null ? null : fromWire.apply(wire);
  }
}
