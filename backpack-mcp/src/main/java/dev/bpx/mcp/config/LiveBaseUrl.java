package dev.bpx.mcp.config;

import dev.bpx.client.ClientSettings;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the live-mode exchange URLs: signed requests and subscriptions must not travel in clear text. */
final class LiveBaseUrl {
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.[0-9]{1,3}){3}");

  private LiveBaseUrl() {}

  /** {@return {@code url}} @throws ConfigException unless it is https, or plain http to this machine */
  static String check(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !isLoopbackHttp(url)) {
      throw new ConfigException(ClientSettings.BASE_URL, ClientSettings.BASE_URL + " '" + url
          + "' must use https:// (plain http is only allowed for localhost): signed requests must not travel in clear text", null, null);
    }
    return url;
  }

  /** {@return {@code url}} @throws ConfigException unless it is wss, or plain ws to this machine */
  static String checkWebSocket(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean loopbackWs = lower.startsWith("ws://") && isLoopbackHttp("http://" + url.substring("ws://".length()));
    if (!lower.startsWith("wss://") && !loopbackWs) {
      throw new ConfigException(ClientSettings.WS_URL, ClientSettings.WS_URL + " '" + url
          + "' must use wss:// (plain ws is only allowed for localhost): signed subscriptions must not travel in clear text", null, null);
    }
    return url;
  }

  /** Judged on the parsed host: a prefix test would pass {@code http://localhost.attacker.example}. */
  private static boolean isLoopbackHttp(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      String host = uri.getHost();
      return "http".equalsIgnoreCase(uri.getScheme()) && host != null && uri.getRawUserInfo() == null
          && (host.equalsIgnoreCase("localhost") || host.equals("[::1]") || LOOPBACK_IPV4.matcher(host).matches());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
