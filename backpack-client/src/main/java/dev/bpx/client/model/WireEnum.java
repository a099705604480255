package dev.bpx.client.model;

/**
 * A Backpack enum whose constants have an exact wire spelling, so request code can write them into
 * query strings and JSON bodies without knowing each enum.
 *
 * <p>Every implementation ends with an {@code UNKNOWN} constant that decoding uses for values this
 * SDK does not know yet (Backpack adds values over time, {@code backpack-api.md} section 3);
 * {@code UNKNOWN} has no wire spelling and must never be sent. Each implementation also offers a
 * static {@code fromWire(String)} that maps any other text to {@code UNKNOWN}.
 *
 * <p>Implementations are enums: thread-safe.
 */
public interface WireEnum {

  /**
   * Returns the exact spelling Backpack uses on the wire, e.g. {@code "Bid"} or {@code "1month"}.
   *
   * @return the wire spelling, never null
   * @throws IllegalStateException for {@code UNKNOWN}, which has no wire spelling (request builders
   *     reject it before this point)
   */
  String wireValue();
}
