package dev.bpx.paper.feed;

import java.util.HashMap;
import java.util.Map;

/**
 * The update ids of upstream mode's merged book: REST {@code /depth}'s {@code lastUpdateId} and the {@code U}/{@code u}
 * of the streamed {@code depth} frames. The upstream's id {@code n} becomes {@code n * SCALE}; the frames this exchange
 * adds when its users' resting orders change a level take the ids after it ({@code n * SCALE + 1}, {@code + 2}, ...),
 * and an upstream frame {@code (U, u)} goes out as {@code ((U - 1) * SCALE + 1, u * SCALE)}. So a client that follows
 * the AsyncAPI rule (apply when {@code U <= id + 1 <= u}, skip when {@code u <= id}, a gap otherwise) applies our
 * frames between the upstream's, applies the upstream's next frame after them, and still sees a gap in the
 * upstream's chain as a gap. At most {@code SCALE - 1} frames of our own fit between two upstream updates; past
 * that, a change waits for the upstream's next report of the level (as before this numbering existed).
 *
 * <p>Thread-safe.
 */
public final class DepthIds {
  /** Ids per upstream update. */
  public static final long SCALE = 1000;

  /** Per symbol: the upstream's last id seen on the stream and how many own frames followed it. */
  private final Map<String, long[]> last = new HashMap<>();

  /** {@return REST's {@code lastUpdateId} for a book the mirror holds at the upstream's id {@code upstreamId}} */
  public synchronized long restId(String symbol, long upstreamId) {
    long[] l = last.get(symbol);
    return upstreamId * SCALE + (l != null && l[0] == upstreamId ? l[1] : 0);
  }

  /** An upstream depth frame passed on: {@return its ids {@code [U, u]} in our numbering} */
  synchronized long[] upstream(String symbol, long first, long lastId) {
    long[] l = last.get(symbol);
    if (l == null || lastId > l[0]) {
      last.put(symbol, new long[] {lastId, 0});
    }
    return new long[] {(first - 1) * SCALE + 1, lastId * SCALE};
  }

  /** {@return the id of a frame of our own on a symbol, or -1 when none is free or no upstream id is known yet} */
  synchronized long next(String symbol) {
    long[] l = last.get(symbol);
    if (l == null || l[1] >= SCALE - 1) {
      return -1;
    }
    l[1]++;
    return l[0] * SCALE + l[1];
  }

  /** {@return the id of the upstream's last frame on a symbol in our numbering, or -1 when none was seen} */
  synchronized long current(String symbol) {
    long[] l = last.get(symbol);
    return l == null ? -1 : l[0] * SCALE + l[1];
  }
}
