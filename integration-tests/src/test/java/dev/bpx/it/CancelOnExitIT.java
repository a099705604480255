package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BACKPACK_CANCEL_ON_EXIT=true} on the built jar, driven by hand so that every stdout byte is kept:
 * the session ends by stdin EOF (the host closing) or by SIGTERM (what {@link Process#destroy()} sends: a
 * host that ends the server without closing stdin); either way the open orders are gone on the exchange, the process
 * exits, the log (stderr) says what was cancelled, and stdout carried nothing but JSON-RPC. In live mode it
 * also cancels orders an earlier session left when no tool reached the exchange in this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancelOnExitIT {
  private static final Duration ANSWER = Duration.ofSeconds(60);
  private static final Duration EXIT = Duration.ofSeconds(20);

  @TempDir Path temp;
  @RegisterExtension
  static final LiveExchange live = LiveExchange.exchangeOnly();

  @BeforeEach
  void startingPrices() {
    live.exchange().setPrice("SOL_USDC", "150");
    live.exchange().setPrice("SOL_USDC_PERP", "150");
  }

  private RawServer start() throws Exception {
    Path workDir = Files.createTempDirectory(temp, "server");
    Map<String, String> env = new HashMap<>(live.exchange().liveEnvironment());
    env.put("BACKPACK_CANCEL_ON_EXIT", "true");
    // A raw client declares no elicitation: orders are placed without asking (confirmation has its own tests).
    env.put("BACKPACK_CONFIRM_ORDERS", "never");
    env.put("BACKPACK_DATA_DIR", workDir.resolve("data").toString());
    List<String> command = new ArrayList<>();
    command.add(ServerUnderTest.javaExecutable());
    command.addAll(ServerUnderTest.documentedArgs(ServerUnderTest.jar(), ServerUnderTest.archive()));
    RawServer server = new RawServer(command, env, workDir);
    server.send(RawServer.INITIALIZE);
    assertThat(server.awaitResponse(1, ANSWER)).contains("open orders are cancelled when this session ends");
    server.send(RawServer.INITIALIZED);
    return server;
  }

  private RawServer startWithTwoOpenOrders() throws Exception {
    RawServer server = start();
    server.send(call(2, "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"1\",\"price\":\"100\"}"));
    assertThat(server.awaitResponse(2, ANSWER)).contains("\"success\":true", "\"deadManSwitch\"");
    server.send(call(3, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"1\","
        + "\"stopLossTriggerPrice\":\"130\"}"));
    assertThat(server.awaitResponse(3, ANSWER)).contains("\"success\":true");
    assertThat(live.exchange().openOrders()).hasSize(2);
    return server;
  }

  private static String call(int id, String createOrderArguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"create_order\","
        + "\"arguments\":" + createOrderArguments + "}}";
  }

  private void assertCancelledAndLogged(RawServer server) {
    assertThat(live.exchange().openOrders()).as("open orders after the session ended").extracting(Order::id).isEmpty();
    assertThat(live.exchange().position("SOL_USDC_PERP")).as("the position is left alone").isPresent();
    assertThat(server.stderr()).anySatisfy(l -> assertThat(l).contains("cancel on exit: cancelled 2 order(s)"));
    server.assertStdoutIsOnlyJsonRpc();
  }

  @Test
  void stdinEndingCancelsEveryOpenOrderBeforeTheProcessExits() throws Exception {
    try (RawServer server = startWithTwoOpenOrders()) {
      assertThat(server.closeStdinAndAwaitExit(EXIT)).as("exit code").isZero();
      assertCancelledAndLogged(server);
    }
  }

  @Test
  void sigtermCancelsEveryOpenOrderBeforeTheProcessExits() throws Exception {
    try (RawServer server = startWithTwoOpenOrders()) {
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and ended.
      assertThat(server.terminateAndAwaitExit(EXIT)).as("exit code").isEqualTo(143);
      assertCancelledAndLogged(server);
    }
  }

  @Test
  void inLiveModeItCancelsWhenNoToolReachedTheExchangeInThisSession() throws Exception {
    // Left resting by an earlier session that ended without cancelling (killed, say).
    live.exchange().client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, BigDecimal.ONE, new BigDecimal("100")).build());
    try (RawServer server = start()) {
      assertThat(server.closeStdinAndAwaitExit(EXIT)).as("exit code").isZero();
      assertThat(live.exchange().openOrders()).isEmpty();
      assertThat(server.stderr()).anySatisfy(l -> assertThat(l).contains("cancel on exit: cancelled 1 order(s): SOL_USDC"));
      server.assertStdoutIsOnlyJsonRpc();
    }
  }
}
