package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SignatureVerifier;
import dev.bpx.auth.SignedRequest;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.VerificationResult;
import dev.bpx.auth.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A scripted exchange for client tests: one {@link MockWebServer}, one key pair, a fixed clock and a
 * sleeper that records instead of sleeping. Close it in {@code @AfterEach}.
 */
final class TestExchange implements AutoCloseable {
  static final long NOW_MILLIS = 1_735_689_600_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC);

  static final String MARKETS_JSON = """
      [{"symbol":"SOL_USDC","baseSymbol":"SOL","quoteSymbol":"USDC","marketType":"SPOT","orderBookState":"Open",
        "visible":true,"createdAt":"2025-01-21T06:34:54.691858",
        "filters":{"price":{"minPrice":"0.01","maxPrice":"100000","tickSize":"0.01"},
                   "quantity":{"minQuantity":"0.01","maxQuantity":null,"stepSize":"0.01"}},
        "imfFunction":null,"mmfFunction":null,"fundingInterval":null,"openInterestLimit":"0"},
       {"symbol":"SOL_USDC_PERP","baseSymbol":"SOL","quoteSymbol":"USDC","marketType":"PERP","orderBookState":"Open",
        "visible":true,"createdAt":"2025-01-21T06:34:54.691858",
        "filters":{"price":{"minPrice":"0.01","maxPrice":"1000","tickSize":"0.01"},
                   "quantity":{"minQuantity":"0.01","maxQuantity":"10000","stepSize":"0.01"}},
        "imfFunction":{"type":"sqrt","base":"0.02","factor":"0.00006"},
        "mmfFunction":{"type":"sqrt","base":"0.0135","factor":"0.000036"},"fundingInterval":3600000,
        "fundingRateUpperBound":"100","fundingRateLowerBound":"-100","openInterestLimit":"4000000"},
       {"symbol":"BTC_USDC","baseSymbol":"BTC","quoteSymbol":"USDC","marketType":"SPOT","orderBookState":"Open",
        "visible":true,"createdAt":"2025-01-21T06:34:54.691858",
        "filters":{"price":{"minPrice":"0.1","maxPrice":null,"tickSize":"0.1"},
                   "quantity":{"minQuantity":"0.00001","maxQuantity":null,"stepSize":"0.00001"}}}]
      """;

  static String order(String id, long clientId, String symbol, String side, String status, String type) {
    return """
        {"orderType":"%s","id":"%s","clientId":%d,"symbol":"%s","side":"%s","status":"%s","timeInForce":"GTC",
         "selfTradePrevention":"RejectTaker","createdAt":1735689600000,"price":"142.10","quantity":"1.5",
         "executedQuantity":"0","executedQuoteQuantity":"0","postOnly":false,"reduceOnly":null,
         "relatedOrderId":null,"strategyId":null,"triggerBy":null,"triggerPrice":null,"triggerQuantity":null,
         "triggeredAt":null,"stopLossLimitPrice":null,"stopLossTriggerBy":null,"stopLossTriggerPrice":null,
         "takeProfitLimitPrice":null,"takeProfitTriggerBy":null,"takeProfitTriggerPrice":null}
        """.formatted(type, id, clientId, symbol, side, status);
  }

  static String historicalOrder(String id, long clientId, String symbol, String status, String createdAt) {
    return """
        {"id":"%s","createdAt":"%s","orderType":"Limit","symbol":"%s","side":"Bid","status":"%s",
         "timeInForce":"GTC","selfTradePrevention":"RejectTaker","clientId":%d,"executedQuantity":"1.5",
         "executedQuoteQuantity":"213.15","quantity":"1.5","quoteQuantity":"213.15","price":"142.10",
         "postOnly":false,"expiryReason":null}
        """.formatted(id, createdAt, symbol, status, clientId);
  }

  final MockWebServer server = new MockWebServer();
  final SigningKey key = SigningKey.generate();
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  BackpackClient client;

  TestExchange() {
    this(b -> {});
  }

  TestExchange(Consumer<BackpackClient.Builder> customize) {
    this((exchange, builder) -> customize.accept(builder));
  }

  /** Lets a test script the server (e.g. for syncClockOnStart) before the client is built. */
  TestExchange(java.util.function.BiConsumer<TestExchange, BackpackClient.Builder> customize) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BackpackClient.Builder builder = BackpackClient.builder()
        .baseUrl(server.url("/").toString())
        .signingKey(key)
        .clock(CLOCK)
        .sleeper(sleeps::add)
        .readTimeout(Duration.ofSeconds(5));
    customize.accept(this, builder);
    client = builder.build();
  }

  void enqueueJson(String json) {
    enqueue(200, json);
  }

  void enqueue(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(json).build());
  }

  void enqueueText(int code, String text) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "text/plain; charset=utf-8")
        .body(text).build());
  }

  void enqueueEmpty(int code) {
    server.enqueue(new MockResponse.Builder().code(code).build());
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The server reads the request, then closes the connection without answering. */
  void enqueueDisconnectAfterRequest() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
  }

  /** The server reads the request and never answers. */
  void enqueueNoResponse() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
  }

  void enqueueMarkets() {
    enqueueJson(MARKETS_JSON);
  }

  RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as("a request reached the server").isNotNull();
      return request;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Takes the next request and checks its method, path and raw query. */
  RecordedRequest take(String method, String path, String query) {
    RecordedRequest request = take();
    HttpUrl url = request.getUrl();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(url.encodedPath()).isEqualTo(path);
    assertThat(url.encodedQuery()).isEqualTo(query);
    return request;
  }

  /** Checks that the request carries the four X-* headers, timestamped now, and its signature verifies. */
  static void assertSigned(RecordedRequest request, SigningKey key) {
    assertSigned(request, key, NOW_MILLIS);
  }

  static void assertSigned(RecordedRequest request, SigningKey key, long timestampMillis) {
    assertThat(request.getHeaders().get("X-API-Key")).isEqualTo(key.publicKeyBase64());
    assertThat(request.getHeaders().get("X-Timestamp")).isEqualTo(Long.toString(timestampMillis));
    assertThat(request.getHeaders().get("X-Window")).isEqualTo("5000");
    assertThat(request.getHeaders().get("X-Signature")).isNotBlank();
    HttpUrl url = request.getUrl();
    SignedRequest signed = new SignedRequest(request.getMethod(), url.encodedPath(), url.encodedQuery(), body(request),
        request.getHeaders().get("X-API-Key"), request.getHeaders().get("X-Signature"),
        request.getHeaders().get("X-Timestamp"), request.getHeaders().get("X-Window"));
    Clock at = Clock.fixed(Instant.ofEpochMilli(timestampMillis), ZoneOffset.UTC);
    VerificationResult result = new SignatureVerifier(at).verify(signed);
    assertThat(result.valid()).as("signature verifies: %s", result).isTrue();
  }

  void assertSigned(RecordedRequest request) {
    assertSigned(request, key);
  }

  static void assertUnsigned(RecordedRequest request) {
    assertThat(request.getHeaders().get("X-API-Key")).isNull();
    assertThat(request.getHeaders().get("X-Signature")).isNull();
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** The JSON body as a map (member order kept, numbers as BigDecimal). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> jsonBody(RecordedRequest request) {
    return (Map<String, Object>) Json.parse(body(request));
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
