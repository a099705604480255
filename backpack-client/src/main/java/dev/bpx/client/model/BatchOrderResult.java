package dev.bpx.client.model;

/**
 * One item of the {@code POST /api/v1/orders} (batch) response, in input order: either the placed
 * {@link Order} or an error {@code {"operation":"Err","code":…,"message":…}}. See {@code
 * backpack-api.md} sections 2.4 and 7.1.
 *
 * <p>The spec discriminates items by {@code operation} ({@code Ok}/{@code Err}), but whether
 * success items really carry {@code "operation":"Ok"} is <b>unconfirmed</b>, so decoding treats
 * {@code "Err"} as an error, {@code "Ok"} as success, and an item without {@code operation} as a
 * success when it has an {@code id} and as an error otherwise. Exactly one of {@link #order()} and
 * {@link #code()} is normally set. Thread-safe.
 *
 * @param order the placed order, or null for an error item
 * @param code the error code (e.g. {@code INSUFFICIENT_FUNDS}), or null for a success item
 * @param message the error message, or null for a success item
 */
public record BatchOrderResult(Order order, String code, String message) {

  /**
   * Returns a success item.
   *
   * @param order the placed order
   * @return the item
   */
  public static BatchOrderResult success(Order order) {
    return new BatchOrderResult(order, null, null);
  }

  /**
   * Returns an error item.
   *
   * @param code the error code
   * @param message the error message
   * @return the item
   */
  public static BatchOrderResult error(String code, String message) {
    return new BatchOrderResult(null, code, message);
  }

  /**
   * Tells whether the exchange accepted this item.
   *
   * @return true when {@link #order()} is set
   */
  public boolean ok() {
    return order != null;
  }
}
