package dev.bpx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SigningKey;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.json.JsonCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed endpoint must never go out unsigned: an endpoint the signing table does not know (neither
 * signed nor public) is refused before anything is sent, while known public and signed ones are sent
 * without and with a signature.
 */
class UnknownEndpointTest {
  private final MockWebServer server = new MockWebServer();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    Clock clock = Clock.systemUTC();
    transport = new HttpTransport(new OkHttpClient(), server.url("/"), new RequestSigner(SigningKey.generate()), 5000,
        new ClockOffset(clock), new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, () -> 0.5),
        d -> {}, new ErrorMapper(clock, JsonCodec.newMoshi()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anEndpointMissingFromTheSigningTableIsRefusedWithNothingSent() {
    // The withdrawal-delay operations exist in the spec with no instruction named: private, yet not in the table.
    assertThatThrownBy(() -> transport.execute(ApiRequest.post("/wapi/v1/capital/withdrawals/delay", Map.of("x", "1"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("POST /wapi/v1/capital/withdrawals/delay")
        .hasMessageContaining("signing table")
        .hasMessageContaining("nothing was sent");
    assertThatThrownBy(() -> transport.execute(ApiRequest.get("/api/v1/orderz", Map.of())))
        .isInstanceOf(ValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void knownPublicEndpointsGoUnsignedAndSignedOnesSigned() throws Exception {
    server.enqueue(new MockResponse.Builder().body("\"pong\"").build());
    server.enqueue(new MockResponse.Builder().body("[]").build());
    transport.execute(ApiRequest.get("/api/v1/ping", Map.of()));
    transport.execute(ApiRequest.get("/api/v1/orders", Map.of()));

    assertThat(server.takeRequest().getHeaders().get("X-Signature")).isNull();
    assertThat(server.takeRequest().getHeaders().get("X-Signature")).isNotBlank();
  }
}
