package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.exception.ResponseFormatException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error answers, JSON and plain text, become the right exception with status, code and message. */
class ErrorMappingTest {
  private final TestExchange exchange = new TestExchange(b -> b.maxRetries(0));

  @AfterEach
  void close() {
    exchange.close();
  }

  private Throwable depthFailure() {
    return catchThrowable(() -> exchange.client.markets().getDepth("SOL_USDC"));
  }

  @Test
  void jsonBadRequestKeepsCodeMessageMethodAndPath() {
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid market symbol\"}");

    Throwable thrown = depthFailure();

    assertThat(thrown).isExactlyInstanceOf(ApiException.class)
        .hasMessage("GET /api/v1/depth failed: HTTP 400 INVALID_CLIENT_REQUEST: Invalid market symbol");
    ApiException e = (ApiException) thrown;
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.code()).hasValue("INVALID_CLIENT_REQUEST");
    assertThat(e.apiMessage()).hasValue("Invalid market symbol");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/api/v1/depth");
  }

  @Test
  void plainTextBadRequestBecomesAnApiExceptionWithoutCode() {
    exchange.enqueueText(400, "failed to parse parameter `limit`: failed to parse \"DepthLimit\": Expect a valid enumeration value.");

    ApiException e = (ApiException) depthFailure();

    assertThat(e.code()).isEmpty();
    assertThat(e.apiMessage()).get().asString().startsWith("failed to parse parameter `limit`");
  }

  @Test
  void unauthorizedAndForbiddenAreAuthenticationErrors() {
    exchange.enqueue(401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}");
    exchange.enqueueText(403, "Forbidden");

    Throwable first = catchThrowable(() -> exchange.client.account().getSettings());
    Throwable second = catchThrowable(() -> exchange.client.account().getSettings());

    assertThat(first).isInstanceOf(AuthenticationException.class);
    assertThat(second).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.httpStatus()).isEqualTo(403));
  }

  @Test
  void invalidSignatureUnder400IsAnAuthenticationError() {
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid signature\"}");
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid X-Signature header\"}");

    assertThat(catchThrowable(() -> exchange.client.account().getSettings())).isInstanceOf(AuthenticationException.class);
    assertThat(catchThrowable(() -> exchange.client.account().getSettings())).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void notFoundIsAnApiExceptionThatSaysSo() {
    exchange.enqueue(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}");

    assertThat(depthFailure()).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void tooManyRequestsIsARateLimitWithOrWithoutRetryAfter() {
    exchange.enqueue(new mockwebserver3.MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    exchange.enqueue(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}");

    assertThat(depthFailure()).isInstanceOfSatisfying(RateLimitException.class,
        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)));
    assertThat(depthFailure()).isInstanceOfSatisfying(RateLimitException.class,
        e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  void serverErrorsKeepTheirStatus() {
    exchange.enqueue(500, "{\"code\":\"SERVER_ERROR\",\"message\":\"Internal server error\"}");
    exchange.enqueue(503, "<html><body>Service Unavailable</body></html>");

    assertThat(depthFailure()).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(500);
      assertThat(e.code()).hasValue("SERVER_ERROR");
    });
    assertThat(depthFailure()).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(503);
      assertThat(e.getMessage()).doesNotContain("<html>");
    });
  }

  @Test
  void anUnreadable2xxBodyNamesTheEndpointAndJsonPath() {
    exchange.enqueueJson("[{\"symbol\":\"SOL_USDC\",\"marketType\":\"SPOT\",\"visible\":\"yes please\"}]");
    exchange.enqueueJson("not json");
    exchange.enqueueJson("[{\"marketType\":\"SPOT\"}]");

    assertThat(catchThrowable(() -> exchange.client.markets().listMarkets()))
        .isInstanceOfSatisfying(ResponseFormatException.class, e -> {
          assertThat(e.endpoint()).isEqualTo("GET /api/v1/markets");
          assertThat(e.jsonPath()).isEqualTo("$[0].visible");
        });
    assertThat(catchThrowable(() -> exchange.client.markets().listMarkets()))
        .isInstanceOf(ResponseFormatException.class);
    assertThat(catchThrowable(() -> exchange.client.markets().listMarkets()))
        .isInstanceOfSatisfying(ResponseFormatException.class,
            e -> assertThat(e.jsonPath()).isEqualTo("$[0].symbol"));
  }

  @Test
  void messagesNeverContainKeysOrSignatures() {
    exchange.enqueue(401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}");

    Throwable thrown = catchThrowable(() -> exchange.client.account().getSettings());
    String signature = exchange.take().getHeaders().get("X-Signature");

    assertThat(thrown.getMessage()).doesNotContain(exchange.key.publicKeyBase64()).doesNotContain(signature);
    assertThat(exchange.client.toString()).doesNotContain(exchange.key.publicKeyBase64());
  }
}
