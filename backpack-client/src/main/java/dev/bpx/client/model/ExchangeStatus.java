package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The exchange's system status ({@code GET /api/v1/status}).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.1, 3.
 */
public enum ExchangeStatus implements WireEnum {
  /** Operating normally. */
  @Json(name = "Ok")
  OK("Ok"),

  /** Under maintenance. */
  @Json(name = "Maintenance")
  MAINTENANCE("Maintenance"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, ExchangeStatus> BY_WIRE = WireEnums.index(values());

  private final String wire;

  ExchangeStatus(String wire) {
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
   * @param wire the wire text, e.g. {@code "Ok"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static ExchangeStatus fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
