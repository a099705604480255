package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoricalOrderTest {

  static final String CANCELLED =
      """
      {"createdAt":"2025-09-11T20:10:40.699","id":"8284661092","orderType":"Limit","price":"4000",
       "quantity":"0.001","quoteQuantity":"4","status":"Cancelled","expiryReason":null,
       "symbol":"ETH_USDC_PERP","side":"Bid","timeInForce":"GTC","selfTradePrevention":"RejectTaker",
       "clientId":42,"executedQuantity":"0","executedQuoteQuantity":"0","postOnly":true,
       "systemOrderType":null,"triggerPrice":null,"triggerQuantity":null,"triggerBy":null,
       "stopLossTriggerPrice":null,"stopLossLimitPrice":null,"stopLossTriggerBy":null,
       "takeProfitTriggerPrice":null,"takeProfitLimitPrice":null,"takeProfitTriggerBy":null,
       "strategyId":null,"slippageTolerance":null,"slippageToleranceType":null}
      """;

  static final String LIQUIDATION =
      """
      {"createdAt":"2025-01-21T06:34:54.691858","id":"900","orderType":"Market","symbol":"SOL_USDC_PERP",
       "side":"Ask","status":"Expired","timeInForce":"IOC","selfTradePrevention":"RejectTaker",
       "quantity":"2","executedQuantity":"1.5","executedQuoteQuantity":"150.3",
       "expiryReason":"InsufficientLiquidity","systemOrderType":"LiquidatePositionOnBook",
       "triggerPrice":"99.5","triggerQuantity":"2","triggerBy":"MarkPrice",
       "stopLossTriggerPrice":"90","stopLossLimitPrice":"89","stopLossTriggerBy":"LastPrice",
       "takeProfitTriggerPrice":"120","takeProfitLimitPrice":"119","takeProfitTriggerBy":"IndexPrice",
       "strategyId":"s-1","slippageTolerance":"3","slippageToleranceType":"TickSize"}
      """;

  @Test
  void cancelledLimitOrderDecodesFieldByField() {
    HistoricalOrder o = parse(HistoricalOrder.class, CANCELLED);

    assertThat(o.id()).isEqualTo("8284661092");
    assertThat(o.createdAt()).isEqualTo(Instant.parse("2025-09-11T20:10:40.699Z"));
    assertThat(o.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(o.symbol()).isEqualTo("ETH_USDC_PERP");
    assertThat(o.side()).isEqualTo(Side.BID);
    assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(o.selfTradePrevention()).isEqualTo(SelfTradePrevention.REJECT_TAKER);
    assertThat(o.clientId()).isEqualTo(42L);
    assertThat(o.price()).isEqualByComparingTo("4000");
    assertThat(o.quantity()).isEqualByComparingTo("0.001");
    assertThat(o.quoteQuantity()).isEqualByComparingTo("4");
    assertThat(o.executedQuantity()).isEqualByComparingTo("0");
    assertThat(o.executedQuoteQuantity()).isEqualByComparingTo("0");
    assertThat(o.postOnly()).isTrue();
    assertThat(o.expiryReason()).isNull();
    assertThat(o.systemOrderType()).isNull();
    assertThat(o.triggerPrice()).isNull();
    assertThat(o.strategyId()).isNull();
  }

  @Test
  void expiredSystemOrderDecodesFieldByField() {
    HistoricalOrder o = parse(HistoricalOrder.class, LIQUIDATION);

    assertThat(o.createdAt()).isEqualTo(Instant.parse("2025-01-21T06:34:54.691858Z"));
    assertThat(o.orderType()).isEqualTo(OrderType.MARKET);
    assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.IOC);
    assertThat(o.expiryReason()).isEqualTo(OrderExpiryReason.INSUFFICIENT_LIQUIDITY);
    assertThat(o.systemOrderType()).isEqualTo(SystemOrderType.LIQUIDATE_POSITION_ON_BOOK);
    assertThat(o.executedQuantity()).isEqualByComparingTo("1.5");
    assertThat(o.executedQuoteQuantity()).isEqualByComparingTo("150.3");
    assertThat(o.triggerPrice()).isEqualByComparingTo("99.5");
    assertThat(o.triggerQuantity()).isEqualTo("2");
    assertThat(o.triggerBy()).isEqualTo(TriggerBy.MARK_PRICE);
    assertThat(o.stopLossTriggerPrice()).isEqualByComparingTo("90");
    assertThat(o.stopLossLimitPrice()).isEqualByComparingTo("89");
    assertThat(o.stopLossTriggerBy()).isEqualTo(TriggerBy.LAST_PRICE);
    assertThat(o.takeProfitTriggerPrice()).isEqualByComparingTo("120");
    assertThat(o.takeProfitLimitPrice()).isEqualByComparingTo("119");
    assertThat(o.takeProfitTriggerBy()).isEqualTo(TriggerBy.INDEX_PRICE);
    assertThat(o.strategyId()).isEqualTo("s-1");
    assertThat(o.slippageTolerance()).isEqualByComparingTo("3");
    assertThat(o.slippageToleranceType()).isEqualTo(SlippageToleranceType.TICK_SIZE);
    assertThat(o.clientId()).isNull();
    assertThat(o.price()).isNull();
    assertThat(o.postOnly()).isNull();
  }

  @Test
  void optionalFieldsAbsentAreNull() {
    HistoricalOrder o =
        parse(
            HistoricalOrder.class,
            """
            {"id":"1","createdAt":"2025-09-11T20:10:40","orderType":"Limit","symbol":"SOL_USDC",
             "side":"Bid","status":"New","timeInForce":"GTC","selfTradePrevention":"RejectTaker"}
            """);

    assertThat(o.clientId()).isNull();
    assertThat(o.executedQuantity()).isNull();
    assertThat(o.quantity()).isNull();
    assertThat(o.price()).isNull();
    assertThat(o.postOnly()).isNull();
    assertThat(o.expiryReason()).isNull();
    assertThat(o.systemOrderType()).isNull();
    assertThat(o.slippageToleranceType()).isNull();
  }

  @Test
  void unknownFieldsAreIgnoredIncludingTheApiOnlyOnes() {
    String withUnknowns =
        withUnknownFields(CANCELLED)
            .replace("{\"createdAt\"", "{\"reduceOnly\":true,\"triggeredAt\":1,\"createdAt\"");

    assertThat(parse(HistoricalOrder.class, withUnknowns)).isEqualTo(parse(HistoricalOrder.class, CANCELLED));
  }
}
