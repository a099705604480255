package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The side of a borrow-lend position or request.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.3, 3.
 */
public enum BorrowLendSide implements WireEnum {
  /** Borrowing (or redeeming a lend). */
  @Json(name = "Borrow")
  BORROW("Borrow"),

  /** Lending (or repaying a borrow). */
  @Json(name = "Lend")
  LEND("Lend"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, BorrowLendSide> BY_WIRE = WireEnums.index(values());

  private final String wire;

  BorrowLendSide(String wire) {
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
  public static BorrowLendSide fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
