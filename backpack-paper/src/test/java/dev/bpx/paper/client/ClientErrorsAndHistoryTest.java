package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.exception.ApiException;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.BorrowLendHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.client.request.PositionHistoryQuery;
import dev.bpx.client.request.SettlementHistoryQuery;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals as the typed client maps them, and the rarer order and history shapes it must parse. */
class ClientErrorsAndHistoryTest {
  private final PaperWithClient px = new PaperWithClient();

  @BeforeEach
  void setUp() {
    px.paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
    px.paper.setPrice("SOL_USDC_PERP", new BigDecimal("150.00"));
  }

  @AfterEach
  void tearDown() {
    px.close();
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void anUnknownOrderIsEmptyOnLookupAndNotFoundOnCancel() {
    assertThat(px.client.orders().getOpenOrder("SOL_USDC", "4299999999")).isEmpty();
    assertThat(px.client.orders().getOpenOrderByClientId("SOL_USDC", 12345)).isEmpty();
    assertThatThrownBy(() -> px.client.orders().cancel("SOL_USDC", "4299999999"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.code()).hasValue("RESOURCE_NOT_FOUND");
          assertThat(e.isNotFound()).isTrue();
        });
  }

  @Test
  void anOrderBeyondTheBalanceIsRefusedWithInsufficientFunds() {
    assertThatThrownBy(() -> px.client.orders().place(
        OrderRequest.limit("SOL_USDC", Side.BID, d("1000"), d("140.00")).build()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.code()).hasValue("INSUFFICIENT_FUNDS");
        });
    assertThatThrownBy(() -> px.client.orders().place(
        OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("100000")).build()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).hasValue("INSUFFICIENT_MARGIN"));
  }

  @Test
  void aDuplicateClientIdIsRefused() {
    px.client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("140.00")).clientId(3).build());
    assertThatThrownBy(() -> px.client.orders().place(
        OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("139.00")).clientId(3).build()))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void triggerOrdersAndAttachedExitsParseAndFire() {
    Order stop = px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("1"))
        .triggerPrice(d("155.00")).triggerQuantity(d("1")).build());
    assertThat(stop.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    Order withExits = px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("1"))
        .takeProfitTriggerPrice(d("170.00")).stopLossTriggerPrice(d("140.00")).build());
    assertThat(withExits.takeProfitTriggerPrice()).isEqualByComparingTo("170.00");
    assertThat(px.client.orders().listOpenOrders("SOL_USDC_PERP")).hasSize(3);

    px.paper.setPrice("SOL_USDC_PERP", new BigDecimal("156.00"));
    assertThat(px.client.account().getPosition("SOL_USDC_PERP").orElseThrow().netQuantity()).isEqualByComparingTo("2");
    px.paper.setPrice("SOL_USDC_PERP", new BigDecimal("139.00"));
    assertThat(px.client.account().getPosition("SOL_USDC_PERP").orElseThrow().netQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void settlementBorrowLendAndPositionHistoriesParse() {
    px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("1")).build());
    px.advance(Duration.ofHours(2));
    px.client.orders().closePosition("SOL_USDC_PERP");
    px.client.capital().lend("SOL", d("1"));

    assertThat(px.client.history().listSettlements(SettlementHistoryQuery.all())).isNotEmpty();
    assertThat(px.client.history().listBorrowLendMovements(BorrowLendHistoryQuery.all())).isNotEmpty();
    assertThat(px.client.history().listPositions(PositionHistoryQuery.all())).isNotEmpty();
  }

  @Test
  void anotherKeyIsAnotherAccount() {
    try (BackpackClient other = px.clientFor(SigningKey.generate())) {
      other.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("140.00")).build());
      assertThat(other.orders().listOpenOrders()).hasSize(1);
      assertThat(px.client.orders().listOpenOrders()).isEmpty();
    }
  }
}
