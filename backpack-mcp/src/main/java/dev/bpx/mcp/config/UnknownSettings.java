package dev.bpx.mcp.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a {@code BACKPACK_*} variable the server does not know (a typo such as {@code BACKPACK_READONLY}),
 * suggesting the closest known name: a misspelt limit must stop the server, never go unnoticed.
 */
final class UnknownSettings {
  private UnknownSettings() {}

  /** @throws ConfigException naming the first unknown {@code BACKPACK_*} name among {@code names} */
  static void reject(Set<String> names, List<String> known) {
    for (String name : names) {
      if (name.startsWith("BACKPACK_") && !known.contains(name)) {
        String hint = closest(name, known).map(k -> " Did you mean " + k + "?").orElse("");
        throw new ConfigException(name, "unknown setting " + name + "." + hint
            + " Known settings: " + String.join(", ", known) + ". Remove or rename it; the server will not guess.", null, null);
      }
    }
  }

  private static Optional<String> closest(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= 4 ? Optional.of(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
