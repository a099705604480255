package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.CommandParser;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.market.DefaultMarkets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One state, one hash: the two read replicas, a replayed engine and a snapshot-restored engine. */
class StateHashTest {
  private static final long T0 = Instant.parse("2026-03-01T10:30:00Z").toEpochMilli();
  private static final EngineConfig CONFIG = new EngineConfig(3, T0, DefaultMarkets.assets(), DefaultMarkets.markets(),
      PaperExchange.Builder.defaultPortfolio(), 20);
  private static final List<String> ORDERS = List.of(
      "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.5\"}",
      "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"%s\",\"quantity\":\"0.3\"}",
      "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"2\"}",
      "{\"symbol\":\"BTC_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"%s\",\"quantity\":\"0.001\"}",
      "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"90000\"}");

  @TempDir
  Path dir;

  private static JournaledEngine open(Path state) {
    return new JournaledEngine(CONFIG, state == null ? null : Journal.open(state, new Journal.Header(3, T0), false));
  }

  /** Four writers and their reads at once, orders that rest, fill, move time and are refused. */
  private static void trade(JournaledEngine store) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      String key = "user" + k;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 40; i++) {
          long time = T0 + i * 700L;
          // Inside the price bands (SOL near 185, BTC near 97 500): SOL asks that take and that rest, BTC bids that rest.
          String price = i % ORDERS.size() == 3 ? String.valueOf((i % 2 == 0 ? 90_000 : 60_000) + i) + ".0"
              : String.valueOf((i % 2 == 0 ? 150 : 200) + i) + ".00";
          String json = ORDERS.get(i % ORDERS.size()).formatted(price);
          try {
            store.submit(new TimedCommand(time, CommandParser.order(key, Json.parse(json))));
          } catch (ApiError refused) {
            // refusals are journaled with their code and replayed too
          }
          store.read(time, key, e -> e.account(key).available("USDC"));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    store.submit(new TimedCommand(T0 + 90_000, new Command.SetPrice("SOL_USDC", new BigDecimal("140.00"))));
  }

  @Test
  void theReplicasAReplayedEngineAndASnapshotRestoredEngineHaveTheSameStateHash() throws Exception {
    Path state = dir.resolve("hash.journal");
    List<String> live;
    try (JournaledEngine store = open(state)) {
      trade(store);
      live = store.stateHashes();
    }
    assertThat(live.get(1)).isEqualTo(live.get(0)).hasSize(64);
    assertThat(Files.readString(state)).contains("\"Filled\"", "\"New\"", "{\"err\":\"INSUFFICIENT_FUNDS\"}");

    try (JournaledEngine replayed = open(state)) {
      assertThat(replayed.stateHashes()).containsExactly(live.get(0), live.get(0));
      replayed.compact(0);
    }
    assertThat(Files.readAllLines(state)).hasSize(2).last().asString().startsWith("{\"c\":\"snapshot\"");

    try (JournaledEngine restored = open(state)) {
      assertThat(restored.stateHashes()).containsExactly(live.get(0), live.get(0));
    }
  }

  @Test
  void anyChangeOfStateChangesTheHashEvenTheScaleOfAnAmount() {
    String start;
    String funded;
    String fundedWithScale;
    try (JournaledEngine store = open(null)) {
      store.submit(new TimedCommand(T0, new Command.CreateAccount("alice")));
      start = store.stateHashes().get(0);
      store.submit(new TimedCommand(T0, new Command.Fund("alice", "USDC", new BigDecimal("1"))));
      funded = store.stateHashes().get(0);
    }
    try (JournaledEngine store = open(null)) {
      store.submit(new TimedCommand(T0, new Command.CreateAccount("alice")));
      assertThat(store.stateHashes().get(0)).isEqualTo(start);
      store.submit(new TimedCommand(T0, new Command.Fund("alice", "USDC", new BigDecimal("1.0"))));
      fundedWithScale = store.stateHashes().get(0);
    }
    assertThat(funded).isNotEqualTo(start);
    assertThat(fundedWithScale).isNotEqualTo(funded).isNotEqualTo(start);
  }
}
