package dev.bpx.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Well-formed arguments for every tool (the base that malformed-argument tests spoil one property
 * at a time), and the malformed values that each kind of input schema property must refuse.
 */
final class ToolArguments {
  private ToolArguments() {}

  /** {@return well-formed arguments for {@code tool}; ids are placeholders that need not exist} */
  static Map<String, Object> wellFormed(String tool) {
    return new LinkedHashMap<>(switch (tool) {
      case "get_server_status", "list_positions", "get_collateral", "get_borrow_lend_positions",
           "get_account_settings", "emergency_stop" -> Map.of();
      case "list_orders", "cancel_all_orders", "get_market", "get_ticker" -> Map.of("symbol", "SOL_USDC");
      case "get_order", "cancel_order" -> Map.of("symbol", "SOL_USDC", "orderId", "1");
      case "create_order", "preview_order" -> Map.of("symbol", "SOL_USDC", "side", "Bid", "orderType", "Limit",
          "quantity", "1", "price", "100");
      case "close_position" -> Map.of("symbol", "SOL_USDC_PERP");
      case "get_max_order_quantity" -> Map.of("symbol", "SOL_USDC", "side", "Bid");
      case "get_balances" -> Map.of("showZeroBalances", false);
      case "lend", "redeem" -> Map.of("asset", "USDC", "quantity", "10");
      case "update_account_settings" -> Map.of("autoLend", false);
      case "list_markets" -> Map.of("marketType", "SPOT");
      case "get_order_book" -> Map.of("symbol", "SOL_USDC", "limit", 5);
      case "get_klines" -> Map.of("symbol", "SOL_USDC", "interval", "1h", "limit", 5);
      case "get_recent_trades", "get_order_history", "get_fills" -> Map.of("symbol", "SOL_USDC", "limit", 5);
      case "get_mark_prices" -> Map.of("symbol", "SOL_USDC_PERP");
      case "get_funding_rates", "get_funding_payments" -> Map.of("symbol", "SOL_USDC_PERP", "limit", 5);
      case "get_trade_journal" -> Map.of("symbol", "SOL_USDC", "limit", 5);
      default -> throw new AssertionError("no well-formed arguments known for the tool '" + tool
          + "': add them here so that every tool is exercised");
    });
  }

  /** {@return values the property's schema must refuse, by kind: decimal, symbol, enum, boolean, integer, string} */
  static List<Object> malformedValues(Map<String, Object> propertySchema) {
    List<Object> values = new ArrayList<>();
    Object type = propertySchema.get("type");
    Object pattern = propertySchema.get("pattern");
    Object enumValues = propertySchema.get("enum");
    if (enumValues instanceof List<?> allowed && !allowed.isEmpty() && allowed.get(0) instanceof Number) {
      values.add(7);
    } else if (enumValues != null) {
      values.add("Bogus");
    } else if ("boolean".equals(type)) {
      values.add("maybe");
    } else if ("integer".equals(type)) {
      values.add("abc");
      values.add(1.5);
      if (propertySchema.get("maximum") instanceof Number max) {
        values.add(max.longValue() + 1);
      }
    } else if (pattern != null && pattern.toString().contains("_[A-Za-z0-9]")) {
      values.add("SOL-USDC");
      values.add("SOLUSDC");
    } else if (pattern != null) {
      values.add("abc");
      values.add("-1");
      values.add("1e3");
      values.add(-1.5); // a JSON number is read by its exact digits, so only a bad value is malformed
    } else if ("string".equals(type)) {
      values.add(42);
      values.add(Map.of("nested", "object"));
    }
    return values;
  }
}
