package dev.bpx.mcp;

/** The text of {@code --help}, written to stderr (stdout belongs to JSON-RPC). */
final class Help {
  static final String TEXT = """
      backpack-mcp: an MCP server (stdio) for trading on Backpack Exchange.

      Usage: java -jar backpack-mcp.jar [--paper]

        --paper     trade on the embedded paper exchange even when keys are configured
        --help      show this text
        --version   show the version

      Modes: with no BACKPACK_PRIVATE_KEY the server trades on an embedded paper exchange (no real
      money; state kept in BACKPACK_DATA_DIR). With keys it trades live on BACKPACK_BASE_URL
      (default https://api.backpack.exchange).

      Settings (environment variables or a .env file in the working directory):
        BACKPACK_PRIVATE_KEY          API secret (base64 ED25519 seed); enables live mode
        BACKPACK_PUBLIC_KEY           API key; checked against the secret when given
        BACKPACK_BASE_URL             exchange URL in live mode
        BACKPACK_READ_ONLY            true: offer no tool that places or cancels orders or moves funds
        BACKPACK_MAX_ORDER_NOTIONAL   refuse orders worth more than this (quote currency)
        BACKPACK_ALLOWED_SYMBOLS      comma-separated symbols orders may use
        BACKPACK_DATA_DIR             where paper-mode state is kept
        BACKPACK_PAPER_SEED           seed of the paper exchange's price walk
        BACKPACK_WINDOW_MS, BACKPACK_CONNECT_TIMEOUT_MS, BACKPACK_READ_TIMEOUT_MS,
        BACKPACK_CALL_TIMEOUT_MS, BACKPACK_MAX_RETRIES, BACKPACK_SYNC_CLOCK,
        BACKPACK_MARKET_CACHE_TTL_SECONDS, BACKPACK_CLIENT_ID_LOOKBACK_MINUTES
                                      client tuning; see .env.example

      An unknown BACKPACK_* variable or a malformed value stops the server (exit code 2).
      Logs go to stderr; stdout carries JSON-RPC only.
      """;

  private Help() {}
}
