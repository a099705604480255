package dev.bpx.paper.bench;

import dev.bpx.paper.ws.WsFront;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A benchmark, not a test: frames per second the WebSocket front fans out to N subscribers of one
 * stream, each an OkHttp WebSocket client in the same JVM (so the figure includes the clients' own
 * decoding on the same cores). The publisher keeps at most {@value #IN_FLIGHT} frames ahead of the
 * slowest subscriber, below the default 10 000-frame queue limit, so nobody is closed as slow: this is
 * the sustained rate with the default settings. Arguments (optional): frames per round (50 000).
 * Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -o -pl backpack-paper test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.bpx.paper.bench.WsFanOutBenchmark
 * </pre>
 */
public final class WsFanOutBenchmark {
  private static final int IN_FLIGHT = 5_000;
  /** A depth event as the AsyncAPI spec shows it, about 200 bytes. */
  private static final String DEPTH =
      "{\"e\":\"depth\",\"E\":1694687965941000,\"s\":\"SOL_USDC\",\"a\":[[\"18.70\",\"0.000\"],[\"18.71\",\"12.5\"]],"
          + "\"b\":[[\"18.67\",\"0.832\"],[\"18.68\",\"0.000\"]],\"U\":94978271,\"u\":94978271,\"T\":1694687965940999}";

  private WsFanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    OkHttpClient http = new OkHttpClient();
    // WebSocket handshakes go through the dispatcher, whose default allows 5 calls per host at a time.
    http.dispatcher().setMaxRequests(1_000);
    http.dispatcher().setMaxRequestsPerHost(1_000);
    System.out.printf("%-12s %10s %12s %16s %14s%n", "subscribers", "frames", "seconds", "delivered/s", "published/s");
    for (int subscribers : new int[] {1, 10, 100}) {
      run(http, subscribers, 2_000); // warm-up
      run(http, subscribers, subscribers >= 100 ? frames / 5 : frames);
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static void run(OkHttpClient http, int subscribers, int frames) throws Exception {
    try (WsFront front = WsFront.builder(Clock.systemUTC()).start()) {
      List<AtomicLong> received = new ArrayList<>();
      List<WebSocket> sockets = new ArrayList<>();
      List<CompletableFuture<Void>> subscribed = new ArrayList<>();
      for (int i = 0; i < subscribers; i++) {
        AtomicLong count = new AtomicLong();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        received.add(count);
        subscribed.add(ready);
        sockets.add(http.newWebSocket(new Request.Builder().url(front.url()).build(), new WebSocketListener() {
          @Override public void onOpen(WebSocket ws, Response r) {
            ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"depth.SOL_USDC\"],\"id\":1}");
          }

          @Override public void onMessage(WebSocket ws, String text) {
            if (text.startsWith("{\"id\"")) {
              ready.complete(null);
            } else {
              count.incrementAndGet();
            }
          }

          @Override public void onFailure(WebSocket ws, Throwable t, Response r) {
            ready.completeExceptionally(t);
          }
        }));
      }
      CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      long start = System.nanoTime();
      for (int i = 1; i <= frames; i++) {
        front.publish("depth.SOL_USDC", DEPTH);
        if (i % 1_000 == 0) {
          awaitAll(received, i - IN_FLIGHT);
        }
      }
      long published = System.nanoTime() - start;
      awaitAll(received, frames);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (frames > 2_000) {
        System.out.printf("%-12d %10d %12.2f %16.0f %14.0f%n", subscribers, frames, seconds,
            (double) frames * subscribers / seconds, frames / (published / 1e9));
      }
      sockets.forEach(ws -> ws.close(1000, null));
    }
  }

  private static void awaitAll(List<AtomicLong> received, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (AtomicLong count : received) {
      while (count.get() < atLeast) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a subscriber stalled at " + count.get() + " of " + atLeast);
        }
        Thread.onSpinWait();
        Thread.sleep(0, 100_000);
      }
    }
  }
}
