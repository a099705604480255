package dev.bpx.client.model;

import java.util.ArrayList;
import java.util.List;

/** The list normalisation every record's compact constructor uses. Thread-safe (stateless). */
final class ModelLists {

  private ModelLists() {}

  /**
   * Returns an unmodifiable copy: {@code null} becomes an empty list and {@code null} elements
   * (e.g. a stray {@code null} inside a wire array) are dropped. Unlike a bare {@link
   * List#copyOf}, this never throws, which matters because Moshi turns an exception thrown from a
   * record constructor into an {@link AssertionError}.
   */
  static <T> List<T> copyOf(List<T> list) {
    if (list == null) {
      return List.of();
    }
    List<T> nonNull = new ArrayList<>(list.size());
    for (T item : list) {
      if (item != null) {
        nonNull.add(item);
      }
    }
    return List.copyOf(nonNull);
  }
}
