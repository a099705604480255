package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The reference price that fires a trigger, stop-loss or take-profit order.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 4.1.
 */
public enum TriggerBy implements WireEnum {
  /** The mark price. */
  @Json(name = "MarkPrice")
  MARK_PRICE("MarkPrice"),

  /** The last traded price. */
  @Json(name = "LastPrice")
  LAST_PRICE("LastPrice"),

  /** The index price. */
  @Json(name = "IndexPrice")
  INDEX_PRICE("IndexPrice"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, TriggerBy> BY_WIRE = WireEnums.index(values());

  private final String wire;

  TriggerBy(String wire) {
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
   * @param wire the wire text, e.g. {@code "MarkPrice"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static TriggerBy fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
