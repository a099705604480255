package dev.bpx.it;

import static dev.bpx.it.Json.list;
import static dev.bpx.it.Json.map;
import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scenario: the trade journal of the built jar trading "live" on a paper exchange. Orders placed,
 * refused and cancelled through a real MCP client appear in {@code get_trade_journal} as intent and
 * outcome pairs; the chain on disk checks out with Python's {@code hashlib} (no code of ours) and with
 * {@code backpack-mcp journal verify}; one changed byte makes the command exit 1 naming the line.
 */
abstract class TradeJournalSuite extends ServerSuite {

  @Test
  void placedRefusedAndCancelledOrdersAreJournaledAndTheChainVerifies() throws Exception {
    exchange.reset();
    Map<String, Object> order = map(server.ok("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid",
        "orderType", "Limit", "quantity", "1", "price", "100")), "order");
    String refused = server.error("create_order", Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
        "quantity", "100000", "price", "100"));
    server.ok("cancel_order", Map.of("orderId", str(order, "id"), "symbol", "SOL_USDC"));

    Map<String, Object> journal = server.ok("get_trade_journal", Map.of("symbol", "SOL_USDC"));

    List<Map<String, Object>> entries = list(journal, "entries");
    List<Map<String, Object>> tail = entries.subList(entries.size() - 6, entries.size());
    assertThat(tail).extracting(e -> e.get("type") + " " + e.get("action") + " " + e.getOrDefault("result", "-"))
        .containsExactly("intent place -", "outcome place placed", "intent place -", "outcome place refused",
            "intent cancel -", "outcome cancel cancelled");
    assertThat(tail.get(0)).containsEntry("symbol", "SOL_USDC").containsEntry("side", "Bid")
        .containsEntry("orderType", "Limit").containsEntry("quantity", "1").containsEntry("price", "100");
    assertThat(String.valueOf(tail.get(0).get("clientId"))).isEqualTo(String.valueOf(order.get("clientId")));
    assertThat(tail.get(1)).containsEntry("ref", tail.get(0).get("id")).containsEntry("orderId", order.get("id"))
        .containsEntry("status", "New");
    assertThat(str(tail.get(3), "reason")).isNotBlank();
    assertThat(refused).isNotBlank();
    assertThat(tail.get(5)).containsEntry("orderId", order.get("id")).containsEntry("status", "Cancelled");
    assertThat(list(server.ok("get_trade_journal", Map.of("limit", 1)), "entries")).hasSize(1);
    assertThat(list(server.ok("get_trade_journal", Map.of("since", "2999-01-01T00:00:00Z")), "entries")).isEmpty();
    assertThat(server.error("get_trade_journal", Map.of("since", "yesterday"))).contains("ISO-8601");

    Path journalDir = Path.of(str(journal, "journalDir"));
    assertThat(journalDir).isEqualTo(server.workDir().resolve("data").resolve("journal"));
    List<Path> files = journalFiles(journalDir);
    assertChainWithPython(files);
    for (Path file : files) {
      assertThat(Files.readString(file)).doesNotContain(exchange.privateKey()).doesNotContain(exchange.apiKey());
    }

    JarCommand.Run verify = runJar(journalDir.getParent(), "journal", "verify");
    assertThat(verify.exitCode()).as(verify.stderr()).isZero();
    assertThat(verify.stdout()).startsWith("intact: ").contains(" line(s) in 1 file(s) in " + journalDir);

    JarCommand.Run csv = runJar(journalDir.getParent(), "journal", "export", "--csv");
    assertThat(csv.exitCode()).isZero();
    String[] rows = csv.stdout().split("\r\n");
    assertThat(rows[0]).startsWith("prevHash,v,time,id,type,action,ref,result,symbol,side");
    assertThat(rows).hasSize(1 + Files.readAllLines(files.get(0)).size());

    Path copy = Files.createTempDirectory("bpx-journal-copy");
    Path tampered = copy.resolve(files.get(0).getFileName());
    String text = Files.readString(files.get(0));
    String secondLine = text.split("\n")[1];
    int at = text.indexOf(secondLine) + secondLine.indexOf("\"SOL_USDC\"") + 1;
    Files.writeString(tampered, text.substring(0, at) + "X" + text.substring(at + 1)); // SOL_USDC -> XOL_USDC
    JarCommand.Run broken = runJar(journalDir.getParent(), "journal", "verify", "--dir", copy.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.stdout()).startsWith("BROKEN at " + tampered.getFileName() + ":3: ");
  }

  private static List<Path> journalFiles(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  /** Every line's prevHash equals the SHA-256 Python computes of the line before (64 zeros for the first). */
  private static void assertChainWithPython(List<Path> files) throws Exception {
    String script = String.join("\n",
        "import hashlib, json, sys",
        "prev = '0' * 64",
        "n = 0",
        "for name in sys.argv[1:]:",
        "    for raw in open(name, 'rb').read().split(b'\\n')[:-1]:",
        "        n += 1",
        "        assert json.loads(raw)['prevHash'] == prev, (name, n)",
        "        prev = hashlib.sha256(raw).hexdigest()",
        "print(n, prev)");
    List<String> command = new ArrayList<>(List.of("python3", "-c", script));
    files.forEach(f -> command.add(f.toString()));
    Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(out).isZero();
    assertThat(out).matches("(?s)[1-9][0-9]* [0-9a-f]{64}\\s*");
  }

  static JarCommand.Run runJar(Path dataDir, String... args) throws Exception {
    return JarCommand.run(Map.of("BACKPACK_DATA_DIR", dataDir.toString()), args);
  }
}
