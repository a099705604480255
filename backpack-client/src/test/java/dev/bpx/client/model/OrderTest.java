package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {

  /** Resting limit order, shape from the ccxt capture (api.md 4.2); every optional is null. */
  static final String RESTING_LIMIT =
      """
      {"orderType":"Limit","id":"8284671277","clientId":null,"symbol":"ETH_USDC_PERP","side":"Bid",
       "status":"New","timeInForce":"GTC","selfTradePrevention":"RejectTaker",
       "createdAt":1757621458290,"price":"4000","quantity":"0.001","executedQuantity":"0",
       "executedQuoteQuantity":"0","postOnly":false,"reduceOnly":null,"relatedOrderId":null,
       "strategyId":null,"triggerBy":null,"triggerPrice":null,"triggerQuantity":null,
       "triggeredAt":null,"stopLossLimitPrice":null,"stopLossTriggerBy":null,
       "stopLossTriggerPrice":null,"takeProfitLimitPrice":null,"takeProfitTriggerBy":null,
       "takeProfitTriggerPrice":null}
      """;

  static final String FILLED_MARKET =
      """
      {"orderType":"Market","id":"8284671300","clientId":4294967295,"symbol":"SOL_USDC","side":"Ask",
       "status":"Filled","timeInForce":"GTC","selfTradePrevention":"RejectTaker",
       "createdAt":1757621458291,"quantity":"1","quoteQuantity":"0.8921","executedQuantity":"1",
       "executedQuoteQuantity":"0.8921","reduceOnly":false,"slippageTolerance":"0.5",
       "slippageToleranceType":"Percent"}
      """;

  static final String TRIGGER_WITH_TP_SL =
      """
      {"orderType":"Limit","id":"8284671400","clientId":42,"symbol":"ETH_USDC_PERP","side":"Ask",
       "status":"TriggerPending","timeInForce":"IOC","selfTradePrevention":"RejectBoth",
       "createdAt":1757621458290,"price":"4090","quantity":"0","executedQuantity":"0",
       "executedQuoteQuantity":"0","postOnly":false,"reduceOnly":true,"triggerPrice":"4100",
       "triggerQuantity":"50%","triggerBy":"MarkPrice","triggeredAt":1753123916818,
       "stopLossTriggerPrice":"3900","stopLossLimitPrice":"3890","stopLossTriggerBy":"LastPrice",
       "takeProfitTriggerPrice":"4500","takeProfitLimitPrice":"4495","takeProfitTriggerBy":"IndexPrice",
       "relatedOrderId":"8284671277","strategyId":"77"}
      """;

  @Test
  void restingLimitOrderDecodesFieldByField() {
    Order o = parse(Order.class, RESTING_LIMIT);

    assertThat(o.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(o.id()).isEqualTo("8284671277");
    assertThat(o.clientId()).isNull();
    assertThat(o.symbol()).isEqualTo("ETH_USDC_PERP");
    assertThat(o.side()).isEqualTo(Side.BID);
    assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(o.selfTradePrevention()).isEqualTo(SelfTradePrevention.REJECT_TAKER);
    assertThat(o.createdAt()).isEqualTo(Instant.parse("2025-09-11T20:10:58.290Z"));
    assertThat(o.price()).isEqualByComparingTo("4000");
    assertThat(o.quantity()).isEqualByComparingTo("0.001");
    assertThat(o.executedQuantity()).isEqualByComparingTo("0");
    assertThat(o.executedQuoteQuantity()).isEqualByComparingTo("0");
    assertThat(o.postOnly()).isFalse();
    assertThat(o.reduceOnly()).isNull();
    assertThat(o.quoteQuantity()).isNull();
    assertThat(o.triggerPrice()).isNull();
    assertThat(o.triggerQuantity()).isNull();
    assertThat(o.triggerBy()).isNull();
    assertThat(o.triggeredAt()).isNull();
    assertThat(o.stopLossTriggerPrice()).isNull();
    assertThat(o.takeProfitTriggerBy()).isNull();
    assertThat(o.relatedOrderId()).isNull();
    assertThat(o.strategyId()).isNull();
    assertThat(o.slippageTolerance()).isNull();
    assertThat(o.slippageToleranceType()).isNull();
  }

  @Test
  void filledMarketOrderDecodesFieldByField() {
    Order o = parse(Order.class, FILLED_MARKET);

    assertThat(o.orderType()).isEqualTo(OrderType.MARKET);
    assertThat(o.clientId()).isEqualTo(4_294_967_295L);
    assertThat(o.side()).isEqualTo(Side.ASK);
    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(o.quantity()).isEqualByComparingTo("1");
    assertThat(o.quoteQuantity()).isEqualByComparingTo("0.8921");
    assertThat(o.executedQuantity()).isEqualByComparingTo("1");
    assertThat(o.executedQuoteQuantity()).isEqualByComparingTo("0.8921");
    assertThat(o.reduceOnly()).isFalse();
    assertThat(o.price()).isNull();
    assertThat(o.postOnly()).isNull();
    assertThat(o.slippageTolerance()).isEqualByComparingTo("0.5");
    assertThat(o.slippageToleranceType()).isEqualTo(SlippageToleranceType.PERCENT);
  }

  @Test
  void triggerOrderWithAttachedTakeProfitAndStopLossDecodes() {
    Order o = parse(Order.class, TRIGGER_WITH_TP_SL);

    assertThat(o.clientId()).isEqualTo(42L);
    assertThat(o.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.IOC);
    assertThat(o.selfTradePrevention()).isEqualTo(SelfTradePrevention.REJECT_BOTH);
    assertThat(o.quantity()).isEqualByComparingTo("0");
    assertThat(o.reduceOnly()).isTrue();
    assertThat(o.triggerPrice()).isEqualByComparingTo("4100");
    assertThat(o.triggerQuantity()).isEqualTo("50%");
    assertThat(o.triggerBy()).isEqualTo(TriggerBy.MARK_PRICE);
    assertThat(o.triggeredAt()).isEqualTo(Instant.parse("2025-07-21T18:51:56.818Z"));
    assertThat(o.stopLossTriggerPrice()).isEqualByComparingTo("3900");
    assertThat(o.stopLossLimitPrice()).isEqualByComparingTo("3890");
    assertThat(o.stopLossTriggerBy()).isEqualTo(TriggerBy.LAST_PRICE);
    assertThat(o.takeProfitTriggerPrice()).isEqualByComparingTo("4500");
    assertThat(o.takeProfitLimitPrice()).isEqualByComparingTo("4495");
    assertThat(o.takeProfitTriggerBy()).isEqualTo(TriggerBy.INDEX_PRICE);
    assertThat(o.relatedOrderId()).isEqualTo("8284671277");
    assertThat(o.strategyId()).isEqualTo("77");
  }

  @Test
  void optionalFieldsAbsentAreNull() {
    Order o =
        parse(
            Order.class,
            """
            {"orderType":"Market","id":"1","symbol":"SOL_USDC","side":"Bid","status":"New",
             "timeInForce":"GTC","selfTradePrevention":"RejectTaker","createdAt":1,
             "executedQuantity":"0","executedQuoteQuantity":"0"}
            """);

    assertThat(o.clientId()).isNull();
    assertThat(o.quantity()).isNull();
    assertThat(o.quoteQuantity()).isNull();
    assertThat(o.price()).isNull();
    assertThat(o.postOnly()).isNull();
    assertThat(o.reduceOnly()).isNull();
    assertThat(o.triggeredAt()).isNull();
    assertThat(o.slippageToleranceType()).isNull();
  }

  @Test
  void unknownStatusAndNewFieldsDoNotBreakDecoding() {
    Order o =
        parse(
            Order.class,
            withUnknownFields(RESTING_LIMIT.replace("\"status\":\"New\"", "\"status\":\"Paused\"")));

    assertThat(o.status()).isEqualTo(OrderStatus.UNKNOWN);
    assertThat(o.id()).isEqualTo("8284671277");
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Order.class, withUnknownFields(FILLED_MARKET))).isEqualTo(parse(Order.class, FILLED_MARKET));
  }

  @Test
  void writingKeepsDecimalsAsStringsAndCreatedAtAsMillis() {
    String written = ModelJson.write(Order.class, parse(Order.class, RESTING_LIMIT));

    assertThat(written)
        .contains("\"createdAt\":1757621458290", "\"price\":\"4000\"", "\"quantity\":\"0.001\"",
            "\"side\":\"Bid\"", "\"selfTradePrevention\":\"RejectTaker\"");
    assertThat(parse(Order.class, written)).isEqualTo(parse(Order.class, RESTING_LIMIT));
  }
}
