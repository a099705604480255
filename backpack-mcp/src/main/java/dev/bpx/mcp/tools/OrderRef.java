package dev.bpx.mcp.tools;

import dev.bpx.client.request.OrderRequest;

/**
 * The order a tool call names, as get_order and cancel_order take it: its market and exactly one of
 * {@code orderId} and {@code clientId}.
 *
 * @param orderId the exchange's order id, or null when {@code clientId} names the order
 * @param clientId the clientId given at creation, or null when {@code orderId} names the order
 */
record OrderRef(String symbol, String orderId, Long clientId) {

  /** @throws ToolInputException when the symbol is missing or malformed, or not exactly one id is given */
  static OrderRef from(ToolArgs args) {
    String symbol = args.symbol("symbol");
    String orderId = args.optionalString("orderId");
    Long clientId = args.optionalLong("clientId", 0, OrderRequest.MAX_CLIENT_ID);
    if ((orderId == null) == (clientId == null)) {
      throw new ToolInputException("give exactly one of 'orderId' and 'clientId'");
    }
    return new OrderRef(symbol, orderId, clientId);
  }
}
