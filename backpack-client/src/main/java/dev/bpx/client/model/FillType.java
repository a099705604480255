package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * A filter for fill history: the user's own fills or the system's kinds.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 2.6.
 */
public enum FillType implements WireEnum {
  /** The user's own fills only. */
  @Json(name = "User")
  USER("User"),

  /** Wire value {@code "BookLiquidation"}. */
  @Json(name = "BookLiquidation")
  BOOK_LIQUIDATION("BookLiquidation"),

  /** Auto-deleveraging. */
  @Json(name = "Adl")
  ADL("Adl"),

  /** Wire value {@code "Backstop"}. */
  @Json(name = "Backstop")
  BACKSTOP("Backstop"),

  /** Wire value {@code "Liquidation"}. */
  @Json(name = "Liquidation")
  LIQUIDATION("Liquidation"),

  /** Wire value {@code "AllLiquidation"}. */
  @Json(name = "AllLiquidation")
  ALL_LIQUIDATION("AllLiquidation"),

  /** Wire value {@code "CollateralConversion"}. */
  @Json(name = "CollateralConversion")
  COLLATERAL_CONVERSION("CollateralConversion"),

  /** Wire value {@code "CollateralConversionAndSpotLiquidation"}. */
  @Json(name = "CollateralConversionAndSpotLiquidation")
  COLLATERAL_CONVERSION_AND_SPOT_LIQUIDATION("CollateralConversionAndSpotLiquidation"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, FillType> BY_WIRE = WireEnums.index(values());

  private final String wire;

  FillType(String wire) {
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
   * @param wire the wire text, e.g. {@code "User"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static FillType fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
