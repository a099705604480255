package dev.bpx.mcp.tools;

import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import dev.bpx.client.request.OrderRequest;
import java.util.List;

/**
 * The order arguments shared by {@code create_order} and {@code preview_order}: their schema, and
 * their conversion to an {@link OrderRequest}, whose builder does all the checking.
 */
final class OrderArgs {
  static final List<String> SIDES = List.of("Bid", "Ask");
  static final List<String> TYPES = List.of("Limit", "Market");
  static final List<String> TIME_IN_FORCE = List.of("GTC", "IOC", "FOK");
  static final List<String> TRIGGER_BY = List.of("MarkPrice", "LastPrice", "IndexPrice");
  static final List<String> STP = List.of("RejectTaker", "RejectMaker", "RejectBoth");

  private OrderArgs() {}

  static Schemas.ObjectSchema schema() {
    return Schemas.object()
        .required("symbol", Schemas.symbol("Market: SOL_USDC (spot), SOL_USDC_PERP (perpetual)"))
        .required("side", Schemas.enumOf("Bid = buy, Ask = sell", SIDES))
        .required("orderType", Schemas.enumOf("Limit (price, quantity) or Market (quantity or quoteQuantity)", TYPES))
        .optional("quantity", Schemas.decimal("Base-asset amount, a multiple of stepSize"))
        .optional("price", Schemas.decimal("Limit only: price in quote currency, a multiple of tickSize"))
        .optional("timeInForce", Schemas.enumOf("GTC (default), IOC or FOK", TIME_IN_FORCE))
        .optional("quoteQuantity", Schemas.decimal("Market only: quote amount to spend (Bid) or receive (Ask)"))
        .optional("postOnly", Schemas.bool("Limit only: rest on the book, never take"))
        .optional("reduceOnly", Schemas.bool("Perpetuals only: may only reduce the position"))
        .optional("clientId", Schemas.integer("Your order id; reusing it returns the existing order", 1, OrderRequest.MAX_CLIENT_ID))
        .optional("selfTradePrevention", Schemas.enumOf("Default RejectTaker", STP))
        .optional("takeProfitTriggerPrice", Schemas.decimal("Take-profit trigger price"))
        .optional("takeProfitLimitPrice", Schemas.decimal("Take-profit limit price; omit for market"))
        .optional("stopLossTriggerPrice", Schemas.decimal("Stop-loss trigger price"))
        .optional("stopLossLimitPrice", Schemas.decimal("Stop-loss limit price; omit for market"))
        .optional("triggerBy", Schemas.enumOf("Price that triggers TP/SL; default MarkPrice", TRIGGER_BY));
  }

  static OrderRequest parse(ToolArgs args) {
    String symbol = args.symbol("symbol");
    Side side = args.requiredEnum("side", Side::fromWire, SIDES);
    OrderType type = args.requiredEnum("orderType", OrderType::fromWire, TYPES);
    OrderRequest.Builder b = OrderRequest.builder(symbol, side, type)
        .quantity(args.optionalDecimal("quantity"))
        .price(args.optionalDecimal("price"))
        .quoteQuantity(args.optionalDecimal("quoteQuantity"));
    ToolArgs.setIfGiven(args.optionalEnum("timeInForce", TimeInForce::fromWire, TIME_IN_FORCE), b::timeInForce);
    ToolArgs.setIfGiven(args.optionalBoolean("postOnly"), b::postOnly);
    ToolArgs.setIfGiven(args.optionalBoolean("reduceOnly"), b::reduceOnly);
    ToolArgs.setIfGiven(args.optionalLong("clientId", 1, OrderRequest.MAX_CLIENT_ID), b::clientId);
    ToolArgs.setIfGiven(args.optionalEnum("selfTradePrevention", SelfTradePrevention::fromWire, STP), b::selfTradePrevention);
    TriggerBy triggerBy = args.optionalEnum("triggerBy", TriggerBy::fromWire, TRIGGER_BY);
    if (args.has("takeProfitTriggerPrice") || args.has("takeProfitLimitPrice")) {
      b.takeProfitTriggerPrice(args.optionalDecimal("takeProfitTriggerPrice"));
      b.takeProfitLimitPrice(args.optionalDecimal("takeProfitLimitPrice"));
      if (triggerBy != null) {
        b.takeProfitTriggerBy(triggerBy);
      }
    }
    if (args.has("stopLossTriggerPrice") || args.has("stopLossLimitPrice")) {
      b.stopLossTriggerPrice(args.optionalDecimal("stopLossTriggerPrice"));
      b.stopLossLimitPrice(args.optionalDecimal("stopLossLimitPrice"));
      if (triggerBy != null) {
        b.stopLossTriggerBy(triggerBy);
      }
    }
    if (triggerBy != null && !args.has("takeProfitTriggerPrice") && !args.has("stopLossTriggerPrice")) {
      throw new ToolInputException("'triggerBy' applies to takeProfitTriggerPrice / stopLossTriggerPrice; set one of them or remove triggerBy");
    }
    return b.build();
  }

  /** {@return whether the caller chose the clientId (so a repeat call should find the first order)} */
  static boolean hasClientId(ToolArgs args) {
    return args.has("clientId");
  }
}
