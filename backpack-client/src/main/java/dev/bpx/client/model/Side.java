package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The side of an order or fill: {@code Bid} buys, {@code Ask} sells.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 4.1.
 */
public enum Side implements WireEnum {
  /** A buy. */
  @Json(name = "Bid")
  BID("Bid"),

  /** A sell. */
  @Json(name = "Ask")
  ASK("Ask"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, Side> BY_WIRE = WireEnums.index(values());

  private final String wire;

  Side(String wire) {
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
   * @param wire the wire text, e.g. {@code "Bid"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static Side fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
