package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.SafetyLimits;
import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's circuit breakers over real HTTP against the paper exchange: what a breaker allows the
 * exchange then accepts and holds within the limit, one step more is refused with nothing sent, and
 * the leverage breaker measures leverage exactly as the exchange's own leverage limit does.
 */
class ClientCircuitBreakersTest {
  private final PaperWithClient px = new PaperWithClient();

  @AfterEach
  void tearDown() {
    px.close();
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private int historySize() {
    return px.client.history().listOrders(OrderHistoryQuery.builder().limit(1000).build()).size();
  }

  @Test
  void theLeverageBreakerSetToTheAccountsLeverageLimitAllowsWhatTheExchangeAcceptsAndRefusesWhatItRefuses() {
    px.client.account().updateSettings(AccountSettingsUpdate.builder().leverageLimit(d("1")).build());
    BigDecimal price = d("180.00");
    BigDecimal max = px.client.orders().getMaxOrderQuantity(MaxOrderQuantityQuery.of("SOL_USDC_PERP", Side.BID)
        .price(price).build()).maxOrderQuantity();
    BigDecimal oneMore = max.add(d("0.01"));
    try (BackpackClient limited = px.clientFor(px.key, SafetyLimits.none().withMaxLeverage(d("1")))) {
      Order placed = limited.orders().place(OrderRequest.limit("SOL_USDC_PERP", Side.BID, max, price).build());
      assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
      px.client.orders().cancel("SOL_USDC_PERP", placed.id());
      int before = historySize();

      assertThatThrownBy(() -> limited.orders().place(OrderRequest.limit("SOL_USDC_PERP", Side.BID, oneMore, price).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("circuit breaker maxLeverage")
          .hasMessageContaining("can add about " + max.stripTrailingZeros().toPlainString() + " SOL");
      assertThat(historySize()).isEqualTo(before);
    }
    assertThatThrownBy(() -> px.client.orders().place(OrderRequest.limit("SOL_USDC_PERP", Side.BID, oneMore, price).build()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).hasValue("MAX_LEVERAGE_REACHED"));
  }

  @Test
  void theOpenOrdersBreakerAllowsExactlyItsLimitOfRestingOrdersOnTheExchange() {
    try (BackpackClient limited = px.clientFor(px.key, SafetyLimits.none().withMaxOpenOrders(2))) {
      limited.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("0.1"), d("100.00")).build());
      limited.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("0.1"), d("101.00")).build());
      int before = historySize();

      assertThatThrownBy(() -> limited.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("0.1"), d("102.00")).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("circuit breaker maxOpenOrders")
          .hasMessageContaining("has 2 open orders");
      assertThat(px.client.orders().listOpenOrders()).hasSize(2);
      assertThat(historySize()).isEqualTo(before);
      assertThat(limited.orders().cancelAll("SOL_USDC").cancelled()).hasSize(2);
    }
  }

  @Test
  void thePositionBreakerHoldsThePositionTheExchangeThenHoldsWithinItsLimitAndAReduceOnlyCloseStillPasses() {
    BigDecimal mark = px.client.markets().listMarkPrices("SOL_USDC_PERP").stream().map(MarkPrice::markPrice)
        .findFirst().orElseThrow();
    BigDecimal limit = mark; // one SOL at the mark
    try (BackpackClient limited = px.clientFor(px.key, SafetyLimits.none().withMaxPositionNotional(limit))) {
      limited.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("1")).build());
      Position position = px.client.account().getPosition("SOL_USDC_PERP").orElseThrow();
      assertThat(position.netQuantity()).isEqualByComparingTo("1");
      assertThat(position.netQuantity().abs().multiply(position.markPrice())).isLessThanOrEqualTo(limit);
      int before = historySize();

      assertThatThrownBy(() -> limited.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("0.01")).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("circuit breaker maxPositionNotional");
      assertThat(historySize()).isEqualTo(before);

      limited.orders().closePosition("SOL_USDC_PERP");
      assertThat(px.client.account().getPosition("SOL_USDC_PERP").map(Position::netQuantity).orElse(BigDecimal.ZERO))
          .isEqualByComparingTo("0");
    }
  }
}
