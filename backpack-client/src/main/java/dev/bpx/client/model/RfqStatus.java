package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The status of an RFQ or quote ({@code X} on the {@code account.rfqUpdate} stream).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing. Thread-safe
 * (immutable). See {@code shared/backpack-asyncapi.yml}.
 */
public enum RfqStatus implements WireEnum {
  /** Open. */
  @Json(name = "New")
  NEW("New"),

  /** Cancelled. */
  @Json(name = "Cancelled")
  CANCELLED("Cancelled"),

  /** Filled. */
  @Json(name = "Filled")
  FILLED("Filled"),

  /** A value this SDK does not know; it has no wire spelling and is never sent. */
  UNKNOWN(null);

  private static final Map<String, RfqStatus> BY_WIRE = WireEnums.index(values());

  private final String wire;

  RfqStatus(String wire) {
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

  /** {@return the constant for {@code wire}, or {@link #UNKNOWN} for null or any text not listed} */
  public static RfqStatus fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
