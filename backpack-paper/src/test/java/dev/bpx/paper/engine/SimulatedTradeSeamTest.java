package dev.bpx.paper.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.DefaultMarkets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seam for the {@code trade.<symbol>} stream hears every simulated trade the engine records, in order. */
class SimulatedTradeSeamTest {
  private static final long T0 = Instant.parse("2026-03-01T10:30:00Z").toEpochMilli();

  @Test
  void theListenerHearsEachSimulatedTradeAsItIsRecorded() {
    Engine e = new Engine(new EngineConfig(5, T0, DefaultMarkets.assets(), DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20));
    List<String> heard = new ArrayList<>();
    List<Records.Trade> btc = new ArrayList<>();
    e.onSimulatedTrade((market, trade) -> {
      heard.add(market.symbol());
      if (market.symbol().equals("BTC_USDC_PERP")) {
        btc.add(trade);
      }
      // Recorded before the listener hears it: a reader sees it as soon as a stream does.
      assertThat(e.markets().get(market.symbol()).trades().peekFirst()).isSameAs(trade);
    });
    e.advanceTo(T0 + 120_000);
    assertThat(heard).containsOnly("BTC_USDC", "ETH_USDC", "SOL_USDC", "BTC_USDC_PERP", "ETH_USDC_PERP", "SOL_USDC_PERP");
    List<Records.Trade> recorded = new ArrayList<>(e.markets().get("BTC_USDC_PERP").trades().stream()
        .filter(t -> t.timestamp() > T0).toList());
    java.util.Collections.reverse(recorded);
    assertThat(btc).isNotEmpty().isEqualTo(recorded);
  }
}
