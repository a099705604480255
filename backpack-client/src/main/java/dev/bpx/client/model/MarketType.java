package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The kind of market. The live catalogue has mainly {@code SPOT} and {@code PERP}.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 5.
 */
public enum MarketType implements WireEnum {
  /** Spot market. */
  @Json(name = "SPOT")
  SPOT("SPOT"),

  /** Perpetual future. */
  @Json(name = "PERP")
  PERP("PERP"),

  /** Index perpetual. */
  @Json(name = "IPERP")
  IPERP("IPERP"),

  /** Dated future. */
  @Json(name = "DATED")
  DATED("DATED"),

  /** Prediction market. */
  @Json(name = "PREDICTION")
  PREDICTION("PREDICTION"),

  /** Request-for-quote market. */
  @Json(name = "RFQ")
  RFQ("RFQ"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, MarketType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  MarketType(String wire) {
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
   * @param wire the wire text, e.g. {@code "SPOT"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static MarketType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
