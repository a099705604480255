package dev.bpx.client.internal;

import dev.bpx.auth.Instructions;
import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningParams;
import dev.bpx.auth.json.Json;
import dev.bpx.client.Sleeper;
import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to the exchange: builds the URL and JSON body, signs signed endpoints
 * (the instruction comes from the one table in {@code backpack-auth}), executes with the retry rules
 * of {@link RetryPolicy}, corrects the clock once when the exchange rejects a timestamp, and maps
 * error answers through {@link ErrorMapper}.
 *
 * <p>Two OkHttp clients share one connection pool: reads use the caller's client as configured;
 * writes use a variant with {@code retryOnConnectionFailure(false)} and no redirects, so OkHttp never
 * re-sends a write on its own (style guide A1, B7).
 *
 * <p>Logging: one DEBUG line per HTTP call (method, path, status, ms, attempt), WARN on retries and
 * clock corrections; never a body, key or signature. Thread-safe.
 */
public final class HttpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String USER_AGENT = "backpack-java/0.1";
  /** Path of the server-time endpoint, used for clock-offset measurement. */
  public static final String TIME_PATH = "/api/v1/time";

  private final OkHttpClient readClient;
  private final OkHttpClient writeClient;
  private final HttpUrl baseUrl;
  private final RequestSigner signer;
  private final long windowMillis;
  private final ClockOffset clock;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final ErrorMapper errorMapper;

  /**
   * Creates a transport.
   *
   * @param http the shared OkHttp client (timeouts already set)
   * @param baseUrl e.g. {@code https://api.backpack.exchange}
   * @param signer the account's signer, or null for a client without keys (public endpoints only)
   * @param windowMillis {@code X-Window}, 1..60000
   * @param clock the corrected clock used for {@code X-Timestamp}
   * @param retryPolicy when to retry
   * @param sleeper how to wait between attempts
   * @param errorMapper turns error answers into exceptions
   */
  public HttpTransport(
      OkHttpClient http,
      HttpUrl baseUrl,
      RequestSigner signer,
      long windowMillis,
      ClockOffset clock,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      ErrorMapper errorMapper) {
    this.readClient = http.newBuilder().addNetworkInterceptor(new SendTracker(false)).build();
    this.writeClient =
        http.newBuilder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addNetworkInterceptor(new SendTracker(true))
            .build();
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.signer = signer;
    this.windowMillis = windowMillis;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
  }

  /** {@return whether this transport can sign requests} */
  public boolean hasSigner() {
    return signer != null;
  }

  /** {@return the corrected clock} */
  public ClockOffset clock() {
    return clock;
  }

  /** {@return the signing window in milliseconds} */
  public long windowMillis() {
    return windowMillis;
  }

  /** {@return the retry policy} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the sleeper} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Sends a request, retrying as {@link RetryPolicy} allows, and returns the 2xx answer.
   *
   * @throws ValidationException if the endpoint is signed and this client has no keys, or is not a
   *     Backpack endpoint the signing table knows (it could be a private one sent unsigned); nothing is sent
   * @throws ApiException (or a subtype) for an error answer
   * @throws NetworkException when no answer came
   */
  public ApiResponse execute(ApiRequest request) {
    if (!Instructions.isKnown(request.method(), request.path())) {
      // Were it a private endpoint missing from the table, it would go out unsigned: refuse instead.
      throw new ValidationException("endpoint", request.endpoint() + " is neither a signed endpoint in the"
          + " signing table (dev.bpx.auth.Instructions) nor a known public one, so the client cannot tell whether"
          + " to sign it", "nothing was sent; add the endpoint and its instruction from backpack-openapi.yml to the table");
    }
    Optional<String> instruction = Instructions.forRequest(request.method(), request.path());
    if (instruction.isPresent() && signer == null) {
      throw new ValidationException(
          "BACKPACK_PRIVATE_KEY",
          request.endpoint() + " is a signed endpoint and this client has no API keys",
          "set BACKPACK_PRIVATE_KEY (and optionally BACKPACK_PUBLIC_KEY) in the environment or in"
              + " .env, or pass keys to BackpackClient.builder().keys(...)");
    }
    boolean clockCorrected = false;
    int attempt = 0;
    while (true) {
      attempt++;
      BackpackException failure;
      try {
        ApiResponse response = sendOnce(request, instruction.orElse(null), attempt);
        if (response.isSuccessful()) {
          return response;
        }
        failure = errorMapper.map(request, response);
      } catch (NetworkException e) {
        failure = e;
      }
      if (instruction.isPresent()
          && !clockCorrected
          && failure instanceof AuthenticationException auth
          && auth.isTimestampRejected()) {
        // An expired request was rejected before execution, so one re-signed attempt is safe even
        // for a write.
        clockCorrected = true;
        if (correctClockAfter(request, auth)) {
          attempt--;
          continue;
        }
        throw failure;
      }
      Optional<Duration> delay = retryPolicy.delayBeforeRetry(request.kind(), failure, attempt);
      if (delay.isEmpty()) {
        throw failure;
      }
      LOG.warn(
          "{} failed ({}); retrying in {} ms (attempt {} of {})",
          request.endpoint(),
          shortReason(failure),
          delay.get().toMillis(),
          attempt + 1,
          retryPolicy.maxRetries() + 1);
      pause(delay.get(), failure);
    }
  }

  /**
   * Measures the offset between the local clock and the exchange's ({@code GET /api/v1/time}, the
   * midpoint of the round trip) and stores it for all later signatures.
   *
   * @return the new offset (server minus local)
   * @throws BackpackException if the time cannot be fetched
   */
  public Duration syncClock() {
    long sent = clock.localMillis();
    long server = fetchServerTimeMillis();
    long received = clock.localMillis();
    return Duration.ofMillis(clock.record(server, sent, received));
  }

  /**
   * {@return the exchange's clock, epoch milliseconds, from the plain-text {@code GET /api/v1/time}}
   *
   * @throws ResponseFormatException if the body is not an integer
   */
  public long fetchServerTimeMillis() {
    ApiResponse response = execute(ApiRequest.get(TIME_PATH));
    String body = response.body() == null ? "" : response.body().strip();
    try {
      return Long.parseLong(body);
    } catch (NumberFormatException e) {
      throw new ResponseFormatException(
          "GET " + TIME_PATH, "$", "expected epoch milliseconds as plain text", e);
    }
  }

  private boolean correctClockAfter(ApiRequest request, AuthenticationException rejection) {
    long before = clock.offsetMillis();
    try {
      Duration offset = syncClock();
      LOG.warn(
          "{} was rejected for its timestamp; clock offset corrected from {} ms to {} ms, re-signing once",
          request.endpoint(),
          before,
          offset.toMillis());
      return true;
    } catch (BackpackException e) {
      LOG.warn("{} was rejected for its timestamp and the server time could not be read: {}",
          request.endpoint(), shortReason(e));
      rejection.addSuppressed(e);
      return false;
    }
  }

  private void pause(Duration delay, BackpackException failure) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private ApiResponse sendOnce(ApiRequest request, String instruction, int attempt) {
    String bodyText = request.body() == null ? null : Json.write(request.body());
    Request.Builder builder =
        new Request.Builder()
            .url(url(request))
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json, text/plain");
    RequestBody body = bodyText == null ? null : RequestBody.create(bodyText, JSON);
    builder.method(request.method(), body);
    if (instruction != null) {
      SignedHeaders headers = sign(request, instruction, bodyText);
      headers.asMap().forEach(builder::header);
    }
    SendTracker.Progress progress = new SendTracker.Progress();
    builder.tag(SendTracker.Progress.class, progress);
    OkHttpClient http = request.kind() == ApiRequest.Kind.WRITE ? writeClient : readClient;

    long start = System.nanoTime();
    try (Response response = http.newCall(builder.build()).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      LOG.debug(
          "{} {} -> {} in {} ms (attempt {})",
          request.method(),
          request.path(),
          response.code(),
          elapsedMillis(start),
          attempt);
      return new ApiResponse(response.code(), response.headers(), text);
    } catch (IOException e) {
      LOG.debug(
          "{} {} -> {} in {} ms (attempt {})",
          request.method(),
          request.path(),
          e.getClass().getSimpleName(),
          elapsedMillis(start),
          attempt);
      throw networkFailure(request, progress.sent(), e);
    }
  }

  // Sign exactly what is sent: the body is serialised once above and its text is parsed back into
  // signing parameters here, so the signature and the wire can never disagree.
  private SignedHeaders sign(ApiRequest request, String instruction, String bodyText) {
    long timestamp = clock.nowMillis();
    if (bodyText != null) {
      if (Instructions.isBatch(request.method(), request.path())) {
        List<Map<String, String>> items = SigningParams.fromJsonArray(bodyText);
        return signer.signBatch(instruction, items, timestamp, windowMillis);
      }
      return signer.sign(instruction, SigningParams.fromJsonObject(bodyText), timestamp, windowMillis);
    }
    return signer.sign(instruction, new TreeMap<>(request.query()), timestamp, windowMillis);
  }

  private HttpUrl url(ApiRequest request) {
    String prefix = baseUrl.encodedPath();
    if (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    HttpUrl.Builder url = baseUrl.newBuilder().encodedPath(prefix + request.path());
    request.query().forEach(url::addQueryParameter);
    return url.build();
  }

  private static NetworkException networkFailure(ApiRequest request, boolean sent, IOException e) {
    String what = e instanceof SocketTimeoutException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
    String reached =
        sent
            ? "the request was sent and may have reached the exchange"
            : "the request was not sent";
    return new NetworkException(
        request.endpoint() + " " + what + ": " + reached, request.method(), request.path(), sent, null, e);
  }

  private static String shortReason(BackpackException failure) {
    if (failure instanceof ApiException api) {
      return "HTTP " + api.httpStatus() + api.code().map(c -> " " + c).orElse("");
    }
    if (failure instanceof NetworkException network && network.getCause() != null) {
      return network.getCause().getClass().getSimpleName();
    }
    return failure.getClass().getSimpleName();
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Override
  public String toString() {
    return "HttpTransport[" + baseUrl + ", signed=" + (signer != null) + "]";
  }
}
