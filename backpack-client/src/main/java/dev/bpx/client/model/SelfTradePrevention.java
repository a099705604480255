package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * What the matching engine does when an order would trade against the same account. The default is
 * {@code RejectTaker}. (The Rust client also knows {@code Allow}, which the official spec does not
 * list; it decodes as {@link #UNKNOWN}.)
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 4.1.
 */
public enum SelfTradePrevention implements WireEnum {
  /** Reject the incoming (taker) order; the default. */
  @Json(name = "RejectTaker")
  REJECT_TAKER("RejectTaker"),

  /** Cancel the resting (maker) order. */
  @Json(name = "RejectMaker")
  REJECT_MAKER("RejectMaker"),

  /** Reject both orders. */
  @Json(name = "RejectBoth")
  REJECT_BOTH("RejectBoth"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, SelfTradePrevention> BY_WIRE = WireEnums.index(values());

  private final String wire;

  SelfTradePrevention(String wire) {
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
   * @param wire the wire text, e.g. {@code "RejectTaker"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static SelfTradePrevention fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
