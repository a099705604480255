package dev.bpx.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP proxy in front of an exchange that injects scripted faults per "METHOD /path",
 * each used once, in order; requests without a fault are forwarded unchanged. Signatures cover
 * method, path, query and body, not the host, so a signed client works through it.
 */
final class FaultProxy implements AutoCloseable {
  /** What to do with one request. */
  enum Fault {
    /** Forward it and pass the answer on unchanged (to let an earlier request through). */
    PASS,
    /** Forward it, then answer 504 as a gateway that lost the exchange's answer. */
    FORWARD_THEN_504,
    /** Forward it, then answer 200 with a body cut in the middle. */
    FORWARD_THEN_GARBLE,
    /** Forward it, then answer 502. */
    FORWARD_THEN_502,
    /** Do not forward it; answer 500. */
    ANSWER_500,
    /** Forward it at once, then hold the exchange's answer for {@link #hold(java.time.Duration)} before passing it on. */
    FORWARD_THEN_HOLD,
    /** Do not forward it; answer 200 with an empty JSON list (a list read that no longer shows an order). */
    ANSWER_EMPTY_LIST
  }

  private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "x-api-key", "x-signature",
      "x-timestamp", "x-window", "accept");

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
  private final String target;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> seen = new ConcurrentHashMap<>();

  FaultProxy(String target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    // One thread per request: an answer held back (FORWARD_THEN_HOLD) must not hold up the others.
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Applies {@code fault} to the next {@code times} requests to {@code method path}. */
  void inject(String method, String path, Fault fault, int times) {
    Deque<Fault> queue = faults.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(fault);
      }
    }
  }

  private volatile java.time.Duration hold = java.time.Duration.ZERO;

  /** Sets how long {@link Fault#FORWARD_THEN_HOLD} holds an answer. */
  void hold(java.time.Duration duration) {
    hold = duration;
  }

  /** {@return how many requests to {@code method path} arrived, faulted or not} */
  int requests(String method, String path) {
    java.util.concurrent.atomic.AtomicInteger count = seen.get(method + " " + path);
    return count == null ? 0 : count.get();
  }

  private Fault next(String key) {
    Deque<Fault> queue = faults.get(key);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] body;
      try (InputStream in = x.getRequestBody()) {
        body = in.readAllBytes();
      }
      String key = x.getRequestMethod() + " " + x.getRequestURI().getPath();
      seen.computeIfAbsent(key, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
      Fault fault = next(key);
      if (fault == Fault.ANSWER_500) {
        answer(x, 500, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal server error\"}");
        return;
      }
      if (fault == Fault.ANSWER_EMPTY_LIST) {
        answer(x, 200, "[]");
        return;
      }
      HttpResponse<String> response = forward(x, body);
      if (fault == Fault.FORWARD_THEN_HOLD) {
        java.util.concurrent.locks.LockSupport.parkNanos(hold.toNanos());
        answer(x, response.statusCode(), response.body());
      } else if (fault == null || fault == Fault.PASS) {
        answer(x, response.statusCode(), response.body());
      } else if (fault == Fault.FORWARD_THEN_504) {
        answer(x, 504, "<html><body>504 Gateway Time-out</body></html>");
      } else if (fault == Fault.FORWARD_THEN_502) {
        answer(x, 502, "<html><body>502 Bad Gateway</body></html>");
      } else {
        answer(x, 200, response.body().substring(0, response.body().length() / 2));
      }
    }
  }

  private HttpResponse<String> forward(HttpExchange x, byte[] body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + x.getRequestURI()))
        .method(x.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    x.getRequestHeaders().forEach((name, values) -> {
      if (FORWARDED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void answer(HttpExchange x, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", text.startsWith("<") ? "text/html" : "application/json; charset=utf-8");
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
