package dev.bpx.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table that maps a signed endpoint (HTTP method and path) to the instruction name Backpack
 * signs it with, and the list of public endpoints, which are not signed. An endpoint in neither is
 * unknown: a client must refuse to send it rather than send it unsigned ({@link #isKnown}).
 *
 * <p>Source: the "Instruction:" line of each operation in Backpack's OpenAPI spec, matching the
 * official Rust client and ccxt ({@code backpack-api.md} section 1.6); the batch order endpoint, which
 * the spec leaves without one, signs each order with {@code orderExecute}. A test compares both lists
 * with the spec. The withdrawal-delay operations are left out: the spec names no instruction for them.
 * Thread-safe.
 */
public final class Instructions {
  private static final Map<String, String> TABLE =
      Map.ofEntries(
          Map.entry("GET /api/v1/account", "accountQuery"),
          Map.entry("PATCH /api/v1/account", "accountUpdate"),
          Map.entry("POST /api/v1/account/convertDust", "convertDust"),
          Map.entry("GET /api/v1/account/limits/borrow", "maxBorrowQuantity"),
          Map.entry("GET /api/v1/account/limits/order", "maxOrderQuantity"),
          Map.entry("GET /api/v1/account/limits/withdrawal", "maxWithdrawalQuantity"),
          Map.entry("GET /api/v1/capital", "balanceQuery"),
          Map.entry("GET /api/v1/capital/collateral", "collateralQuery"),
          Map.entry("GET /api/v1/borrowLend/positions", "borrowLendPositionQuery"),
          Map.entry("POST /api/v1/borrowLend", "borrowLendExecute"),
          Map.entry("GET /api/v1/order", "orderQuery"),
          Map.entry("POST /api/v1/order", "orderExecute"),
          Map.entry("DELETE /api/v1/order", "orderCancel"),
          Map.entry("GET /api/v1/orders", "orderQueryAll"),
          Map.entry("POST /api/v1/orders", "orderExecute"),
          Map.entry("DELETE /api/v1/orders", "orderCancelAll"),
          Map.entry("GET /api/v1/position", "positionQuery"),
          Map.entry("POST /api/v1/rfq/quote", "quoteSubmit"),
          Map.entry("GET /api/v1/rfqs", "rfqQuery"),
          Map.entry("POST /api/v1/rfq", "rfqSubmit"),
          Map.entry("POST /api/v1/rfq/accept", "quoteAccept"),
          Map.entry("POST /api/v1/rfq/refresh", "rfqRefresh"),
          Map.entry("POST /api/v1/rfq/cancel", "rfqCancel"),
          Map.entry("GET /api/v1/strategy", "strategyQuery"),
          Map.entry("POST /api/v1/strategy", "strategyCreate"),
          Map.entry("DELETE /api/v1/strategy", "strategyCancel"),
          Map.entry("GET /api/v1/strategies", "strategyQueryAll"),
          Map.entry("DELETE /api/v1/strategies", "strategyCancelAll"),
          Map.entry("POST /api/v1/vault/mint", "vaultMint"),
          Map.entry("POST /api/v1/vault/redeem", "vaultRedeemRequest"),
          Map.entry("DELETE /api/v1/vault/redeem", "vaultRedeemCancel"),
          Map.entry("GET /api/v1/vault/redeems/pending", "vaultPendingRedeemsQuery"),
          Map.entry("GET /api/v1/vault/nav", "vaultNavQuery"),
          Map.entry("GET /wapi/v1/history/orders", "orderHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/fills", "fillHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/funding", "fundingHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/borrowLend", "borrowHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/borrowLend/positions", "borrowPositionHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/interest", "interestHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/settlement", "settlementHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/position", "positionHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/dust", "dustHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/strategies", "strategyHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/rfq", "rfqHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/quote", "quoteHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/rfq/fill", "rfqFillHistoryQueryAll"),
          Map.entry("GET /wapi/v1/history/quote/fill", "quoteFillHistoryQueryAll"),
          Map.entry("GET /wapi/v1/capital/deposits", "depositQueryAll"),
          Map.entry("GET /wapi/v1/capital/deposit/address", "depositAddressQuery"),
          Map.entry("GET /wapi/v1/capital/withdrawals", "withdrawalQueryAll"),
          Map.entry("POST /wapi/v1/capital/withdrawals", "withdraw"));

  /** The public endpoints: the spec's operations that carry no instruction and no signature headers. */
  private static final Set<String> PUBLIC =
      Set.of(
          "GET /api/v1/assets",
          "GET /api/v1/collateral",
          "GET /api/v1/borrowLend/position/liquidationPrice",
          "GET /api/v1/borrowLend/markets",
          "GET /api/v1/borrowLend/markets/history",
          "GET /api/v1/borrowLend/apy",
          "GET /api/v1/markets",
          "GET /api/v1/market",
          "GET /api/v1/depth",
          "GET /api/v1/prediction",
          "GET /api/v1/prediction/tags",
          "GET /api/v1/market-sessions",
          "GET /api/v1/securities",
          "GET /api/v1/markPrices",
          "GET /api/v1/openInterest",
          "GET /api/v1/fundingRates",
          "GET /api/v1/status",
          "GET /api/v1/ping",
          "GET /api/v1/time",
          "GET /api/v1/trades",
          "GET /api/v1/trades/history",
          "GET /api/v1/vaults",
          "GET /api/v1/vaults/history",
          "GET /api/v1/wallets",
          "GET /api/v1/klines",
          "GET /api/v1/ticker",
          "GET /api/v1/tickers");

  private Instructions() {}

  /**
   * {@return the instruction that signs {@code method path}, or empty for a public endpoint}
   *
   * @param method HTTP method, any case
   * @param path the path without query string, e.g. {@code /api/v1/order}
   */
  public static Optional<String> forRequest(String method, String path) {
    return Optional.ofNullable(TABLE.get(key(method, path)));
  }

  /** {@return whether {@code method path} is a public endpoint, sent without a signature} */
  public static boolean isPublic(String method, String path) {
    return PUBLIC.contains(key(method, path));
  }

  /**
   * {@return whether {@code method path} is a Backpack endpoint this table knows: signed or public}
   * An unknown endpoint must not be sent: were it a private one, it would go out unsigned.
   */
  public static boolean isKnown(String method, String path) {
    String key = key(method, path);
    return TABLE.containsKey(key) || PUBLIC.contains(key);
  }

  /** {@return every signed endpoint ("METHOD /path") and its instruction} */
  public static Map<String, String> signed() {
    return TABLE;
  }

  /** {@return every public endpoint, as "METHOD /path"} */
  public static Set<String> publicEndpoints() {
    return PUBLIC;
  }

  private static String key(String method, String path) {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
  }

  /** {@return whether the body of this request is a batch (a JSON array signed one segment per item)} */
  public static boolean isBatch(String method, String path) {
    return "POST".equalsIgnoreCase(method) && "/api/v1/orders".equals(path);
  }
}
