package dev.bpx.client;

import dev.bpx.auth.KeyFormatException;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.SigningString;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import dev.bpx.client.stream.StreamSettings;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What a {@link BackpackClient.Builder} collects, with the defaults; the setters that take a range check
 * it at once and throw {@link ValidationException} naming the setting. Not thread-safe: one builder owns it.
 */
final class ClientOptions {
  HttpUrl baseUrl = HttpUrl.get(BackpackClient.DEFAULT_BASE_URL);
  SigningKey signingKey;
  long windowMillis = SigningString.DEFAULT_WINDOW_MILLIS;
  /** Null: the injected OkHttp client's own, else the default. The same for the two below. */
  Duration connectTimeout;
  Duration readTimeout;
  Duration callTimeout;
  Clock clock = Clock.systemUTC();
  OkHttpClient okHttpClient;
  Sleeper sleeper = Sleeper.system();
  StreamSettings streamSettings = StreamSettings.defaults();
  /** Whether the application set the stream settings: then order waits use the order-update stream too. */
  boolean streamsConfigured;

  void streams(StreamSettings settings) {
    streamSettings = settings;
    streamsConfigured = true;
  }
  int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
  boolean syncClockOnStart;
  Duration marketCacheTtl = BackpackClient.DEFAULT_MARKET_CACHE_TTL;
  SafetyLimits safetyLimits = SafetyLimits.none();
  Duration clientIdLookback = BackpackClient.DEFAULT_CLIENT_ID_LOOKBACK;
  Path stateDirectory;
  Path journalDir;

  /** @param field the name to blame: the builder's setter or the environment variable */
  void baseUrl(String url, String field) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new ValidationException(field, "'" + url + "' is not an http or https URL",
          "use e.g. " + BackpackClient.DEFAULT_BASE_URL + " or http://localhost:8080");
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new ValidationException(field, "'" + url + "' has a query or fragment", "give only scheme, host, port and path");
    }
    this.baseUrl = parsed;
  }

  void windowMillis(long windowMillis) {
    if (windowMillis < 1 || windowMillis > SigningString.MAX_WINDOW_MILLIS) {
      throw new ValidationException("windowMillis", windowMillis + " is outside 1.." + SigningString.MAX_WINDOW_MILLIS,
          "use a window between 1 and 60000 ms; 5000 is Backpack's default");
    }
    this.windowMillis = windowMillis;
  }

  void connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
  }

  void readTimeout(Duration timeout) {
    this.readTimeout = positive("readTimeout", timeout);
  }

  void callTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new ValidationException("callTimeout", "must be zero or positive", "use e.g. Duration.ofSeconds(30)");
    }
    this.callTimeout = timeout;
  }

  void maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new ValidationException("maxRetries", maxRetries + " is outside 0..10", "use a number from 0 to 10");
    }
    this.maxRetries = maxRetries;
  }

  void clientIdLookback(Duration lookback) {
    if (lookback == null || lookback.compareTo(BackpackClient.MIN_CLIENT_ID_LOOKBACK) < 0
        || lookback.compareTo(BackpackClient.MAX_CLIENT_ID_LOOKBACK) > 0) {
      throw new ValidationException("clientIdLookback", "must be between 2 minutes and 30 days",
          "use e.g. Duration.ofHours(24)");
    }
    this.clientIdLookback = lookback;
  }

  void marketCacheTtl(Duration ttl) {
    if (ttl == null || ttl.isNegative()) {
      throw new ValidationException("marketCacheTtl", "must be zero or positive", "use e.g. Duration.ofMinutes(5)");
    }
    this.marketCacheTtl = ttl;
  }

  /** @throws ValidationException if a daily circuit breaker is set without a state directory */
  void checkComplete() {
    if (safetyLimits.hasDailyBreakers() && stateDirectory == null) {
      throw new ValidationException("stateDirectory", "the daily circuit breakers (maxDailyNotional, maxDailyLoss) keep"
          + " their state on disk, and no state directory is set", "call stateDirectory(path) with a writable directory");
    }
  }

  private static Duration positive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new ValidationException(field, "must be positive", "use e.g. Duration.ofSeconds(10)");
    }
    return value;
  }

  static SigningKey loadKey(String privateKey, String publicKey) {
    try {
      return SigningKey.fromBase64(privateKey, publicKey);
    } catch (KeyFormatException e) {
      // KeyFormatException messages name the variable and never contain key material.
      String field = e.getMessage().startsWith(ClientSettings.PUBLIC_KEY)
          ? ClientSettings.PUBLIC_KEY : ClientSettings.PRIVATE_KEY;
      throw new ValidationException(field, e.getMessage(), "copy the key again from Backpack's API key page");
    }
  }
}
