package dev.bpx.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.SelfTradePrevention;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.SlippageToleranceType;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderRequestTest {
  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal PRICE = new BigDecimal("142.10");

  private static ValidationException failure(OrderRequest.Builder builder) {
    try {
      builder.build();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void aValidLimitOrderKeepsEveryValue() {
    OrderRequest r = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.5"), PRICE)
        .timeInForce(TimeInForce.GTC).postOnly(true).clientId(42).selfTradePrevention(SelfTradePrevention.REJECT_BOTH)
        .build();

    assertThat(r.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(r.clientId()).isEqualTo(42L);
    assertThat(r.postOnly()).isTrue();
    assertThat(r.selfTradePrevention()).isEqualTo(SelfTradePrevention.REJECT_BOTH);
  }

  @Test
  void everyOrderGetsARandomNonZeroUint32ClientIdWhenNoneIsGiven() {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      long id = OrderRequest.marketByQuantity("SOL_USDC", Side.ASK, ONE).build().clientId();
      assertThat(id).isBetween(1L, OrderRequest.MAX_CLIENT_ID);
      seen.add(id);
    }
    assertThat(seen).hasSizeGreaterThan(990);
  }

  @Test
  void clientIdMustFitUint32() {
    assertThat(OrderRequest.limit("SOL_USDC", Side.BID, ONE, PRICE).clientId(4294967295L).build().clientId())
        .isEqualTo(4294967295L);
    assertThat(failure(OrderRequest.limit("SOL_USDC", Side.BID, ONE, PRICE).clientId(4294967296L)).fields())
        .containsExactly("clientId");
    assertThat(failure(OrderRequest.limit("SOL_USDC", Side.BID, ONE, PRICE).clientId(-1)).fields())
        .containsExactly("clientId");
  }

  @Test
  void buildReportsEveryProblemAtOnce() {
    ValidationException e = failure(OrderRequest.limit(" ", Side.UNKNOWN, new BigDecimal("-1"), BigDecimal.ZERO)
        .timeInForce(TimeInForce.UNKNOWN).triggerPrice(ONE).takeProfitLimitPrice(ONE));

    assertThat(e.fields()).containsExactlyInAnyOrder(
        "symbol", "side", "timeInForce", "quantity", "price", "triggerQuantity", "takeProfitLimitPrice");
    assertThat(e.violations()).allSatisfy(v -> assertThat(v.fix()).isNotBlank());
    assertThat(e.getMessage()).contains("7 problems");
  }

  @Test
  void limitOrdersNeedPriceAndQuantityAndNoQuoteQuantity() {
    assertThat(failure(OrderRequest.limit("SOL_USDC", Side.BID, null, null)).fields())
        .containsExactlyInAnyOrder("price", "quantity");
  }

  @Test
  void marketOrdersHaveNoPriceAndNoPostOnly() {
    OrderRequest market = OrderRequest.marketByQuantity("SOL_USDC", Side.BID, ONE).build();
    assertThat(market.price()).isNull();
    assertThat(failure(OrderRequest.builder("SOL_USDC", Side.BID, OrderType.MARKET).quantity(ONE).price(PRICE)
        .postOnly(true)).fields()).containsExactlyInAnyOrder("price", "postOnly");
    assertThat(failure(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, ONE).postOnly(true)).fields())
        .containsExactly("postOnly");
  }

  @Test
  void quantityAndQuoteQuantityAreExclusive() {
    assertThat(failure(OrderRequest.builder("SOL_USDC", Side.BID, OrderType.MARKET).quantity(ONE).quoteQuantity(ONE))
        .getMessage()).contains("cannot be combined with quantity");
    assertThat(failure(OrderRequest.builder("SOL_USDC", Side.BID, OrderType.MARKET)).getMessage())
        .contains("needs quantity or quoteQuantity");
  }

  @Test
  void postOnlyCannotBeImmediateOrCancel() {
    assertThat(failure(OrderRequest.limit("SOL_USDC", Side.BID, ONE, PRICE).postOnly(true)
        .timeInForce(TimeInForce.IOC)).fields()).containsExactly("postOnly");
  }

  @Test
  void triggerPriceAndTriggerQuantityGoTogether() {
    assertThat(failure(OrderRequest.limit("SOL_USDC_PERP", Side.BID, ONE, PRICE).triggerQuantity(ONE)).fields())
        .as("the missing half is named").containsExactly("triggerPrice");
    assertThat(failure(OrderRequest.limit("SOL_USDC_PERP", Side.BID, ONE, PRICE).triggerBy(TriggerBy.MARK_PRICE))
        .fields()).containsExactly("triggerBy");
    assertThat(OrderRequest.limit("SOL_USDC_PERP", Side.BID, ONE, PRICE).triggerPrice(new BigDecimal("140"))
        .triggerQuantity(ONE).triggerBy(TriggerBy.MARK_PRICE).build().triggerPrice()).isEqualByComparingTo("140");
  }

  @Test
  void takeProfitAndStopLossLimitPricesNeedTheirTriggers() {
    ValidationException e = failure(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, ONE)
        .stopLossLimitPrice(ONE).stopLossTriggerBy(TriggerBy.LAST_PRICE).takeProfitLimitPrice(ONE));

    assertThat(e.fields()).containsExactlyInAnyOrder("stopLossLimitPrice", "stopLossTriggerBy", "takeProfitLimitPrice");
    assertThat(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, ONE).stopLossTriggerPrice(new BigDecimal("130"))
        .stopLossLimitPrice(new BigDecimal("129")).takeProfitTriggerPrice(new BigDecimal("160")).build()).isNotNull();
  }

  @Test
  void slippageToleranceIsForMarketOrdersAndNeedsItsType() {
    assertThat(failure(OrderRequest.limit("SOL_USDC", Side.BID, ONE, PRICE)
        .slippageTolerance(ONE, SlippageToleranceType.PERCENT)).fields()).containsExactly("slippageTolerance");
    assertThat(failure(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, ONE).slippageTolerance(ONE, null)).fields())
        .containsExactly("slippageToleranceType");
  }

  @Test
  void toBuilderKeepsTheClientIdSoAResendIsTheSameOrder() {
    OrderRequest original = OrderRequest.limit("SOL_USDC", Side.BID, ONE, PRICE).build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
  }
}
