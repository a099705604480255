package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * Why an order expired, as reported in order history ({@code expiryReason}). Note the exchange's
 * own {@code "Unknown"} reason is {@link #UNKNOWN_REASON}, distinct from {@link #UNKNOWN}, which
 * means a value this SDK does not know.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 4.3.
 */
public enum OrderExpiryReason implements WireEnum {
  /** Wire value {@code "AccountTradingSuspended"}. */
  @Json(name = "AccountTradingSuspended")
  ACCOUNT_TRADING_SUSPENDED("AccountTradingSuspended"),

  /** Wire value {@code "BorrowRequiresLendRedeem"}. */
  @Json(name = "BorrowRequiresLendRedeem")
  BORROW_REQUIRES_LEND_REDEEM("BorrowRequiresLendRedeem"),

  /** Wire value {@code "FillOrKill"}. */
  @Json(name = "FillOrKill")
  FILL_OR_KILL("FillOrKill"),

  /** Wire value {@code "InsufficientBorrowableQuantity"}. */
  @Json(name = "InsufficientBorrowableQuantity")
  INSUFFICIENT_BORROWABLE_QUANTITY("InsufficientBorrowableQuantity"),

  /** Wire value {@code "InsufficientFunds"}. */
  @Json(name = "InsufficientFunds")
  INSUFFICIENT_FUNDS("InsufficientFunds"),

  /** Wire value {@code "InsufficientLiquidity"}. */
  @Json(name = "InsufficientLiquidity")
  INSUFFICIENT_LIQUIDITY("InsufficientLiquidity"),

  /** Wire value {@code "InvalidPrice"}. */
  @Json(name = "InvalidPrice")
  INVALID_PRICE("InvalidPrice"),

  /** Wire value {@code "InvalidQuantity"}. */
  @Json(name = "InvalidQuantity")
  INVALID_QUANTITY("InvalidQuantity"),

  /** Wire value {@code "ImmediateOrCancel"}. */
  @Json(name = "ImmediateOrCancel")
  IMMEDIATE_OR_CANCEL("ImmediateOrCancel"),

  /** Wire value {@code "InsufficientMargin"}. */
  @Json(name = "InsufficientMargin")
  INSUFFICIENT_MARGIN("InsufficientMargin"),

  /** Wire value {@code "Liquidation"}. */
  @Json(name = "Liquidation")
  LIQUIDATION("Liquidation"),

  /** Wire value {@code "NegativeEquity"}. */
  @Json(name = "NegativeEquity")
  NEGATIVE_EQUITY("NegativeEquity"),

  /** Wire value {@code "PostOnlyMode"}. */
  @Json(name = "PostOnlyMode")
  POST_ONLY_MODE("PostOnlyMode"),

  /** Wire value {@code "PostOnlyTaker"}. */
  @Json(name = "PostOnlyTaker")
  POST_ONLY_TAKER("PostOnlyTaker"),

  /** Wire value {@code "PriceOutOfBounds"}. */
  @Json(name = "PriceOutOfBounds")
  PRICE_OUT_OF_BOUNDS("PriceOutOfBounds"),

  /** Wire value {@code "ReduceOnlyNotReduced"}. */
  @Json(name = "ReduceOnlyNotReduced")
  REDUCE_ONLY_NOT_REDUCED("ReduceOnlyNotReduced"),

  /** Wire value {@code "SelfTradePrevention"}. */
  @Json(name = "SelfTradePrevention")
  SELF_TRADE_PREVENTION("SelfTradePrevention"),

  /** Wire value {@code "StopWithoutPosition"}. */
  @Json(name = "StopWithoutPosition")
  STOP_WITHOUT_POSITION("StopWithoutPosition"),

  /** Wire value {@code "PriceImpact"}. */
  @Json(name = "PriceImpact")
  PRICE_IMPACT("PriceImpact"),

  /** The exchange itself reports the reason as unknown (wire {@code "Unknown"}). */
  @Json(name = "Unknown")
  UNKNOWN_REASON("Unknown"),

  /** Wire value {@code "UserPermissions"}. */
  @Json(name = "UserPermissions")
  USER_PERMISSIONS("UserPermissions"),

  /** Wire value {@code "MaxStopOrdersPerPosition"}. */
  @Json(name = "MaxStopOrdersPerPosition")
  MAX_STOP_ORDERS_PER_POSITION("MaxStopOrdersPerPosition"),

  /** Wire value {@code "PositionLimit"}. */
  @Json(name = "PositionLimit")
  POSITION_LIMIT("PositionLimit"),

  /** Wire value {@code "SlippageToleranceExceeded"}. */
  @Json(name = "SlippageToleranceExceeded")
  SLIPPAGE_TOLERANCE_EXCEEDED("SlippageToleranceExceeded"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, OrderExpiryReason> BY_WIRE = WireEnums.index(values());

  private final String wire;

  OrderExpiryReason(String wire) {
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
   * @param wire the wire text, e.g. {@code "AccountTradingSuspended"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static OrderExpiryReason fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
