package dev.bpx.client.stream;

import dev.bpx.client.model.WireEnum;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The status of an RFQ or quote ({@code X} on {@code account.rfqUpdate}). Decoding maps any value this
 * SDK does not know to {@link #UNKNOWN}. Thread-safe (immutable).
 */
public enum RfqStatus implements WireEnum {
  /** Open. */
  NEW("New"),
  /** Cancelled. */
  CANCELLED("Cancelled"),
  /** Filled. */
  FILLED("Filled"),
  /** A value this SDK does not know; it has no wire spelling. */
  UNKNOWN(null);

  private static final Map<String, RfqStatus> BY_WIRE = Arrays.stream(values())
      .filter(v -> v.wire != null).collect(Collectors.toUnmodifiableMap(v -> v.wire, Function.identity()));

  private final String wire;

  RfqStatus(String wire) {
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
      throw new IllegalStateException("RfqStatus.UNKNOWN has no wire value");
    }
    return wire;
  }

  /** {@return the constant for {@code wire}, or {@link #UNKNOWN} for null or any text not listed} */
  public static RfqStatus fromWire(String wire) {
    return wire == null ? UNKNOWN : BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
