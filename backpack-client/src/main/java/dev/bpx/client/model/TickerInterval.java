package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The window a ticker summarises.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.1, 3.
 */
public enum TickerInterval implements WireEnum {
  /** One day. */
  @Json(name = "1d")
  ONE_DAY("1d"),

  /** One week. */
  @Json(name = "1w")
  ONE_WEEK("1w"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, TickerInterval> BY_WIRE = WireEnums.index(values());

  private final String wire;

  TickerInterval(String wire) {
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
   * @param wire the wire text, e.g. {@code "1d"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static TickerInterval fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
