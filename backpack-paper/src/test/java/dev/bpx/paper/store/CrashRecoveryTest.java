package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperHttp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real exchange process (SIGKILL) while a client keeps placing orders, restarts it on the
 * same state file, and checks that every order the client saw acknowledged is back.
 */
class CrashRecoveryTest {
  @TempDir
  Path dir;

  @Test
  void noAcknowledgedOrderIsLostWhenTheProcessIsKilledMidRun() throws Exception {
    Path state = dir.resolve("paper.journal");
    SigningKey key = SigningKey.generate();
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();

    Process first = start(state);
    String url = awaitUrl(first);
    PaperHttp client = new PaperHttp(url, key, Clock.systemUTC());
    Thread writer = new Thread(() -> {
      for (int i = 1; !stop.get(); i++) {
        try {
          PaperHttp.Reply r = client.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\","
              + "\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"0.10\",\"clientId\":" + i + "}");
          if (r.status() == 200) {
            acknowledged.add((String) r.object().get("id"));
          }
        } catch (RuntimeException e) {
          return;
        }
      }
    });
    writer.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    first.destroyForcibly();
    first.waitFor(10, TimeUnit.SECONDS);
    stop.set(true);
    writer.join(10_000);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

    Process second = start(state);
    try {
      PaperHttp again = new PaperHttp(awaitUrl(second), key, Clock.systemUTC());
      PaperHttp.Reply open = again.get("/api/v1/orders?symbol=SOL_USDC");
      assertThat(open.status()).isEqualTo(200);
      List<String> ids = open.array().stream().map(o -> (String) ((Map<?, ?>) o).get("id")).toList();
      assertThat(ids).containsAll(acknowledged);
      Map<?, ?> usdc = (Map<?, ?>) again.get("/api/v1/capital").object().get("USDC");
      assertThat(new BigDecimal((String) usdc.get("locked")))
          .isEqualByComparingTo(new BigDecimal("10.00").multiply(BigDecimal.valueOf(ids.size())));
    } finally {
      second.destroyForcibly();
      second.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process start(Path state) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.bpx.paper.PaperMain", "--port", "0", "--state", state.toString(), "--seed", "3");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static String awaitUrl(Process p) throws Exception {
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
      if (line.startsWith("BACKPACK_BASE_URL=")) {
        String url = line.substring("BACKPACK_BASE_URL=".length());
        Thread drain = new Thread(() -> {
          try {
            while (err.readLine() != null) {
              // keep the pipe from filling up
            }
          } catch (java.io.IOException ignored) {
            // process ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return url;
      }
    }
    throw new AssertionError("exchange process did not print its URL");
  }
}
