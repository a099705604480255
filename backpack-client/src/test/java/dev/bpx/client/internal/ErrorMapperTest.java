package dev.bpx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.internal.json.JsonCodec;
import java.time.Clock;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Error bodies are read through the client's Moshi {@code ApiErrorBody} adapter, or as text when not an object. */
class ErrorMapperTest {
  private final ErrorMapper mapper = new ErrorMapper(Clock.systemUTC(), JsonCodec.newMoshi());
  private final ApiRequest request = ApiRequest.get("/api/v1/depth");

  private ApiException map(int status, String body) {
    return mapper.map(request, new ApiResponse(status, Headers.of(), body));
  }

  @Test
  void readsCodeAndMessageOfAJsonBodyIgnoringOtherMembers() {
    ApiException e = map(400, " {\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid market symbol\",\"x\":[1]}\n");

    assertThat(e.code()).contains("INVALID_CLIENT_REQUEST");
    assertThat(e.getMessage()).contains("Invalid market symbol");
  }

  @Test
  void readsANumericCodeAsItsTextAndAnAbsentMessageAsNull() {
    ApiException e = map(400, "{\"code\":400}");

    assertThat(e.code()).contains("400");
    assertThat(e).isNotInstanceOf(AuthenticationException.class);
  }

  @Test
  void readsABodyThatIsNotOneJsonObjectAsText() {
    assertThat(map(400, "{\"code\":\"A\"} trailing").getMessage()).contains("{\"code\":\"A\"} trailing");
    assertThat(map(400, "failed to parse parameter `limit`").code()).isEmpty();
    assertThat(map(401, "{\"message\":\"Invalid signature\"}")).isInstanceOf(AuthenticationException.class);
  }
}
