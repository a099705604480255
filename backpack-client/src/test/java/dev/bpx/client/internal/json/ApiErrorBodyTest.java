package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ApiErrorBodyTest {

  private final JsonAdapter<ApiErrorBody> adapter = JsonCodec.newMoshi().adapter(ApiErrorBody.class);

  @Test
  void decodesCodeAndMessage() throws IOException {
    ApiErrorBody body =
        adapter.fromJson(
            """
            {"code":"INVALID_CLIENT_REQUEST","message":"Invalid market symbol"}
            """);

    assertThat(body.code()).isEqualTo("INVALID_CLIENT_REQUEST");
    assertThat(body.message()).isEqualTo("Invalid market symbol");
  }

  @Test
  void batchOperationFieldAndOtherUnknownFieldsAreIgnored() throws IOException {
    ApiErrorBody body =
        adapter.fromJson(
            """
            {"operation":"Err","code":"INSUFFICIENT_FUNDS","message":"Insufficient funds","extra":{"a":1}}
            """);

    assertThat(body).isEqualTo(new ApiErrorBody("INSUFFICIENT_FUNDS", "Insufficient funds"));
  }

  @Test
  void absentFieldsAreNull() throws IOException {
    assertThat(adapter.fromJson("{}")).isEqualTo(new ApiErrorBody(null, null));
  }
}
