package dev.bpx.paper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import dev.bpx.paper.command.OrderRequest;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.matching.Order;
import org.junit.jupiter.api.Test;

/**
 * Reads advance the engine's clock without being journaled, so the state a journal replays to must
 * not depend on when reads came: the ids a user was told must survive a restart.
 */
class ReadTimingTest {
  private static final long T0 = 1_772_366_400_000L;

  private static Engine engine() {
    Engine e = new Engine(new EngineConfig(5, T0, DefaultMarkets.assets(), DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20));
    e.advanceTo(T0);
    return e;
  }

  private static Order placeAt(Engine e, long time) {
    e.advanceTo(time);
    Account alice = e.accounts().create("alice");
    return e.placeOrder(alice, OrderRequest.parse(Json.parse(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\"}")));
  }

  @Test
  void anOrderGetsTheSameIdWhetherOrNotReadsAdvancedTheClockBeforeIt() {
    Engine live = engine();
    // A read each second: the walk moves and the maker requotes around each new price.
    for (long t = T0 + 1_000; t < T0 + 60_000; t += 1_000) {
      live.advanceTo(t);
    }
    Engine replayed = engine();

    Order told = placeAt(live, T0 + 60_000);
    Order replay = placeAt(replayed, T0 + 60_000);

    assertThat(replay.id()).isEqualTo(told.id());
  }
}
