package dev.bpx.paper.command;

import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import dev.bpx.paper.matching.TriggerBy;
import java.math.BigDecimal;

/** The fields of {@code OrderExecutePayload} the paper exchange acts on. */
public record OrderRequest(String symbol, Side side, OrderType orderType, BigDecimal price,
                           BigDecimal quantity, BigDecimal quoteQuantity, TimeInForce timeInForce,
                           boolean postOnly, Boolean reduceOnly, Long clientId,
                           SelfTradePrevention selfTradePrevention, BigDecimal triggerPrice,
                           String triggerQuantity, TriggerBy triggerBy,
                           BigDecimal stopLossTriggerPrice, BigDecimal stopLossLimitPrice,
                           TriggerBy stopLossTriggerBy, BigDecimal takeProfitTriggerPrice,
                           BigDecimal takeProfitLimitPrice, TriggerBy takeProfitTriggerBy) {

  /** Parses one order object; plain-text {@link ParseError} for malformed fields. */
  public static OrderRequest parse(Object json) {
    Fields f = new Fields(json, "OrderExecutePayload");
    return new OrderRequest(
        f.string("symbol", true),
        f.enumValue("side", Side.class, true),
        f.enumValue("orderType", OrderType.class, true),
        f.decimal("price"),
        f.decimal("quantity"),
        f.decimal("quoteQuantity"),
        f.enumValue("timeInForce", TimeInForce.class, false),
        Boolean.TRUE.equals(f.bool("postOnly")),
        f.bool("reduceOnly"),
        f.uint32("clientId"),
        f.enumValue("selfTradePrevention", SelfTradePrevention.class, false),
        f.decimal("triggerPrice"),
        f.string("triggerQuantity", false),
        f.enumValue("triggerBy", TriggerBy.class, false),
        f.decimal("stopLossTriggerPrice"),
        f.decimal("stopLossLimitPrice"),
        f.enumValue("stopLossTriggerBy", TriggerBy.class, false),
        f.decimal("takeProfitTriggerPrice"),
        f.decimal("takeProfitLimitPrice"),
        f.enumValue("takeProfitTriggerBy", TriggerBy.class, false));
  }
}
