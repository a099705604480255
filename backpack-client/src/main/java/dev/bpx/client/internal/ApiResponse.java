package dev.bpx.client.internal;

import java.util.Optional;
import okhttp3.Headers;

/**
 * A response as read from the wire: status, headers and the whole body as text (Backpack bodies are
 * small). Thread-safe (immutable).
 *
 * @param status HTTP status code
 * @param headers response headers
 * @param body body text; empty when there was none
 */
public record ApiResponse(int status, Headers headers, String body) {

  /** {@return whether the status is 2xx} */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** {@return whether the body is empty or only whitespace} */
  public boolean hasNoBody() {
    return body == null || body.isBlank();
  }

  /** {@return the value of a header, if present} */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + (body == null ? 0 : body.length()) + " chars]";
  }
}
