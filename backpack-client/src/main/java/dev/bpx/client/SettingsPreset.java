package dev.bpx.client;

import dev.bpx.auth.SigningString;
import dev.bpx.client.exception.ValidationException;
import java.time.Duration;

/** Turns {@link ClientSettings} into the matching {@link BackpackClient.Builder} calls. */
final class SettingsPreset {
  private SettingsPreset() {}

  /**
   * {@return {@code builder}, with every setting that has a value applied}
   *
   * @throws ValidationException naming the variable when a value is malformed
   */
  static BackpackClient.Builder apply(ClientSettings settings, BackpackClient.Builder builder) {
    settings.get(ClientSettings.BASE_URL).ifPresent(url -> builder.baseUrl(url, ClientSettings.BASE_URL));
    var privateKey = settings.get(ClientSettings.PRIVATE_KEY);
    var publicKey = settings.get(ClientSettings.PUBLIC_KEY);
    if (privateKey.isPresent()) {
      builder.signingKey(BackpackClient.loadKey(privateKey.get(), publicKey.orElse(null)));
    } else if (publicKey.isPresent()) {
      throw new ValidationException(ClientSettings.PRIVATE_KEY,
          "BACKPACK_PUBLIC_KEY is set but BACKPACK_PRIVATE_KEY is not",
          "set BACKPACK_PRIVATE_KEY to the API secret (the public key alone cannot sign), or remove"
              + " BACKPACK_PUBLIC_KEY for a public-data-only client");
    }
    settings.longValue(ClientSettings.WINDOW_MS, 1, SigningString.MAX_WINDOW_MILLIS, "a window in milliseconds")
        .ifPresent(builder::windowMillis);
    settings.longValue(ClientSettings.CONNECT_TIMEOUT_MS, 1, 600_000, "a timeout in milliseconds")
        .ifPresent(ms -> builder.connectTimeout(Duration.ofMillis(ms)));
    settings.longValue(ClientSettings.READ_TIMEOUT_MS, 1, 600_000, "a timeout in milliseconds")
        .ifPresent(ms -> builder.readTimeout(Duration.ofMillis(ms)));
    settings.longValue(ClientSettings.CALL_TIMEOUT_MS, 0, 3_600_000, "a timeout in milliseconds (0 for none)")
        .ifPresent(ms -> builder.callTimeout(Duration.ofMillis(ms)));
    settings.longValue(ClientSettings.MAX_RETRIES, 0, 10, "a number of retries")
        .ifPresent(n -> builder.maxRetries((int) n));
    settings.booleanValue(ClientSettings.SYNC_CLOCK).ifPresent(builder::syncClockOnStart);
    settings.longValue(ClientSettings.MARKET_CACHE_TTL_SECONDS, 0, 86_400, "a number of seconds")
        .ifPresent(s -> builder.marketCacheTtl(Duration.ofSeconds(s)));
    settings.longValue(ClientSettings.CLIENT_ID_LOOKBACK_MINUTES, BackpackClient.MIN_CLIENT_ID_LOOKBACK.toMinutes(),
            BackpackClient.MAX_CLIENT_ID_LOOKBACK.toMinutes(), "a number of minutes")
        .ifPresent(m -> builder.clientIdLookback(Duration.ofMinutes(m)));
    return builder;
  }
}
