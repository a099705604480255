package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * What caused a settlement.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.6, 3.
 */
public enum SettlementSource implements WireEnum {
  /** Wire value {@code "TradingFees"}. */
  @Json(name = "TradingFees")
  TRADING_FEES("TradingFees"),

  /** Wire value {@code "TradingFeesSystem"}. */
  @Json(name = "TradingFeesSystem")
  TRADING_FEES_SYSTEM("TradingFeesSystem"),

  /** Wire value {@code "FundingPayment"}. */
  @Json(name = "FundingPayment")
  FUNDING_PAYMENT("FundingPayment"),

  /** Wire value {@code "CulledBorrowInterest"}. */
  @Json(name = "CulledBorrowInterest")
  CULLED_BORROW_INTEREST("CulledBorrowInterest"),

  /** Wire value {@code "CulledRealizePnlAuto"}. */
  @Json(name = "CulledRealizePnlAuto")
  CULLED_REALIZE_PNL_AUTO("CulledRealizePnlAuto"),

  /** Wire value {@code "CulledRealizePnlBookUtilisation"}. */
  @Json(name = "CulledRealizePnlBookUtilisation")
  CULLED_REALIZE_PNL_BOOK_UTILISATION("CulledRealizePnlBookUtilisation"),

  /** Wire value {@code "CulledRealizePnlAccountThreshold"}. */
  @Json(name = "CulledRealizePnlAccountThreshold")
  CULLED_REALIZE_PNL_ACCOUNT_THRESHOLD("CulledRealizePnlAccountThreshold"),

  /** Wire value {@code "CulledRealizePnlSystemThreshold"}. */
  @Json(name = "CulledRealizePnlSystemThreshold")
  CULLED_REALIZE_PNL_SYSTEM_THRESHOLD("CulledRealizePnlSystemThreshold"),

  /** Wire value {@code "RealizePnl"}. */
  @Json(name = "RealizePnl")
  REALIZE_PNL("RealizePnl"),

  /** Wire value {@code "BackstopProviderLiquidation"}. */
  @Json(name = "BackstopProviderLiquidation")
  BACKSTOP_PROVIDER_LIQUIDATION("BackstopProviderLiquidation"),

  /** Wire value {@code "BackstopAdlLiquidation"}. */
  @Json(name = "BackstopAdlLiquidation")
  BACKSTOP_ADL_LIQUIDATION("BackstopAdlLiquidation"),

  /** Wire value {@code "BackstopLiquidityFundProceeds"}. */
  @Json(name = "BackstopLiquidityFundProceeds")
  BACKSTOP_LIQUIDITY_FUND_PROCEEDS("BackstopLiquidityFundProceeds"),

  /** Wire value {@code "SystemLiabilityTransfer"}. */
  @Json(name = "SystemLiabilityTransfer")
  SYSTEM_LIABILITY_TRANSFER("SystemLiabilityTransfer"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, SettlementSource> BY_WIRE = WireEnums.index(values());

  private final String wire;

  SettlementSource(String wire) {
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
   * @param wire the wire text, e.g. {@code "TradingFees"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static SettlementSource fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
