package dev.bpx.client.stream;

import dev.bpx.client.model.WireEnum;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What caused an order update ({@code O} on {@code account.orderUpdate}). Decoding maps any value this
 * SDK does not know to {@link #UNKNOWN}. Thread-safe (immutable).
 */
public enum OrderUpdateOrigin implements WireEnum {
  /** The account's own request. */
  USER("USER"),
  /** Closed by a liquidation. */
  LIQUIDATION_AUTOCLOSE("LIQUIDATION_AUTOCLOSE"),
  /** Closed by auto-deleveraging. */
  ADL_AUTOCLOSE("ADL_AUTOCLOSE"),
  /** A collateral conversion. */
  COLLATERAL_CONVERSION("COLLATERAL_CONVERSION"),
  /** Closed at settlement. */
  SETTLEMENT_AUTOCLOSE("SETTLEMENT_AUTOCLOSE"),
  /** The backstop liquidity provider. */
  BACKSTOP_LIQUIDITY_PROVIDER("BACKSTOP_LIQUIDITY_PROVIDER"),
  /** A value this SDK does not know; it has no wire spelling. */
  UNKNOWN(null);

  private static final Map<String, OrderUpdateOrigin> BY_WIRE = Arrays.stream(values())
      .filter(v -> v.wire != null).collect(Collectors.toUnmodifiableMap(v -> v.wire, Function.identity()));

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
    if (wire == null) {
      throw new IllegalStateException("OrderUpdateOrigin.UNKNOWN has no wire value");
    }
    return wire;
  }

  /** {@return the constant for {@code wire}, or {@link #UNKNOWN} for null or any text not listed} */
  public static OrderUpdateOrigin fromWire(String wire) {
    return wire == null ? UNKNOWN : BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
