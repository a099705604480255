package dev.bpx.mcp.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the paper exchange takes its market from: Backpack's real public market data, or the
 * simulated prices of today's seeded walk. Thread-safe (immutable).
 *
 * <p>The upstream is only ever read: it gets public requests with no key, no signature and nothing
 * about the paper account, so plain {@code http}/{@code ws} are allowed (a local upstream in tests).
 *
 * @param choice auto, live or simulated ({@value Settings#PAPER_MARKET_DATA})
 * @param upstreamUrl the upstream's REST base ({@value Settings#PAPER_UPSTREAM_URL})
 * @param upstreamWsUrl the upstream's WebSocket URL ({@value Settings#PAPER_UPSTREAM_WS_URL})
 */
public record PaperMarketData(Choice choice, URI upstreamUrl, URI upstreamWsUrl) {
  /** Backpack's public REST API. */
  public static final URI DEFAULT_UPSTREAM_URL = URI.create("https://api.backpack.exchange");
  /** Backpack's public WebSocket streams. */
  public static final URI DEFAULT_UPSTREAM_WS_URL = URI.create("wss://ws.backpack.exchange");

  /** The user's choice of market data for paper mode. */
  public enum Choice {
    /** Real market data when the upstream answers when the paper exchange opens; simulated prices otherwise. */
    AUTO,
    /** Real market data, or a clear error when the upstream cannot be reached. */
    LIVE,
    /** The seeded price walk: offline, deterministic. */
    SIMULATED;

    /** {@return the value as the setting spells it} */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The default: real market data from Backpack when it answers. */
  public static PaperMarketData defaults() {
    return new PaperMarketData(Choice.AUTO, DEFAULT_UPSTREAM_URL, DEFAULT_UPSTREAM_WS_URL);
  }

  /** Reads the three settings; each unset one takes its default. */
  static PaperMarketData parse(Optional<String> choice, Optional<String> upstreamUrl, Optional<String> upstreamWsUrl) {
    return new PaperMarketData(
        choice.map(PaperMarketData::choice).orElse(Choice.AUTO),
        upstreamUrl.map(u -> url(Settings.PAPER_UPSTREAM_URL, u, "http", "e.g. https://api.backpack.exchange"))
            .orElse(DEFAULT_UPSTREAM_URL),
        upstreamWsUrl.map(u -> url(Settings.PAPER_UPSTREAM_WS_URL, u, "ws", "e.g. wss://ws.backpack.exchange"))
            .orElse(DEFAULT_UPSTREAM_WS_URL));
  }

  private static Choice choice(String text) {
    for (Choice c : Choice.values()) {
      if (c.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new ConfigException(Settings.PAPER_MARKET_DATA, Settings.PAPER_MARKET_DATA + " '" + text
        + "' is not one of auto, live, simulated: set auto (real prices when Backpack answers, simulated otherwise),"
        + " live (real prices or an error) or simulated (offline, seeded prices)", null, null);
  }

  /** {@code scheme} is {@code http} or {@code ws}; its secure variant is accepted too. */
  private static URI url(String setting, String text, String scheme, String example) {
    try {
      URI uri = new URI(text.trim());
      String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((s.equals(scheme) || s.equals(scheme + "s")) && uri.getHost() != null && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // described below
    }
    throw new ConfigException(setting, setting + " '" + text + "' is not a " + scheme + ":// or " + scheme
        + "s:// URL with a host (and no query): set it to the upstream's address, " + example
        + ", or remove it for the default", null, null);
  }

  /**
   * {@return the market data in words before the paper exchange has opened, for instructions and
   * status: definite unless the choice is auto}
   */
  public String describeChoice() {
    return switch (choice) {
      case LIVE -> "real market data from " + upstreamUrl;
      case SIMULATED -> "simulated prices";
      case AUTO -> "real market data from " + upstreamUrl
          + " when it answers as the paper exchange opens, simulated prices otherwise";
    };
  }
}
