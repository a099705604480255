package dev.bpx.paper.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.market.Holding;
import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The funds check of a spot market ask by quote quantity: the base it needs is what walking the bids it
 * would meet sells, best price first, the account's own bids left out. No market maker here, so the bids
 * are the test's own, inside the price band of SOL's last price (185); the seller holds 2 SOL.
 */
class SpotFundsCheckTest {
  private static final long T0 = 1_772_366_400_000L; // 2026-03-01T12:00:00Z
  private Engine engine;
  private Account bob;
  private Account carol;

  @BeforeEach
  void setUp() {
    Map<String, Holding> portfolio = Map.of("USDC", new Holding(new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO),
        "SOL", new Holding(new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.ZERO));
    engine = new Engine(new EngineConfig(5, T0, DefaultMarkets.assets(), DefaultMarkets.markets(), portfolio, 0));
    bob = engine.accounts().create("bob");
    carol = engine.accounts().create("carol");
    place(bob, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"200.00\",\"quantity\":\"1\"}");
    place(bob, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"2\"}");
  }

  private Order place(Account a, String json) {
    return engine.placeOrder(a, OrderRequest.parse(Json.parse(json)));
  }

  @Test
  void anAskWhoseWalkSellsWhatTheAccountHoldsIsAccepted() {
    // 300 USDC: 1 SOL at 200, then 1 of the 2 at 100 — exactly the 2 SOL held.
    Order ask = place(carol, "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quoteQuantity\":\"300\"}");

    assertThat(ask.executedQuantity()).isEqualByComparingTo("2");
  }

  @Test
  void anAskWhoseWalkSellsMoreIsRefusedAndTheAccountsOwnBidIsNoLiquidity() {
    // Counted, carol's own bid at 240 would make 400 USDC cost 1 + 0.8 SOL; past it the walk sells 1 + 2.
    place(carol, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"240.00\",\"quantity\":\"1\"}");

    assertThatThrownBy(() -> place(carol,
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quoteQuantity\":\"400\"}"))
        .isInstanceOf(ApiError.class).extracting("code").isEqualTo("INSUFFICIENT_FUNDS");
  }
}
