package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Order;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario: BACKPACK_CONFIRM_ORDERS through the built jar in live mode (its default, {@code always}) on a
 * test-owned exchange, under an official MCP client that answers the server's elicitation as the user would.
 * "Nothing sent" is read from the recording proxy in front of the exchange: no write request reached it.
 *
 * <p>Not thread-safe.
 */
abstract class OrderConfirmationSuite extends ServerSuite {
  private static final ElicitResult YES = new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true));
  private static final ElicitResult NO = new ElicitResult(ElicitResult.Action.DECLINE, null);

  /** Live mode with the default policy ({@code always}), 3 s to answer, under a client that answers elicitation. */
  @Override
  ServerUnderTest startServer(TestExchange exchange) {
    return ServerUnderTest.startConfirming(client(), environment(exchange), true);
  }

  private static Map<String, String> environment(TestExchange exchange) {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_CONFIRM_TIMEOUT_SECONDS", "3");
    return env;
  }

  @BeforeEach
  void freshAccount() {
    exchange.reset();
  }

  private static Map<String, Object> buy(long clientId) {
    return Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit", "quantity", "2", "price", "100",
        "clientId", clientId);
  }

  private List<Long> openClientIds() {
    return exchange.openOrders().stream().map(Order::clientId).toList();
  }

  @Test
  void theUserSeesTheSummaryAndTheirYesPlacesTheOrder() {
    int asked = server.confirmationsAsked().size();
    server.answerConfirmations(YES);

    Map<String, Object> created = server.ok("create_order", buy(7001));

    assertThat(created).containsEntry("success", true).containsEntry("mode", "live");
    assertThat(openClientIds()).containsExactly(7001L);
    List<String> summaries = server.confirmationsAsked();
    assertThat(summaries).hasSize(asked + 1);
    assertThat(summaries.get(asked)).contains("LIVE order, real funds", "Buy 2 SOL_USDC, limit 100",
        "Notional: 200 USDC", "Fee: ~", "clientId 7001");
  }

  @Test
  void theUsersNoPlacesNothingAndTheResultSaysSo() {
    int writes = exchange.proxy.writes().size();
    server.answerConfirmations(NO);

    String refused = server.error("create_order", buy(7002));

    assertThat(refused).contains("Not placed: the user declined the order", "Nothing was sent");
    assertThat(openClientIds()).isEmpty();
    assertThat(exchange.proxy.writes()).hasSize(writes);
  }

  @Test
  void noAnswerWithinTheTimeoutPlacesNothingAndALateYesIsIgnored() {
    int writes = exchange.proxy.writes().size();
    server.answerConfirmations(YES, Duration.ofSeconds(5));

    String refused = server.error("create_order", buy(7003));

    assertThat(refused).contains("the user did not confirm within 3 s", "Nothing was sent");
    // The yes arrives 2 s after the server gave up; the order must still never reach the exchange.
    server.answerConfirmations(NO);
    long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(exchange.proxy.writes()).hasSize(writes);
      server.assertStillAnswering();
    }
    assertThat(openClientIds()).isEmpty();
  }

  @Test
  void aClientWithoutElicitationIsToldWhichSettingAllowsOrdersWithoutConfirmation() {
    int writes = exchange.proxy.writes().size();
    try (ServerUnderTest plain = ServerUnderTest.startConfirming(client(), environment(exchange), false)) {
      String refused = plain.error("create_order", buy(7004));

      assertThat(refused).contains("does not support elicitation", "BACKPACK_CONFIRM_ORDERS=never", "above:<notional>");
    }
    assertThat(exchange.proxy.writes()).hasSize(writes);
    assertThat(openClientIds()).isEmpty();
  }
}
