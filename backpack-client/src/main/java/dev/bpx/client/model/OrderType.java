package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The type of an order on REST: {@code Limit} or {@code Market} (the WebSocket stream spells them
 * {@code LIMIT}/{@code MARKET}, which this enum does not cover).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 4.1, 4.2.
 */
public enum OrderType implements WireEnum {
  /** Rests at a limit price. */
  @Json(name = "Limit")
  LIMIT("Limit"),

  /** Takes liquidity at the best available prices. */
  @Json(name = "Market")
  MARKET("Market"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, OrderType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  OrderType(String wire) {
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
   * @param wire the wire text, e.g. {@code "Limit"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static OrderType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
