package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The order of history results.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.6, 3.
 */
public enum SortDirection implements WireEnum {
  /** Oldest first. */
  @Json(name = "Asc")
  ASC("Asc"),

  /** Newest first. */
  @Json(name = "Desc")
  DESC("Desc"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, SortDirection> BY_WIRE = WireEnums.index(values());

  private final String wire;

  SortDirection(String wire) {
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
   * @param wire the wire text, e.g. {@code "Asc"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static SortDirection fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
