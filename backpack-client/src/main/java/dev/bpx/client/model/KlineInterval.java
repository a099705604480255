package dev.bpx.client.model;

import com.squareup.moshi.Json;
import java.util.Map;

/**
 * The width of one kline (candle). Wire spellings are lowercase ({@code 1h}, {@code 1d}, {@code
 * 1month}).
 *
 * <p>Decoding maps any value this SDK does not know to {@link #UNKNOWN} instead of failing;
 * {@link #wireValue()} gives the exact wire spelling for requests. Thread-safe (immutable). See
 * {@code backpack-api.md} sections 2.1, 3.
 */
public enum KlineInterval implements WireEnum {
  /** One second. */
  @Json(name = "1s")
  ONE_SECOND("1s"),

  /** One minute. */
  @Json(name = "1m")
  ONE_MINUTE("1m"),

  /** Three minutes. */
  @Json(name = "3m")
  THREE_MINUTES("3m"),

  /** Five minutes. */
  @Json(name = "5m")
  FIVE_MINUTES("5m"),

  /** Fifteen minutes. */
  @Json(name = "15m")
  FIFTEEN_MINUTES("15m"),

  /** Thirty minutes. */
  @Json(name = "30m")
  THIRTY_MINUTES("30m"),

  /** One hour. */
  @Json(name = "1h")
  ONE_HOUR("1h"),

  /** Two hours. */
  @Json(name = "2h")
  TWO_HOURS("2h"),

  /** Four hours. */
  @Json(name = "4h")
  FOUR_HOURS("4h"),

  /** Six hours. */
  @Json(name = "6h")
  SIX_HOURS("6h"),

  /** Eight hours. */
  @Json(name = "8h")
  EIGHT_HOURS("8h"),

  /** Twelve hours. */
  @Json(name = "12h")
  TWELVE_HOURS("12h"),

  /** One day. */
  @Json(name = "1d")
  ONE_DAY("1d"),

  /** Three days. */
  @Json(name = "3d")
  THREE_DAYS("3d"),

  /** One week. */
  @Json(name = "1w")
  ONE_WEEK("1w"),

  /** One calendar month. */
  @Json(name = "1month")
  ONE_MONTH("1month"),

  /**
   * A value this SDK does not know (Backpack added it later); it has no wire spelling and is never
   * sent: {@link #wireValue()} throws for it.
   */
  UNKNOWN(null);

  private static final Map<String, KlineInterval> BY_WIRE = WireEnums.index(values());

  private final String wire;

  KlineInterval(String wire) {
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
   * @param wire the wire text, e.g. {@code "1s"}; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or any text not listed
   */
  public static KlineInterval fromWire(String wire) {
    return BY_WIRE.getOrDefault(wire, UNKNOWN);
  }
}
