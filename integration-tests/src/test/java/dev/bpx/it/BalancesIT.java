package dev.bpx.it;

import static dev.bpx.it.Json.dec;
import static dev.bpx.it.Json.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Balance;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 5, balances: available and locked move with resting orders and back on cancel; staked
 * and lent appear (an asset that is only lent too); lend and redeem move funds between available
 * and lent; {@code showZeroBalances} adds zero rows without changing the documented counts
 * ({@code count}: assets with a non-zero total; {@code totalAssets}: every asset with a row).
 */
class BalancesIT {
  @RegisterExtension
  static final LiveExchange live = LiveExchange.withServer();

  @Test
  void startingPortfolioShowsAvailableStakedAndLentAsTheExchangeRecordsThem() {
    Map<String, Object> result = live.server().ok("get_balances", Map.of());
    Map<String, Object> balances = map(result, "balances");
    assertThat(balances).containsOnlyKeys("USDC", "SOL", "BTC");
    assertRow(balances, "USDC", "10000", "0", "0", "2000");
    assertRow(balances, "SOL", "20", "0", "10", "5");
    assertRow(balances, "BTC", "0.1", "0", "0", "0.05");
    assertThat(result).containsEntry("count", 3).containsEntry("totalAssets", 3);
    for (Balance own : live.exchange().balances().values()) {
      Map<String, Object> row = map(balances, own.asset());
      assertThat(dec(row, "available")).isEqualByComparingTo(own.available());
      assertThat(dec(row, "lent")).isEqualByComparingTo(own.lent());
      assertThat(dec(row, "total")).isEqualByComparingTo(own.total());
    }
  }

  @Test
  void restingOrdersMoveAvailableToLockedAndCancellingMovesItBack() {
    live.server().ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "2", "price", "100"));
    live.server().ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Ask", "orderType", "Limit", "quantity", "3", "price", "290"));

    Map<String, Object> balances = map(live.server().ok("get_balances", Map.of()), "balances");
    assertRow(balances, "USDC", "9800", "200", "0", "2000");
    assertRow(balances, "SOL", "17", "3", "10", "5");

    live.server().ok("cancel_all_orders", Map.of("symbol", "SOL_USDC"));
    balances = map(live.server().ok("get_balances", Map.of()), "balances");
    assertRow(balances, "USDC", "10000", "0", "0", "2000");
    assertRow(balances, "SOL", "20", "0", "10", "5");
  }

  @Test
  void lendAndRedeemMoveFundsBetweenAvailableAndLent() {
    assertThat(live.server().ok("lend", Map.of("asset", "USDC", "quantity", "100"))).containsEntry("success", true);
    assertRow(map(live.server().ok("get_balances", Map.of()), "balances"), "USDC", "9900", "0", "0", "2100");
    assertThat(live.server().ok("get_borrow_lend_positions", Map.of()).toString()).contains("USDC");

    live.server().ok("redeem", Map.of("asset", "USDC", "quantity", "600"));
    assertRow(map(live.server().ok("get_balances", Map.of()), "balances"), "USDC", "10500", "0", "0", "1500");
  }

  @Test
  void anAssetThatIsOnlyLentStillAppears() {
    live.server().ok("lend", Map.of("asset", "BTC", "quantity", "0.1"));
    Map<String, Object> result = live.server().ok("get_balances", Map.of("showZeroBalances", false));
    assertRow(map(result, "balances"), "BTC", "0", "0", "0", "0.15");
    assertThat(result).containsEntry("count", 3);
  }

  @Test
  void theExchangeDropsARowThatFallsToZero() {
    // Empty the BTC row: take the lent BTC back, then sell all of it (a seller pays the fee in USDC).
    live.server().ok("redeem", Map.of("asset", "BTC", "quantity", "0.05"));
    live.server().ok("create_order", Map.of("symbol", "BTC_USDC", "side", "Ask", "orderType", "Market", "quantity", "0.15"));
    assertThat(live.exchange().balances()).doesNotContainKey("BTC");

    Map<String, Object> withZero = live.server().ok("get_balances", Map.of("showZeroBalances", true));
    assertThat(map(withZero, "balances")).containsOnlyKeys("USDC", "SOL");
    assertThat(withZero).containsEntry("count", 2).containsEntry("totalAssets", 2);
  }

  /**
   * The paper exchange never lists a zero row, the real one may (an asset once held): the proxy adds
   * one to {@code /api/v1/capital} answers, as the live API would send it.
   */
  @Test
  void showZeroBalancesAddsZeroRowsAndTheCountsStayAsDocumented() {
    live.exchange().proxy.rewriteAnswers("/api/v1/capital",
        body -> body.replaceFirst("^\\{", "{\"ETH\":{\"available\":\"0\",\"locked\":\"0\",\"staked\":\"0\"},"));
    try {
      Map<String, Object> nonZero = live.server().ok("get_balances", Map.of());
      Map<String, Object> withZero = live.server().ok("get_balances", Map.of("showZeroBalances", true));

      assertThat(map(nonZero, "balances")).containsOnlyKeys("USDC", "SOL", "BTC");
      assertThat(map(withZero, "balances")).containsOnlyKeys("USDC", "SOL", "BTC", "ETH");
      assertRow(map(withZero, "balances"), "ETH", "0", "0", "0", "0");
      // count: assets with a non-zero total, whatever is shown; totalAssets: every row.
      assertThat(nonZero).containsEntry("count", 3).containsEntry("totalAssets", 4);
      assertThat(withZero).containsEntry("count", 3).containsEntry("totalAssets", 4);
    } finally {
      live.exchange().proxy.rewriteAnswers(null, null);
    }
  }

  private static void assertRow(Map<String, Object> balances, String asset, String available, String locked,
                                String staked, String lent) {
    Map<String, Object> row = map(balances, asset);
    assertThat(dec(row, "available")).as(asset + " available").isEqualByComparingTo(available);
    assertThat(dec(row, "locked")).as(asset + " locked").isEqualByComparingTo(locked);
    assertThat(dec(row, "staked")).as(asset + " staked").isEqualByComparingTo(staked);
    assertThat(dec(row, "lent")).as(asset + " lent").isEqualByComparingTo(lent);
    BigDecimal total = new BigDecimal(available).add(new BigDecimal(locked)).add(new BigDecimal(staked)).add(new BigDecimal(lent));
    assertThat(dec(row, "total")).as(asset + " total").isEqualByComparingTo(total);
  }
}
