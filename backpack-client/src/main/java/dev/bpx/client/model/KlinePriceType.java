package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * Which price series klines are built from.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.1, 3.
 */
public enum KlinePriceType implements WireEnum {
  /** Last traded price (the default). */
  @Json(name = "Last")
  LAST("Last"),

  /** Index price. */
  @Json(name = "Index")
  INDEX("Index"),

  /** Mark price. */
  @Json(name = "Mark")
  MARK("Mark"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, KlinePriceType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  KlinePriceType(String wire) {
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
   * @param wire the wire text, e.g. {@code "Last"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static KlinePriceType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
