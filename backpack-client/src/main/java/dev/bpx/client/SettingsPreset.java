package dev.bpx.client;

import dev.bpx.auth.SigningString;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.stream.StreamSettings;
import java.time.Duration;

/** Turns {@link ClientSettings} into the {@link ClientOptions} a {@link BackpackClient.Builder} starts from. */
final class SettingsPreset {
  private SettingsPreset() {}

  /**
   * {@return the defaults, with every setting that has a value applied}
   *
   * @throws ValidationException naming the variable when a value is malformed
   */
  static ClientOptions options(ClientSettings settings) {
    ClientOptions options = new ClientOptions();
    settings.get(ClientSettings.BASE_URL).ifPresent(url -> options.baseUrl(url, ClientSettings.BASE_URL));
    settings.get(ClientSettings.WS_URL).ifPresent(url -> options.streams(streamSettings(url)));
    var privateKey = settings.get(ClientSettings.PRIVATE_KEY);
    var publicKey = settings.get(ClientSettings.PUBLIC_KEY);
    if (privateKey.isPresent()) {
      options.signingKey = ClientOptions.loadKey(privateKey.get(), publicKey.orElse(null));
    } else if (publicKey.isPresent()) {
      throw new ValidationException(ClientSettings.PRIVATE_KEY,
          "BACKPACK_PUBLIC_KEY is set but BACKPACK_PRIVATE_KEY is not",
          "set BACKPACK_PRIVATE_KEY to the API secret (the public key alone cannot sign), or remove"
              + " BACKPACK_PUBLIC_KEY for a public-data-only client");
    }
    settings.longValue(ClientSettings.WINDOW_MS, 1, SigningString.MAX_WINDOW_MILLIS, "a window in milliseconds")
        .ifPresent(options::windowMillis);
    settings.longValue(ClientSettings.CONNECT_TIMEOUT_MS, 1, 600_000, "a timeout in milliseconds")
        .ifPresent(ms -> options.connectTimeout(Duration.ofMillis(ms)));
    settings.longValue(ClientSettings.READ_TIMEOUT_MS, 1, 600_000, "a timeout in milliseconds")
        .ifPresent(ms -> options.readTimeout(Duration.ofMillis(ms)));
    settings.longValue(ClientSettings.CALL_TIMEOUT_MS, 0, 3_600_000, "a timeout in milliseconds (0 for none)")
        .ifPresent(ms -> options.callTimeout(Duration.ofMillis(ms)));
    settings.longValue(ClientSettings.MAX_RETRIES, 0, 10, "a number of retries")
        .ifPresent(n -> options.maxRetries((int) n));
    settings.booleanValue(ClientSettings.SYNC_CLOCK).ifPresent(v -> options.syncClockOnStart = v);
    settings.longValue(ClientSettings.MARKET_CACHE_TTL_SECONDS, 0, 86_400, "a number of seconds")
        .ifPresent(s -> options.marketCacheTtl(Duration.ofSeconds(s)));
    settings.longValue(ClientSettings.CLIENT_ID_LOOKBACK_MINUTES, BackpackClient.MIN_CLIENT_ID_LOOKBACK.toMinutes(),
            BackpackClient.MAX_CLIENT_ID_LOOKBACK.toMinutes(), "a number of minutes")
        .ifPresent(m -> options.clientIdLookback(Duration.ofMinutes(m)));
    return options;
  }

  private static StreamSettings streamSettings(String url) {
    try {
      return StreamSettings.builder().url(url).build();
    } catch (ValidationException e) {
      throw new ValidationException(ClientSettings.WS_URL, ClientSettings.WS_URL + " '" + url + "' must start with ws:// or wss://",
          "e.g. " + StreamSettings.DEFAULT_URL);
    }
  }
}
