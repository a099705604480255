package dev.bpx.paper.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bpx.auth.Instructions;
import dev.bpx.auth.SignatureVerifier;
import dev.bpx.auth.SignedRequest;
import dev.bpx.auth.VerificationResult;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.feed.UpstreamGate;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.UpstreamMirror;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: a JDK {@link HttpServer} bound to loopback, routing, signature checks for every
 * signed endpoint, and error bodies as Backpack writes them (JSON {@code {"code","message"}} for
 * semantic errors, plain text for unparseable parameters and unknown paths). Thread-safe.
 */
public final class HttpFront implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
  private final HttpServer server;
  private final ExecutorService pool;
  private final Router router = new Router();
  private final SignatureVerifier verifier;
  private final Clock clock;

  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final int HANDLER_THREADS = 32;

  public HttpFront(JournaledEngine store, Clock clock, int port, boolean control, LongConsumer advanceClock) {
    this(store, clock, port, control, advanceClock, null, null, null);
  }

  /**
   * @param upstream the mirror of the upstream whose market this exchange trades on, null for
   *     simulated prices
   * @param gate (upstream) journals the market data orders trade on before them
   */
  public HttpFront(JournaledEngine store, Clock clock, int port, boolean control, LongConsumer advanceClock,
                   UpstreamMirror upstream, UpstreamGate gate, dev.bpx.paper.feed.DepthIds depthIds) {
    this.clock = clock;
    this.verifier = new SignatureVerifier(clock);
    new PublicRoutes(store).register(router);
    if (upstream != null) {
      new UpstreamPublicRoutes(upstream, store, depthIds).register(router);
    }
    new AccountRoutes(store).register(router);
    new OrderRoutes(store, gate).register(router);
    new HistoryRoutes(store).register(router);
    if (control) {
      new ControlRoutes(store, advanceClock).register(router);
    }
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold every response about 40 ms (measured: 170 orders/s from
    // 8 threads). The server reads this property once, when its first instance is created, so set
    // it here unless the application chose otherwise.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
    }
    // Handler threads spend most of a write waiting for the writer's fsync, and group commit
    // batches what is waiting: with too few threads the batches stay small. Bounded, so a flood of
    // connections queues instead of creating threads.
    pool = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
      Thread t = new Thread(r, "paper-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@return every endpoint served, as "METHOD path"} */
  public List<String> endpoints() {
    return router.endpoints();
  }

  private void handle(HttpExchange x) {
    try (x) {
      Response r;
      try {
        r = route(x);
      } catch (ParseError e) {
        r = Response.text(400, e.getMessage());
      } catch (ApiError e) {
        r = Response.error(e.status(), e.code(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", x.getRequestMethod(), x.getRequestURI().getPath(), e);
        r = Response.error(500, "SERVER_ERROR", "Internal server error");
      }
      send(x, r);
    } catch (IOException e) {
      LOG.debug("client went away: {}", e.toString());
    }
  }

  private Response route(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getRawPath();
    String rawQuery = x.getRequestURI().getRawQuery();
    String body;
    try (InputStream in = x.getRequestBody()) {
      body = new String(readBody(x, in), StandardCharsets.UTF_8);
    }
    if (!router.knows(path)) {
      return Response.text(404, "not found");
    }
    Handler h = router.find(method, path);
    if (h == null) {
      return Response.text(405, "method not allowed");
    }
    long now = clock.millis();
    String apiKey = null;
    if (Instructions.forRequest(method, path).isPresent()) {
      var headers = x.getRequestHeaders();
      VerificationResult v = verifier.verify(new SignedRequest(method, path, rawQuery, body,
          headers.getFirst("X-API-Key"), headers.getFirst("X-Signature"),
          headers.getFirst("X-Timestamp"), headers.getFirst("X-Window")));
      if (!v.valid()) {
        return switch (v.failure()) {
          case MALFORMED_BODY -> Response.text(400, "parse request payload error: " + v.message());
          case WINDOW_TOO_LARGE -> Response.error(400, "INVALID_CLIENT_REQUEST", v.message());
          default -> Response.error(401, "INVALID_CLIENT_REQUEST", v.message());
        };
      }
      apiKey = v.apiKey().strip();
    }
    return h.handle(new Request(method, path, rawQuery, body, apiKey, now));
  }

  /**
   * Reads the body in one array of its declared length. {@code readAllBytes} allocated an 8 KiB buffer per
   * request and copied the body out of it: the largest allocation the handlers made per order. The JDK
   * server's fixed-length stream ends at Content-Length, so reading that many bytes reads it all; a chunked
   * body, or one without a usable length, is read to its end as before.
   */
  private static byte[] readBody(HttpExchange x, InputStream in) throws IOException {
    var headers = x.getRequestHeaders();
    String declared = headers.getFirst("Content-Length");
    // With Transfer-Encoding the JDK server reads chunks and ignores Content-Length, and so must we.
    if (declared != null && !headers.containsKey("Transfer-Encoding")) {
      try {
        int length = Integer.parseInt(declared.strip());
        if (length >= 0) {
          return in.readNBytes(length);
        }
      } catch (NumberFormatException e) {
        // not a length the JDK server would have used either: read to the end
      }
    }
    return in.readAllBytes();
  }

  private static void send(HttpExchange x, Response r) throws IOException {
    if (r.body() == null) {
      x.sendResponseHeaders(r.status(), -1);
      return;
    }
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", r.contentType());
    x.sendResponseHeaders(r.status(), bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdown();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
