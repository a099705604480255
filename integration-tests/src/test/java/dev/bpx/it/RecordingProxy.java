package dev.bpx.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A transparent HTTP proxy on loopback that records every request it forwards ("POST /api/v1/order").
 * Signatures cover method, path, query and body, not the host, so a signed client works through it
 * unchanged. Tests point the server at the proxy to prove what did, and did not, reach the exchange.
 *
 * <p>Thread-safe.
 */
final class RecordingProxy implements AutoCloseable {
  private static final List<String> FORWARDED_HEADERS =
      List.of("Content-Type", "X-API-Key", "X-Signature", "X-Timestamp", "X-Window", "Accept");

  private final String target;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String rewritePath;
  private volatile UnaryOperator<String> rewrite = UnaryOperator.identity();
  /** "METHOD /path" of the requests held without an answer, or null. */
  private volatile String held;
  private volatile boolean heldAfterForwarding;
  private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

  RecordingProxy(String targetBaseUrl) throws IOException {
    this.target = targetBaseUrl;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "recording-proxy");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@return every request forwarded so far, as "METHOD /path"} */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** {@return the requests that could change state (anything but GET)} */
  List<String> writes() {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  /**
   * Rewrites the body of successful answers on one path (null: none), to present the server with
   * answers the paper exchange never gives but the real one may.
   */
  void rewriteAnswers(String path, UnaryOperator<String> rewriter) {
    this.rewritePath = path;
    this.rewrite = rewriter == null ? UnaryOperator.identity() : rewriter;
  }

  /**
   * Holds every {@code method path} request without ever answering it, as an exchange or network that
   * went silent would, until {@link #close}: before it reaches the exchange, or ({@code afterForwarding})
   * once the exchange has taken it, so that only its answer is lost.
   */
  void holdWithoutAnswer(String method, String path, boolean afterForwarding) {
    this.heldAfterForwarding = afterForwarding;
    this.held = method + " " + path;
  }

  private void hold(HttpExchange x) {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      x.close();
    }
  }

  private void forward(HttpExchange x) throws IOException {
    String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
    String pathAndQuery = x.getRequestURI().getRawPath()
        + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
    String endpoint = method + " " + x.getRequestURI().getRawPath();
    boolean hold = endpoint.equals(held);
    if (hold && !heldAfterForwarding) {
      requests.add(endpoint + " (held, not forwarded)");
      hold(x);
      return;
    }
    requests.add(endpoint);
    byte[] body;
    try (InputStream in = x.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : FORWARDED_HEADERS) {
      String value = x.getRequestHeaders().getFirst(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (hold) {
        hold(x);
        return;
      }
      response.headers().firstValue("Content-Type").ifPresent(v -> x.getResponseHeaders().set("Content-Type", v));
      byte[] answer = response.body();
      if (response.statusCode() == 200 && x.getRequestURI().getRawPath().equals(rewritePath)) {
        answer = rewrite.apply(new String(answer, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      x.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = x.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      x.sendResponseHeaders(502, -1);
    } finally {
      x.close();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
