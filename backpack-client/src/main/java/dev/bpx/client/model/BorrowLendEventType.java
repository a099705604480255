package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The kind of a borrow-lend history movement.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.6, 3.
 */
public enum BorrowLendEventType implements WireEnum {
  /** Wire value {@code "Borrow"}. */
  @Json(name = "Borrow")
  BORROW("Borrow"),

  /** Wire value {@code "BorrowRepay"}. */
  @Json(name = "BorrowRepay")
  BORROW_REPAY("BorrowRepay"),

  /** Wire value {@code "Lend"}. */
  @Json(name = "Lend")
  LEND("Lend"),

  /** Wire value {@code "LendRedeem"}. */
  @Json(name = "LendRedeem")
  LEND_REDEEM("LendRedeem"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, BorrowLendEventType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  BorrowLendEventType(String wire) {
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
   * @param wire the wire text, e.g. {@code "Borrow"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static BorrowLendEventType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
