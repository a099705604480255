package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The kind of order the system placed on the account's behalf (liquidations, conversions,
 * expiries).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 2.6.
 */
public enum SystemOrderType implements WireEnum {
  /** Wire value {@code "CollateralConversion"}. */
  @Json(name = "CollateralConversion")
  COLLATERAL_CONVERSION("CollateralConversion"),

  /** Wire value {@code "FutureExpiry"}. */
  @Json(name = "FutureExpiry")
  FUTURE_EXPIRY("FutureExpiry"),

  /** Wire value {@code "LiquidatePositionOnAdl"}. */
  @Json(name = "LiquidatePositionOnAdl")
  LIQUIDATE_POSITION_ON_ADL("LiquidatePositionOnAdl"),

  /** Wire value {@code "LiquidatePositionOnBook"}. */
  @Json(name = "LiquidatePositionOnBook")
  LIQUIDATE_POSITION_ON_BOOK("LiquidatePositionOnBook"),

  /** Wire value {@code "LiquidatePositionOnBackstop"}. */
  @Json(name = "LiquidatePositionOnBackstop")
  LIQUIDATE_POSITION_ON_BACKSTOP("LiquidatePositionOnBackstop"),

  /** Wire value {@code "OrderBookClosed"}. */
  @Json(name = "OrderBookClosed")
  ORDER_BOOK_CLOSED("OrderBookClosed"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, SystemOrderType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  SystemOrderType(String wire) {
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
   * {@return whether the system placed this order to liquidate a position: on the book, against the
   * backstop, or by auto-deleveraging}
   */
  public boolean isLiquidation() {
    return this == LIQUIDATE_POSITION_ON_BOOK || this == LIQUIDATE_POSITION_ON_BACKSTOP
        || this == LIQUIDATE_POSITION_ON_ADL;
  }

  /**
   * Looks up a constant by its exact wire spelling.
   *
   * @param wire the wire text, e.g. {@code "CollateralConversion"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static SystemOrderType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
