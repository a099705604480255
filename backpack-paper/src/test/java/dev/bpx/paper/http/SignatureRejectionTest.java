package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.SigningParams;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignatureRejectionTest {
  private static final String BODY = "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\"}";
  private final PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T12:00:00Z"));
  private final SigningKey key = SigningKey.generate();
  private final HttpClient http = HttpClient.newHttpClient();
  private PaperExchange paper;

  @BeforeEach
  void start() {
    paper = PaperExchange.builder().clock(clock).start();
  }

  @AfterEach
  void stop() {
    paper.close();
  }

  private HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(paper.url() + "/api/v1/order"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json; charset=utf-8");
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, String> signed(long ts, long window, String body) {
    SignedHeaders h = new RequestSigner(key).sign("orderExecute", SigningParams.fromJsonObject(body), ts, window);
    return h.asMap();
  }

  @Test
  void aCorrectlySignedOrderIsAccepted() throws Exception {
    assertThat(post(signed(clock.millis(), 5000, BODY), BODY).statusCode()).isEqualTo(200);
  }

  @Test
  void missingHeadersAreRejectedWith401() throws Exception {
    HttpResponse<String> r = post(Map.of(), BODY);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"code\":\"INVALID_CLIENT_REQUEST\"").contains("Missing X-API-Key header");
  }

  @Test
  void aSignatureOverDifferentParamsIsRejectedAsInvalidSignature() throws Exception {
    Map<String, String> h = signed(clock.millis(), 5000, BODY.replace("100.00", "101.00"));
    HttpResponse<String> r = post(h, BODY);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid signature\"}");
  }

  @Test
  void anExpiredTimestampIsRejected() throws Exception {
    HttpResponse<String> r = post(signed(clock.millis() - 6000, 5000, BODY), BODY);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Request has expired");
  }

  @Test
  void aWindowOverSixtySecondsIsRejectedWith400() throws Exception {
    // Our signer refuses such a window, so send a window header the signature does not cover;
    // the exchange must refuse on the window before it looks at the signature.
    Map<String, String> h = new java.util.HashMap<>(signed(clock.millis(), 5000, BODY));
    h.put("X-Window", "60001");
    HttpResponse<String> r = post(h, BODY);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("INVALID_CLIENT_REQUEST");
  }

  @Test
  void aMalformedSignatureHeaderIsRejected() throws Exception {
    Map<String, String> h = new java.util.HashMap<>(signed(clock.millis(), 5000, BODY));
    h.put("X-Signature", "not base64!");
    HttpResponse<String> r = post(h, BODY);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Invalid X-Signature header");
  }

  @Test
  void unknownPathsAnswerPlainText404AndBadParametersPlainText400() {
    PaperHttp c = new PaperHttp(paper.url(), key, clock);
    PaperHttp.Reply notFound = c.get("/api/v1/nope");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.contentType()).startsWith("text/plain");
    PaperHttp.Reply badLimit = c.get("/api/v1/depth?symbol=SOL_USDC&limit=7");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.contentType()).startsWith("text/plain");
    assertThat(badLimit.body()).startsWith("failed to parse parameter `limit`");
    // A number out of range says the range; a sign or a letter is not a digit of an unsigned number.
    assertThat(c.get("/api/v1/trades?symbol=SOL_USDC&limit=1001").body())
        .isEqualTo("failed to parse parameter `limit`: failed to parse \"uint64\": invalid value: integer `1001`,"
            + " expected 0 to 1000");
    assertThat(c.get("/api/v1/trades?symbol=SOL_USDC&limit=-1").body()).endsWith("invalid digit found in string");
    assertThat(c.get("/api/v1/trades?symbol=SOL_USDC&limit=ten").body()).endsWith("invalid digit found in string");
    assertThat(c.get("/api/v1/trades?symbol=SOL_USDC&limit=1000").status()).isEqualTo(200);
    PaperHttp.Reply time = c.get("/api/v1/time");
    assertThat(time.contentType()).startsWith("text/plain");
    assertThat(time.body()).isEqualTo(Long.toString(clock.millis()));
    assertThat(c.delete("/api/v1/orders", "{\"symbol\":\"SOL_USDC\"}").body()).isEqualTo("[]");
    assertThat(c.get("/_paper/price").status()).as("control API off by default").isEqualTo(404);
  }
}
