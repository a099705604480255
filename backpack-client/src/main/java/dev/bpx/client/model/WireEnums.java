package dev.bpx.client.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Lookup tables shared by the wire enums of this package. Thread-safe (stateless). */
final class WireEnums {

  private WireEnums() {}

  /**
   * Indexes constants by wire spelling, skipping {@code UNKNOWN}. A {@link HashMap} (not {@code
   * Map.copyOf}) so that {@code getOrDefault(null, UNKNOWN)} works instead of throwing.
   */
  static <E extends Enum<E> & WireEnum> Map<String, E> index(E[] values) {
    Map<String, E> byWire = new HashMap<>();
    for (E value : values) {
      if (!"UNKNOWN".equals(value.name())) {
        byWire.put(value.wireValue(), value);
      }
    }
    return Collections.unmodifiableMap(byWire);
  }

  static String require(Enum<?> constant, String wire) {
    if (wire == null) {
      throw new IllegalStateException(
          constant.getDeclaringClass().getSimpleName()
              + ".UNKNOWN has no wire value; it stands for a value this SDK does not know"
              + " and must not be sent to Backpack");
    }
    return wire;
  }
}
