package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * What caused an order update ({@code O} on the {@code account.orderUpdate} stream).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing. Thread-safe
 * (immutable). See {@code shared/backpack-asyncapi.yml}.
 */
public enum OrderUpdateOrigin implements WireEnum {
  /** The account's own request. */
  @Json(name = "USER")
  USER("USER"),

  /** Closed by a liquidation. */
  @Json(name = "LIQUIDATION_AUTOCLOSE")
  LIQUIDATION_AUTOCLOSE("LIQUIDATION_AUTOCLOSE"),

  /** Closed by auto-deleveraging. */
  @Json(name = "ADL_AUTOCLOSE")
  ADL_AUTOCLOSE("ADL_AUTOCLOSE"),

  /** A collateral conversion. */
  @Json(name = "COLLATERAL_CONVERSION")
  COLLATERAL_CONVERSION("COLLATERAL_CONVERSION"),

  /** Closed at settlement. */
  @Json(name = "SETTLEMENT_AUTOCLOSE")
  SETTLEMENT_AUTOCLOSE("SETTLEMENT_AUTOCLOSE"),

  /** The backstop liquidity provider. */
  @Json(name = "BACKSTOP_LIQUIDITY_PROVIDER")
  BACKSTOP_LIQUIDITY_PROVIDER("BACKSTOP_LIQUIDITY_PROVIDER"),

  /** A value this SDK does not know; it has no wire spelling and is never sent. */
  UNKNOWN(null);

  private static final Map<String, OrderUpdateOrigin> BY_WIRE = WireEnums.index(values());

  private final String wire;

  OrderUpdateOrigin(String wire) {
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
  public static OrderUpdateOrigin fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
