package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The trading state of a market's order book.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 5.
 */
public enum OrderBookState implements WireEnum {
  /** Open for all orders. */
  @Json(name = "Open")
  OPEN("Open"),

  /** Closed; depth answers 404. */
  @Json(name = "Closed")
  CLOSED("Closed"),

  /** Only cancels accepted. */
  @Json(name = "CancelOnly")
  CANCEL_ONLY("CancelOnly"),

  /** Only limit orders accepted. */
  @Json(name = "LimitOnly")
  LIMIT_ONLY("LimitOnly"),

  /** Only post-only orders accepted. */
  @Json(name = "PostOnly")
  POST_ONLY("PostOnly"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, OrderBookState> BY_WIRE = WireEnums.index(values());

  private final String wire;

  OrderBookState(String wire) {
    this.wire = wire;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException for {@link #UNKNOWN}
   */
  @Override
  public String wireValue() {
    return WireEnums.require(this, wire);
  }

  /**
   * Looks up a constant by its exact wire spelling.
   *
   * @param wire the wire text, e.g. {@code "Open"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static OrderBookState fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
