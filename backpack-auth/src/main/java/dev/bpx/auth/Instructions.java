package dev.bpx.auth;

import java.util.Map;
import java.util.Optional;

/**
 * The one table that maps a signed endpoint (HTTP method and path) to the instruction name Backpack
 * signs it with. Endpoints that are not in the table are public and are not signed.
 *
 * <p>Source: the "Instruction:" line of each operation in Backpack's OpenAPI spec, matching the
 * official Rust client and ccxt ({@code backpack-api.md} section 1.6). Thread-safe.
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
          Map.entry("GET /wapi/v1/capital/deposits", "depositQueryAll"),
          Map.entry("GET /wapi/v1/capital/deposit/address", "depositAddressQuery"),
          Map.entry("GET /wapi/v1/capital/withdrawals", "withdrawalQueryAll"),
          Map.entry("POST /wapi/v1/capital/withdrawals", "withdraw"));

  private Instructions() {}

  /**
   * {@return the instruction that signs {@code method path}, or empty for a public endpoint}
   *
   * @param method HTTP method, any case
   * @param path the path without query string, e.g. {@code /api/v1/order}
   */
  public static Optional<String> forRequest(String method, String path) {
    return Optional.ofNullable(TABLE.get(method.toUpperCase(java.util.Locale.ROOT) + " " + path));
  }

  /** {@return whether the body of this request is a batch (a JSON array signed one segment per item)} */
  public static boolean isBatch(String method, String path) {
    return "POST".equalsIgnoreCase(method) && "/api/v1/orders".equals(path);
  }
}
