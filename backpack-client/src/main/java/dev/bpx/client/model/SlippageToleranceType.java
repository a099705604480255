package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * How a market order's {@code slippageTolerance} is measured.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 4.1.
 */
public enum SlippageToleranceType implements WireEnum {
  /** In ticks. */
  @Json(name = "TickSize")
  TICK_SIZE("TickSize"),

  /** In percent. */
  @Json(name = "Percent")
  PERCENT("Percent"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, SlippageToleranceType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  SlippageToleranceType(String wire) {
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
   * @param wire the wire text, e.g. {@code "TickSize"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static SlippageToleranceType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
