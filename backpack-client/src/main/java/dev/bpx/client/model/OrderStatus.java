package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The lifecycle state of an order. {@code Triggered} is not in the official spec but appears in the
 * official Rust client, so it is accepted too.
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 3, 10.
 */
public enum OrderStatus implements WireEnum {
  /** Cancelled by the user or the system. */
  @Json(name = "Cancelled")
  CANCELLED("Cancelled"),

  /** Expired, e.g. IOC/FOK remainder or post-only taker; see {@link OrderExpiryReason}. */
  @Json(name = "Expired")
  EXPIRED("Expired"),

  /** Completely filled. */
  @Json(name = "Filled")
  FILLED("Filled"),

  /** Resting on the book, nothing filled. */
  @Json(name = "New")
  NEW("New"),

  /** Resting on the book, partly filled. */
  @Json(name = "PartiallyFilled")
  PARTIALLY_FILLED("PartiallyFilled"),

  /** A trigger (conditional) order waiting for its trigger price. */
  @Json(name = "TriggerPending")
  TRIGGER_PENDING("TriggerPending"),

  /** A trigger order whose trigger could not be executed. */
  @Json(name = "TriggerFailed")
  TRIGGER_FAILED("TriggerFailed"),

  /** A trigger order that has fired (official Rust client only; not in the spec). */
  @Json(name = "Triggered")
  TRIGGERED("Triggered"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, OrderStatus> BY_WIRE = WireEnums.index(values());

  private final String wire;

  OrderStatus(String wire) {
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
   * @param wire the wire text, e.g. {@code "Cancelled"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static OrderStatus fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
