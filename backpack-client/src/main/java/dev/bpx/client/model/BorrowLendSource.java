package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * What caused a borrow-lend movement or opened a borrow-lend position.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.6, 3.
 */
public enum BorrowLendSource implements WireEnum {
  /** Wire value {@code "AdlProvider"}. */
  @Json(name = "AdlProvider")
  ADL_PROVIDER("AdlProvider"),

  /** Wire value {@code "AutoBorrowRepay"}. */
  @Json(name = "AutoBorrowRepay")
  AUTO_BORROW_REPAY("AutoBorrowRepay"),

  /** Wire value {@code "AutoLend"}. */
  @Json(name = "AutoLend")
  AUTO_LEND("AutoLend"),

  /** Wire value {@code "BackstopProvider"}. */
  @Json(name = "BackstopProvider")
  BACKSTOP_PROVIDER("BackstopProvider"),

  /** Wire value {@code "DustConversion"}. */
  @Json(name = "DustConversion")
  DUST_CONVERSION("DustConversion"),

  /** Wire value {@code "Interest"}. */
  @Json(name = "Interest")
  INTEREST("Interest"),

  /** Wire value {@code "Liquidation"}. */
  @Json(name = "Liquidation")
  LIQUIDATION("Liquidation"),

  /** Wire value {@code "LiquidationAdl"}. */
  @Json(name = "LiquidationAdl")
  LIQUIDATION_ADL("LiquidationAdl"),

  /** Wire value {@code "LiquidationBackstop"}. */
  @Json(name = "LiquidationBackstop")
  LIQUIDATION_BACKSTOP("LiquidationBackstop"),

  /** Wire value {@code "Manual"}. */
  @Json(name = "Manual")
  MANUAL("Manual"),

  /** Wire value {@code "Reconciliation"}. */
  @Json(name = "Reconciliation")
  RECONCILIATION("Reconciliation"),

  /** Wire value {@code "Rfq"}. */
  @Json(name = "Rfq")
  RFQ("Rfq"),

  /** Wire value {@code "SpotMargin"}. */
  @Json(name = "SpotMargin")
  SPOT_MARGIN("SpotMargin"),

  /** Wire value {@code "Withdrawal"}. */
  @Json(name = "Withdrawal")
  WITHDRAWAL("Withdrawal"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, BorrowLendSource> BY_WIRE = WireEnums.index(values());

  private final String wire;

  BorrowLendSource(String wire) {
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
   * @param wire the wire text, e.g. {@code "AdlProvider"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static BorrowLendSource fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
