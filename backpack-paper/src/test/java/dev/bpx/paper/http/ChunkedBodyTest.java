package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.SigningParams;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed requests whose JSON body comes with {@code Transfer-Encoding: chunked} (no
 * {@code Content-Length}), as HTTP clients streaming a body send them: the body is read and verified
 * the same for every method.
 */
class ChunkedBodyTest {
  private static final String ORDER = "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
      + "\"price\":\"100.00\",\"quantity\":\"1\",\"clientId\":77}";
  private final PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T12:00:00Z"));
  private final SigningKey key = SigningKey.generate();
  private PaperExchange paper;

  @BeforeEach
  void start() {
    paper = PaperExchange.builder().clock(clock).start();
  }

  @AfterEach
  void stop() {
    paper.close();
  }

  private record Reply(int status, String body) {}

  private Reply chunked(String method, String path, String instruction, String body) throws IOException {
    SignedHeaders signed = new RequestSigner(key).sign(instruction, SigningParams.fromJsonObject(body), clock.millis(), 5000);
    HttpURLConnection c = (HttpURLConnection) new URL(paper.url() + path).openConnection();
    c.setRequestMethod(method);
    c.setDoOutput(true);
    c.setChunkedStreamingMode(16);
    c.setRequestProperty("Content-Type", "application/json; charset=utf-8");
    signed.asMap().forEach(c::setRequestProperty);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aChunkedSignedPostPlacesTheOrder() throws IOException {
    Reply placed = chunked("POST", "/api/v1/order", "orderExecute", ORDER);

    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    assertThat(placed.body()).contains("\"clientId\":77", "\"status\":\"New\"");
  }

  @Test
  void aChunkedSignedDeleteCancelsTheOrder() throws IOException {
    PaperHttp http = new PaperHttp(paper.url(), key, clock);
    assertThat(http.post("/api/v1/order", ORDER).status()).isEqualTo(200);

    Reply cancelled = chunked("DELETE", "/api/v1/order", "orderCancel", "{\"symbol\":\"SOL_USDC\",\"clientId\":77}");

    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.body()).contains("\"clientId\":77", "\"status\":\"Cancelled\"");
    assertThat(http.get("/api/v1/orders?symbol=SOL_USDC").body()).isEqualTo("[]");
  }

  @Test
  void aChunkedSignedDeleteOfAllOrdersCancelsThem() throws IOException {
    PaperHttp http = new PaperHttp(paper.url(), key, clock);
    assertThat(http.post("/api/v1/order", ORDER).status()).isEqualTo(200);

    Reply cancelled = chunked("DELETE", "/api/v1/orders", "orderCancelAll", "{\"symbol\":\"SOL_USDC\"}");

    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.body()).contains("\"clientId\":77", "\"status\":\"Cancelled\"");
  }
}
