package dev.bpx.mcp.config;

import java.util.List;

/** The names of every environment variable the server reads (the client's and its own). Thread-safe (constants). */
public final class Settings {
  /** {@code true} hides every tool that places, cancels or moves funds. */
  public static final String READ_ONLY = "BACKPACK_READ_ONLY";
  /** The largest notional of one order, in the market's quote currency. */
  public static final String MAX_ORDER_NOTIONAL = "BACKPACK_MAX_ORDER_NOTIONAL";
  /** Circuit breaker: the largest absolute notional (at the mark) of one perp position after an order. */
  public static final String MAX_POSITION_NOTIONAL = "BACKPACK_MAX_POSITION_NOTIONAL";
  /** Circuit breaker: the largest account leverage (exposure / net equity) after an order. */
  public static final String MAX_LEVERAGE = "BACKPACK_MAX_LEVERAGE";
  /** Circuit breaker: the most open orders on the account after an order (its take-profit/stop-loss count). */
  public static final String MAX_OPEN_ORDERS = "BACKPACK_MAX_OPEN_ORDERS";
  /** Comma-separated symbols that orders may use; unset means all. */
  public static final String ALLOWED_SYMBOLS = "BACKPACK_ALLOWED_SYMBOLS";
  /** Where paper-mode state is kept; default the user's data directory. */
  public static final String DATA_DIR = "BACKPACK_DATA_DIR";
  /** Seed of the paper exchange's price walk. */
  public static final String PAPER_SEED = "BACKPACK_PAPER_SEED";
  /** Paper mode's market: auto (real market data when the upstream answers, else simulated), live or simulated. */
  public static final String PAPER_MARKET_DATA = "BACKPACK_PAPER_MARKET_DATA";
  /** Paper mode's upstream for real market data: a Backpack-compatible public REST API. */
  public static final String PAPER_UPSTREAM_URL = "BACKPACK_PAPER_UPSTREAM_URL";
  /** Paper mode's upstream WebSocket streams. */
  public static final String PAPER_UPSTREAM_WS_URL = "BACKPACK_PAPER_UPSTREAM_WS_URL";
  /** Dead-man switch: minutes without a tool call after which every open order is cancelled (fractions allowed). */
  public static final String CANCEL_AFTER_IDLE_MINUTES = "BACKPACK_CANCEL_AFTER_IDLE_MINUTES";
  /** {@code true} cancels every open order when the MCP session ends. */
  public static final String CANCEL_ON_EXIT = "BACKPACK_CANCEL_ON_EXIT";

  /** Which orders the user confirms through the MCP client: always, never or above:&lt;notional&gt;. */
  public static final String CONFIRM_ORDERS = "BACKPACK_CONFIRM_ORDERS";
  /** How long a confirmation waits for the user's answer, in seconds; then the order is not placed. */
  public static final String CONFIRM_TIMEOUT_SECONDS = "BACKPACK_CONFIRM_TIMEOUT_SECONDS";

  /** Circuit breaker: the largest notional sent through this server in a rolling 24 hours (state in the data directory). */
  public static final String MAX_DAILY_NOTIONAL = "BACKPACK_MAX_DAILY_NOTIONAL";
  /** Circuit breaker: the net-equity loss since the start of the UTC day at which the server goes reduce-only. */
  public static final String MAX_DAILY_LOSS = "BACKPACK_MAX_DAILY_LOSS";

  /** The server's own variables (the client's are listed by the client). */
  public static final List<String> SERVER_VARIABLES =
      List.of(READ_ONLY, MAX_ORDER_NOTIONAL, MAX_POSITION_NOTIONAL, MAX_LEVERAGE, MAX_OPEN_ORDERS, ALLOWED_SYMBOLS, DATA_DIR,
          PAPER_SEED, PAPER_MARKET_DATA, PAPER_UPSTREAM_URL, PAPER_UPSTREAM_WS_URL, CONFIRM_ORDERS, CONFIRM_TIMEOUT_SECONDS, CANCEL_AFTER_IDLE_MINUTES, CANCEL_ON_EXIT, MAX_DAILY_NOTIONAL,
          MAX_DAILY_LOSS);

  private Settings() {}
}
