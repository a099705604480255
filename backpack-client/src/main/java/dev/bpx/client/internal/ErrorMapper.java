package dev.bpx.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.internal.json.ApiErrorBody;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a non-2xx response into the one matching exception: the single place where statuses and
 * Backpack error codes map to types (style guide B7).
 *
 * <p>Bodies come in two shapes ({@code backpack-api.md} 7.1): JSON {@code {"code":..,"message":..}}
 * for semantic errors, and plain text for request-parsing errors (e.g. {@code failed to parse
 * parameter `limit`}). Both are read; JSON bodies through the client's Moshi {@link ApiErrorBody}
 * adapter, like the error items of a batch. Thread-safe.
 */
public final class ErrorMapper {
  private static final Set<String> AUTH_CODES = Set.of("UNAUTHORIZED", "INVALID_SIGNATURE", "FORBIDDEN");
  private static final int MAX_PLAIN_TEXT = 300;

  private final Clock clock;
  private final JsonAdapter<ApiErrorBody> errorBodies;

  /**
   * Creates a mapper that resolves {@code Retry-After} dates against {@code clock} and reads JSON
   * error bodies with the client's {@code moshi}.
   */
  public ErrorMapper(Clock clock, Moshi moshi) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.errorBodies = moshi.adapter(ApiErrorBody.class);
  }

  /**
   * {@return the exception for an error response}
   *
   * @param request the request that failed (only its method and path are used)
   * @param response the non-2xx response
   */
  public ApiException map(ApiRequest request, ApiResponse response) {
    int status = response.status();
    String code = null;
    String message = null;
    Optional<ApiErrorBody> json = parseObject(response.body());
    if (json.isPresent()) {
      code = json.get().code();
      message = json.get().message();
    } else if (!response.hasNoBody()) {
      message = plainText(response);
    }
    String method = request.method();
    String path = request.path();

    if (status == 429 || "TOO_MANY_REQUESTS".equals(code)) {
      return new RateLimitException(
          status, code, message, method, path, retryAfter(response).orElse(null));
    }
    if (status == 401 || status == 403 || (code != null && AUTH_CODES.contains(code))
        || isAuthMessage(message)) {
      return new AuthenticationException(status, code, message, method, path);
    }
    return new ApiException(status, code, message, method, path);
  }

  /**
   * {@return the {@code Retry-After} delay of a response: whole seconds or an HTTP date; empty when
   * absent or unreadable}
   */
  public Optional<Duration> retryAfter(ApiResponse response) {
    Optional<String> header = response.header("Retry-After");
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  // Backpack reports signature and timestamp problems as INVALID_CLIENT_REQUEST with these
  // messages (support FAQ, backpack-api.md 7.4), and the status is not confirmed: match the text.
  private static boolean isAuthMessage(String message) {
    if (message == null) {
      return false;
    }
    String m = message.strip();
    return m.equalsIgnoreCase("Invalid signature")
        || m.equalsIgnoreCase("Request has expired")
        || m.startsWith("Invalid X-")
        || m.startsWith("Invalid x-");
  }

  /** {@return the body as an error object; empty when it is not one, and then it is read as text} */
  private Optional<ApiErrorBody> parseObject(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(errorBodies.fromJson(body.strip()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String plainText(ApiResponse response) {
    String contentType = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (contentType.contains("html") || response.body().stripLeading().startsWith("<")) {
      // A proxy or CDN error page: its markup says nothing useful.
      return "non-JSON error page from the server or a proxy";
    }
    String text = response.body().strip().replaceAll("\\s+", " ");
    return text.length() <= MAX_PLAIN_TEXT ? text : text.substring(0, MAX_PLAIN_TEXT) + "…";
  }
}
