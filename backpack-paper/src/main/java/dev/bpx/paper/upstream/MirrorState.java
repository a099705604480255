package dev.bpx.paper.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the mirror holds, shared by its readers, its REST reads ({@link RestReads}) and its stream frames
 * ({@link StreamFrames}): the markets in the upstream's order and the one lock that guards them and every field
 * of their {@link SymbolState}s.
 */
final class MirrorState {
  final Object lock = new Object();
  /** Filled once at open, in the upstream's order; the keys never change after. */
  final Map<String, SymbolState> states = new LinkedHashMap<>();
  /** Stream frames applied so far (see {@link SymbolState#markFrame}); guarded by the lock. */
  long framesApplied;

  /** {@return what {@code read} makes of a market's state (null for an unknown market), taken under the lock} */
  <T> T read(String symbol, Function<SymbolState, T> read) {
    synchronized (lock) {
      return read.apply(states.get(symbol));
    }
  }

  /** {@return the symbols of the markets} */
  List<String> symbols() {
    synchronized (lock) {
      return List.copyOf(states.keySet());
    }
  }

  /** {@return the stream frames applied so far: take it before a REST read, pass it to the apply} */
  long frameCount() {
    synchronized (lock) {
      return framesApplied;
    }
  }
}
