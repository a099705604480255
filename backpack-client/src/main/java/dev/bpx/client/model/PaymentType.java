package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The kind of an interest payment.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.6, 3.
 */
public enum PaymentType implements WireEnum {
  /** Wire value {@code "EntryFee"}. */
  @Json(name = "EntryFee")
  ENTRY_FEE("EntryFee"),

  /** Wire value {@code "Borrow"}. */
  @Json(name = "Borrow")
  BORROW("Borrow"),

  /** Wire value {@code "Lend"}. */
  @Json(name = "Lend")
  LEND("Lend"),

  /** Wire value {@code "UnrealizedPositivePnl"}. */
  @Json(name = "UnrealizedPositivePnl")
  UNREALIZED_POSITIVE_PNL("UnrealizedPositivePnl"),

  /** Wire value {@code "UnrealizedNegativePnl"}. */
  @Json(name = "UnrealizedNegativePnl")
  UNREALIZED_NEGATIVE_PNL("UnrealizedNegativePnl"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, PaymentType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  PaymentType(String wire) {
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
   * @param wire the wire text, e.g. {@code "EntryFee"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static PaymentType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
