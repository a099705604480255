package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * A filter for interest history: interest on unrealized PnL or on borrow-lend positions.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.6, 3.
 */
public enum InterestPaymentSource implements WireEnum {
  /** Wire value {@code "UnrealizedPnl"}. */
  @Json(name = "UnrealizedPnl")
  UNREALIZED_PNL("UnrealizedPnl"),

  /** Wire value {@code "BorrowLend"}. */
  @Json(name = "BorrowLend")
  BORROW_LEND("BorrowLend"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, InterestPaymentSource> BY_WIRE = WireEnums.index(values());

  private final String wire;

  InterestPaymentSource(String wire) {
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
   * @param wire the wire text, e.g. {@code "UnrealizedPnl"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static InterestPaymentSource fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
