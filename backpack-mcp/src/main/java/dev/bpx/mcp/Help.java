package dev.bpx.mcp;

import dev.bpx.mcp.config.ServerConfig;

/** The text of {@code --help}, printed on stdout (the server does not start). */
final class Help {
  private static final String TEXT = """
      backpack-mcp: an MCP server (stdio) for trading on Backpack Exchange.

      Usage: java -jar backpack-mcp.jar [--paper]
             java -jar backpack-mcp.jar emergency-stop [--paper]
             java -jar backpack-mcp.jar breakers reset
             java -jar backpack-mcp.jar journal verify | journal export --csv  [--dir DIR]
             java -jar backpack-mcp.jar setup --client cursor|claude-desktop|claude-code|vscode|windsurf
                                        [--dry-run] [--read-only] [--max-order-notional N] ...

        --paper     trade on the embedded paper exchange even when keys are configured
        --help      show this text
        --version   show the version

      emergency-stop cancels every open order on every market, then closes every perp position with
      reduce-only market orders, on the account the server would use (same settings), prints what it
      did and exits 0, or 1 when anything failed (a running server that holds the paper account too).

      breakers reset clears a tripped BACKPACK_MAX_DAILY_LOSS and the notional counted against
      BACKPACK_MAX_DAILY_NOTIONAL in BACKPACK_DATA_DIR (for a person; no tool can do it).

      journal verify checks the hash chain of the trade journal in BACKPACK_DATA_DIR/journal (or DIR):
      exit 0 when intact, 1 naming the first broken line as file:line. journal export --csv prints
      every journal record as CSV on stdout.

      setup configures an MCP client for the current user to start this server with the fast launch
      (absolute paths; the start-up archive is made for this JDK and the jar's place). It merges the
      client's file (other servers are kept, a backup is written beside it, a file that is not valid
      JSON is left alone; Claude Code: its claude CLI when on the PATH), --dry-run prints the change
      and writes nothing. Safety options become the entry's env: --read-only, --max-order-notional,
      --max-position-notional, --max-leverage, --max-open-orders, --allowed-symbols,
      --max-daily-notional, --max-daily-loss, --confirm-orders, --confirm-timeout-seconds,
      --cancel-after-idle-minutes, --cancel-on-exit, --data-dir, --base-url. A private key is never
      written there: put BACKPACK_PRIVATE_KEY in the user-wide settings file below.

      Modes: with no BACKPACK_PRIVATE_KEY the server trades on an embedded paper exchange (no real
      money; state kept in BACKPACK_DATA_DIR). With keys it trades live on BACKPACK_BASE_URL
      (default https://api.backpack.exchange).

      Settings come from environment variables (e.g. the "env" of the server in the MCP client's
      configuration) and from ONE .env file: .env in the working directory if there is one, else
      the user-wide file
        %s
      (Linux: $XDG_CONFIG_HOME/backpack-mcp/.env, default ~/.config/backpack-mcp/.env; macOS:
      ~/Library/Application Support/backpack-mcp/.env; Windows: %%APPDATA%%\\backpack-mcp\\.env).
      MCP clients often start servers in / or the home directory, so the user-wide file is the one
      they find. An environment variable wins over the same variable in the file. The log (stderr)
      says which file was read.
        BACKPACK_PRIVATE_KEY          API secret (base64 ED25519 seed); enables live mode
        BACKPACK_PUBLIC_KEY           API key; checked against the secret when given
        BACKPACK_BASE_URL             exchange URL in live mode
        BACKPACK_READ_ONLY            true: offer no tool that places or cancels orders or moves funds
        BACKPACK_MAX_ORDER_NOTIONAL   refuse orders worth more than this (quote currency)
        BACKPACK_MAX_POSITION_NOTIONAL  refuse orders that take a perp position above this (at the mark)
        BACKPACK_MAX_LEVERAGE         refuse orders that take account leverage above this
        BACKPACK_MAX_OPEN_ORDERS      refuse resting orders beyond this many open orders
        BACKPACK_ALLOWED_SYMBOLS      comma-separated symbols orders may use
        BACKPACK_DATA_DIR             where paper-mode state and the trade journal (journal/) are kept
        BACKPACK_PAPER_SEED           seed of the paper exchange's price walk
        BACKPACK_PAPER_MARKET_DATA    auto | live | simulated: paper mode on Backpack's real market
                                      data (auto: when it answers) or on simulated prices
        BACKPACK_PAPER_UPSTREAM_URL, BACKPACK_PAPER_UPSTREAM_WS_URL
                                      where real market data comes from (public API, no keys)
        BACKPACK_CANCEL_AFTER_IDLE_MINUTES  dead-man switch: cancel every open order after this many
                                      minutes without a tool call (fractions allowed: 0.5 = 30 s)
        BACKPACK_CANCEL_ON_EXIT       true: cancel every open order when the session ends
        BACKPACK_MAX_DAILY_NOTIONAL   refuse orders beyond this notional sent in a rolling 24 hours
        BACKPACK_MAX_DAILY_LOSS       reduce-only until 00:00 UTC once net equity fell this much today
        BACKPACK_WINDOW_MS, BACKPACK_CONNECT_TIMEOUT_MS, BACKPACK_READ_TIMEOUT_MS,
        BACKPACK_CALL_TIMEOUT_MS, BACKPACK_MAX_RETRIES, BACKPACK_SYNC_CLOCK,
        BACKPACK_MARKET_CACHE_TTL_SECONDS, BACKPACK_CLIENT_ID_LOOKBACK_MINUTES
                                      client tuning; see .env.example
        BACKPACK_CONFIRM_ORDERS       always | never | above:<notional>: orders the user confirms
                                      in the MCP client first (default: always live, never paper)
        BACKPACK_CONFIRM_TIMEOUT_SECONDS  wait for that answer, 1..50 s (default 45)

      An unknown BACKPACK_* variable or a malformed value is a configuration error, said on stderr.
      Run from a terminal, the server then exits with code 2. Started by an MCP client, it starts
      anyway so the client can show the error: it heads the server's instructions, get_server_status
      reports it, and every other tool answers with it and sends nothing until it is fixed and the
      server restarted.
      Logs go to stderr; stdout carries JSON-RPC only.
      """;

  private Help() {}

  /** {@return the help text, with this machine's user-wide settings file} */
  static String text() {
    return String.format(TEXT, ServerConfig.configDotEnv(System.getenv(), Main.userHome()));
  }
}
