package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * Which open orders {@code DELETE /api/v1/orders} cancels ({@code CancelOrderTypeEnum} in the
 * spec).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.4, 3.
 */
public enum CancelOrderType implements WireEnum {
  /** Limit orders resting on the book. */
  @Json(name = "RestingLimitOrder")
  RESTING_LIMIT_ORDER("RestingLimitOrder"),

  /** Trigger (conditional) orders. */
  @Json(name = "ConditionalOrder")
  CONDITIONAL_ORDER("ConditionalOrder"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, CancelOrderType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  CancelOrderType(String wire) {
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
   * @param wire the wire text, e.g. {@code "RestingLimitOrder"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static CancelOrderType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
