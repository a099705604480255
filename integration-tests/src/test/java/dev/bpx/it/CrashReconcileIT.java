package dev.bpx.it;

import static dev.bpx.it.Json.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.HistoricalOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real crash between the journal's intent and the exchange's answer, through the built jar: the server
 * writes the intent, sends the order into silence (the proxy in front of the exchange holds it), and is
 * killed with SIGKILL (no shutdown hook, no outcome written). The next start looks the order up on the
 * exchange by its clientId and appends the outcome: {@code notFound} when the order never reached the
 * exchange, {@code placed} with the exchange's order id when only its answer was lost. Nothing is sent
 * again either way, and the chain still verifies.
 */
class CrashReconcileIT {
  private static final Duration ANSWER = Duration.ofSeconds(60);
  /** The signing window the servers use: intents younger than it plus ten seconds are left for later. */
  private static final String WINDOW_MS = "1000";
  private static final Duration RECONCILE_AGE = Duration.ofSeconds(12);

  private TestExchange exchange;
  private Path workDir;
  private Path dataDir;

  @BeforeEach
  void start() throws IOException {
    exchange = new TestExchange();
    exchange.setPrice("SOL_USDC", "150");
    workDir = Files.createTempDirectory("bpx-it-crash");
    dataDir = workDir.resolve("data");
  }

  @AfterEach
  void stop() {
    exchange.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(exchange.liveEnvironment());
    env.put("BACKPACK_DATA_DIR", dataDir.toString());
    env.put("BACKPACK_WINDOW_MS", WINDOW_MS);
    // A raw client declares no elicitation; confirmation has its own tests.
    env.put("BACKPACK_CONFIRM_ORDERS", "never");
    return env;
  }

  @Test
  void anOrderThatNeverReachedTheExchangeIsReconciledAsNotFoundAfterTheCrash() throws Exception {
    exchange.proxy.holdWithoutAnswer("POST", "/api/v1/order", false);

    crashWhileSending(41_001);

    List<Map<String, Object>> entries = restartAndReadJournal();
    Map<String, Object> outcome = outcomeOf(entries, 41_001);
    assertThat(outcome).containsEntry("result", "notFound");
    assertThat(exchange.orderHistory()).extracting(HistoricalOrder::clientId).doesNotContain(41_001L);
    assertThat(exchange.openOrders()).isEmpty();
    assertThat(exchange.proxy.writes()).as("nothing was sent again").containsExactly("POST /api/v1/order (held, not forwarded)");
  }

  @Test
  void anOrderWhoseAnswerWasLostIsReconciledAsPlacedWithTheExchangesOrderId() throws Exception {
    exchange.proxy.holdWithoutAnswer("POST", "/api/v1/order", true);

    crashWhileSending(41_002);

    List<Map<String, Object>> entries = restartAndReadJournal();
    Map<String, Object> outcome = outcomeOf(entries, 41_002);
    assertThat(outcome).containsEntry("result", "placed");
    String onExchange = exchange.openOrders().stream().filter(o -> Long.valueOf(41_002).equals(o.clientId()))
        .map(o -> o.id()).findFirst().orElseThrow();
    assertThat(outcome).containsEntry("orderId", onExchange);
    assertThat(exchange.openOrders()).as("placed once, never again").hasSize(1);
    assertThat(exchange.proxy.writes()).containsExactly("POST /api/v1/order");
  }

  /** Starts the server, asks it for a resting order, and kills it once the intent is on disk. */
  private void crashWhileSending(long clientId) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ServerUnderTest.javaExecutable());
    command.addAll(ServerUnderTest.documentedArgs(ServerUnderTest.jar(), ServerUnderTest.archive()));
    try (RawServer server = new RawServer(command, env(), workDir)) {
      server.send(RawServer.INITIALIZE);
      server.awaitResponse(1, ANSWER);
      server.send(RawServer.INITIALIZED);
      server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"create_order\",\"arguments\":"
          + "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"1\",\"price\":\"100\","
          + "\"clientId\":" + clientId + "}}}");
      Poll.until(Duration.ofSeconds(30), "the intent is on disk and the order request went out",
          () -> journalText().contains("\"clientId\":" + clientId) && exchange.proxy.writes().size() == 1, done -> done);
      server.kill();
      assertThat(journalText()).as("the crash left the intent without an outcome").doesNotContain("\"type\":\"outcome\"");
    }
  }

  /** Restarts the server once the intent is old enough to reconcile; a tool that reaches the exchange opens the session. */
  private List<Map<String, Object>> restartAndReadJournal() throws Exception {
    Thread.sleep(RECONCILE_AGE.toMillis());
    List<Map<String, Object>> entries;
    try (ServerUnderTest server = ServerUnderTest.start(env())) {
      server.ok("list_orders", Map.of());
      entries = list(server.ok("get_trade_journal", Map.of()), "entries");
    }
    JarCommand.Run verify = JarCommand.run(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), "journal", "verify");
    assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
    return entries;
  }

  private static Map<String, Object> outcomeOf(List<Map<String, Object>> entries, long clientId) {
    Map<String, Object> intent = entries.stream().filter(e -> "intent".equals(e.get("type"))
        && String.valueOf(clientId).equals(String.valueOf(e.get("clientId")))).findFirst().orElseThrow();
    List<Map<String, Object>> outcomes = entries.stream().filter(e -> intent.get("id").equals(e.get("ref"))).toList();
    assertThat(outcomes).as("exactly one outcome for the intent").hasSize(1);
    return outcomes.get(0);
  }

  private String journalText() {
    Path dir = dataDir.resolve("journal");
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        text.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return "";
    }
    return text.toString();
  }
}
