package dev.bpx.paper.upstream;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An upstream's REST behind a loopback proxy that counts the requests by path and can hold the next answer for one
 * path until the test releases it (the answer is fetched before it is held: it is the upstream's state then).
 */
final class UpstreamProxy implements AutoCloseable {
  final CountDownLatch held = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  private final AtomicReference<String> holdNext = new AtomicReference<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  UpstreamProxy(String target) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      try {
        URI uri = exchange.getRequestURI();
        int now = inFlight.computeIfAbsent(uri.getPath(), p -> new AtomicInteger()).incrementAndGet();
        mostInFlight.computeIfAbsent(uri.getPath(), p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        Thread.sleep(delays.getOrDefault(uri.getPath(), 0L));
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(target + uri)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        String armed = holdNext.get();
        if (uri.getPath().equals(armed) && holdNext.compareAndSet(armed, null)) { // by identity: the armed one
          held.countDown();
          release.await(10, TimeUnit.SECONDS);
        }
        requests.computeIfAbsent(uri.getPath(), p -> new AtomicInteger()).incrementAndGet();
        inFlight.get(uri.getPath()).decrementAndGet();
        exchange.getResponseHeaders().set("Content-Type",
            answer.headers().firstValue("Content-Type").orElse("application/json"));
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  /** Holds the next answer to {@code path} until {@link #release} counts down. */
  void holdNext(String path) {
    holdNext.set(path);
  }

  /** Answers {@code path} only after {@code millis}: a distant upstream. */
  void delay(String path, long millis) {
    delays.put(path, millis);
  }

  /** {@return the most requests for {@code path} that were in flight at once} */
  int mostInFlight(String path) {
    AtomicInteger n = mostInFlight.get(path);
    return n == null ? 0 : n.get();
  }

  /** {@return the requests answered so far for {@code path}} */
  int answered(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
