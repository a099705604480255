package dev.bpx.paper.store;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stable hash of the engine's whole state (exchange-core's {@code stateHash} idea): SHA-256 of the
 * {@linkplain SnapshotWriter snapshot} (accounts, balances, positions, lending, open orders, the books
 * in time priority, maker quotes, triggers, trades, candles, funding, ids, the walk's step and
 * price), which lists everything in a fixed order and decimals with their exact scale. Two engines
 * with the same hash answer every read alike: the two replicas, a replayed engine and one restored
 * from a snapshot. Left out: the time of the last read inside the current walk step, which changes
 * nothing (every command runs at the time it was journaled with, and the step is in the hash).
 * Not thread-safe: hash an engine no one is changing.
 */
public final class StateHash {
  private StateHash() {}

  /** {@return the engine's state hash, 64 hex digits} */
  public static String of(Engine e) {
    Map<String, Object> state = new LinkedHashMap<>(SnapshotWriter.write(e));
    state.remove("now");
    if (e.config().upstream()) {
      // The markets traded and their filters are state too once the upstream's list can change.
      state.put("marketList", MarketListCodec.encode(e.tradedMarketList()));
    }
    byte[] text = new JsonWriter().raw(state).toString().getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e2) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e2);
    }
  }
}
