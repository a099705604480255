package dev.bpx.it;

import static dev.bpx.it.Json.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario: the emergency stop through the built jar, live on a paper exchange. From a mixed book (resting
 * limit orders on spot and perp, a trigger order, a position with take-profit and stop-loss orders, a long
 * and a short), the {@code emergency_stop} tool leaves no open order and no position, as the exchange
 * itself reports; a second call has nothing to do. The terminal command {@code emergency-stop} of the
 * same jar does the same for the human and exits 0.
 */
abstract class EmergencyStopSuite extends ServerSuite {
  @BeforeEach
  void freshAccount() {
    exchange.reset();
    exchange.setPrice("SOL_USDC", "150");
    exchange.setPrice("SOL_USDC_PERP", "150");
    exchange.setPrice("BTC_USDC_PERP", "60000");
  }

  /** Five open orders (two resting, one trigger, a take-profit and a stop-loss) and two positions. */
  private void mixedBook() {
    server.ok("create_order", order("SOL_USDC", "Bid", "Limit", "1", "100.00"));
    server.ok("create_order", order("SOL_USDC_PERP", "Ask", "Limit", "1", "200.00"));
    Map<String, Object> withExits = order("SOL_USDC_PERP", "Bid", "Market", "2", null);
    withExits.put("takeProfitTriggerPrice", "170.00");
    withExits.put("stopLossTriggerPrice", "140.00");
    server.ok("create_order", withExits);
    server.ok("create_order", order("BTC_USDC_PERP", "Ask", "Market", "0.01", null));
    // create_order has no plain trigger order; the account's own client places one.
    exchange.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, new BigDecimal("1"))
        .triggerPrice(new BigDecimal("155.00")).triggerQuantity(new BigDecimal("1")).build());
    assertThat(exchange.openOrders()).hasSize(5);
    assertThat(openPositions()).extracting(Position::symbol).containsExactlyInAnyOrder("SOL_USDC_PERP", "BTC_USDC_PERP");
  }

  @Test
  void theToolLeavesNoOpenOrderAndNoPositionAndASecondCallHasNothingToDo() {
    mixedBook();

    Map<String, Object> first = server.ok("emergency_stop", Map.of());

    assertThat(list(first, "cancelled")).hasSize(5);
    assertThat(list(first, "closed")).extracting(o -> o.get("symbol"))
        .containsExactlyInAnyOrder("SOL_USDC_PERP", "BTC_USDC_PERP");
    assertThat(list(first, "closed")).allSatisfy(o -> assertThat(o).containsEntry("reduceOnly", true));
    assertThat(list(first, "failures")).isEmpty();
    assertThat(first).containsEntry("nothingToDo", false).containsEntry("mode", "live");
    assertThat(exchange.openOrders()).isEmpty();
    assertThat(openPositions()).isEmpty();

    Map<String, Object> second = server.ok("emergency_stop", Map.of());
    assertThat(second).containsEntry("nothingToDo", true);
    assertThat(list(second, "cancelled")).isEmpty();
    assertThat(list(second, "closed")).isEmpty();
  }

  @Test
  void theTerminalCommandOfTheSameJarStopsEverythingAndExitsZeroThenHasNothingToDo() throws Exception {
    mixedBook();

    JarCommand.Run first = emergencyStopCommand();
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).startsWith("Emergency stop: cancelled 5 order(s), closed 2 position(s), 0 failure(s).");
    assertThat(first.stdout() + first.stderr()).doesNotContain(exchange.privateKey());
    assertThat(exchange.openOrders()).isEmpty();
    assertThat(openPositions()).isEmpty();

    JarCommand.Run second = emergencyStopCommand();
    assertThat(second.exitCode()).isZero();
    assertThat(second.stdout()).isEqualTo("Emergency stop: nothing to do; no open orders and no open positions.\n");
    assertThat(server.ok("emergency_stop", Map.of())).containsEntry("nothingToDo", true);
  }

  private List<Position> openPositions() {
    return exchange.client.account().listPositions().stream().filter(p -> p.netQuantity().signum() != 0).toList();
  }

  private static Map<String, Object> order(String symbol, String side, String type, String quantity, String price) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("symbol", symbol);
    args.put("side", side);
    args.put("orderType", type);
    args.put("quantity", quantity);
    if (price != null) {
      args.put("price", price);
    }
    return args;
  }

  /** Runs {@code emergency-stop} of the built jar with the server's settings, as a user would. */
  private JarCommand.Run emergencyStopCommand() throws Exception {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_DATA_DIR", Files.createTempDirectory("bpx-it-estop").resolve("data").toString());
    return JarCommand.run(env, "emergency-stop");
  }
}
