package dev.bpx.paper.ws;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is subscribed to what: public streams by name, private streams by account and name. Thread-safe:
 * control frames change it on the server's threads while the engine reads it to publish.
 */
final class Subscribers {
  private final Map<String, Set<Connection>> byStream = new ConcurrentHashMap<>();
  /** What each connection holds, to undo it all when the connection closes. */
  private final Map<Connection, Set<String>> byConnection = new ConcurrentHashMap<>();

  /** Public streams are keyed by name; private ones by account and name, so accounts never mix. */
  static String key(String accountKey, String stream) {
    return accountKey == null ? stream : accountKey + ' ' + stream;
  }

  void add(Connection c, String key) {
    // Added inside compute, so a concurrent drop of the last subscriber cannot orphan the set.
    byStream.compute(key, (k, set) -> {
      Set<Connection> s = set == null ? ConcurrentHashMap.newKeySet() : set;
      s.add(c);
      return s;
    });
    byConnection.computeIfAbsent(c, k -> ConcurrentHashMap.newKeySet()).add(key);
  }

  /** Removes every subscription of {@code c} to {@code stream}, public or for any account. */
  void remove(Connection c, String stream) {
    Set<String> held = byConnection.get(c);
    if (held == null) {
      return;
    }
    for (String key : held) {
      if (key.equals(stream) || key.endsWith(' ' + stream)) {
        held.remove(key);
        drop(c, key);
      }
    }
  }

  void removeAll(Connection c) {
    Set<String> held = byConnection.remove(c);
    if (held != null) {
      held.forEach(key -> drop(c, key));
    }
  }

  /** {@return whether no connection is subscribed to anything} */
  boolean isEmpty() {
    return byStream.isEmpty();
  }

  /** {@return the connections subscribed under {@code key}, a live view: empty when none} */
  Set<Connection> get(String key) {
    Set<Connection> s = byStream.get(key);
    return s == null ? Set.of() : s;
  }

  private void drop(Connection c, String key) {
    byStream.computeIfPresent(key, (k, set) -> {
      set.remove(c);
      return set.isEmpty() ? null : set;
    });
  }
}
