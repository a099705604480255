package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.CancelAllResult;
import dev.bpx.client.CancelResult;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.Fill;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Placing, finding and cancelling orders through the typed client against a paper exchange. */
class ClientOrdersTest {
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

  private Order restingBid(String symbol, String price, long clientId) {
    return px.client.orders().place(OrderRequest.limit(symbol, Side.BID, d("1"), d(price))
        .timeInForce(TimeInForce.GTC).clientId(clientId).build());
  }

  private Map<String, Balance> balances() {
    return px.client.capital().listBalances().stream().collect(Collectors.toMap(Balance::asset, Function.identity()));
  }

  @Test
  void aLimitOrderBelowTheMarketRestsAndIsListedSpotAndPerp() {
    Order spot = restingBid("SOL_USDC", "140.00", 1);
    Order perp = restingBid("SOL_USDC_PERP", "140.00", 2);
    assertThat(spot.status()).isEqualTo(OrderStatus.NEW);
    assertThat(spot.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(spot.price()).isEqualByComparingTo("140.00");
    assertThat(spot.clientId()).isEqualTo(1L);

    assertThat(px.client.orders().listOpenOrders()).extracting(Order::id).containsExactlyInAnyOrder(spot.id(), perp.id());
    assertThat(px.client.orders().listOpenOrders("SOL_USDC_PERP")).extracting(Order::id).containsExactly(perp.id());
    assertThat(px.client.orders().listOpenOrders(MarketType.SPOT)).extracting(Order::id).containsExactly(spot.id());
    assertThat(balances().get("USDC").locked()).isEqualByComparingTo("140.00");
  }

  @Test
  void anOpenOrderIsFoundByIdAndByClientId() {
    Order o = restingBid("SOL_USDC", "140.00", 77);
    assertThat(px.client.orders().getOpenOrder("SOL_USDC", o.id())).hasValueSatisfying(found -> {
      assertThat(found.id()).isEqualTo(o.id());
      assertThat(found.quantity()).isEqualByComparingTo("1");
    });
    assertThat(px.client.orders().getOpenOrderByClientId("SOL_USDC", 77)).map(Order::id).hasValue(o.id());
  }

  @Test
  void ordersCancelByIdByClientIdAndAllAtOnce() {
    Order a = restingBid("SOL_USDC", "140.00", 1);
    Order b = restingBid("SOL_USDC", "139.00", 2);
    restingBid("SOL_USDC", "138.00", 3);
    restingBid("SOL_USDC", "137.00", 4);

    CancelResult byId = px.client.orders().cancel("SOL_USDC", a.id());
    assertThat(byId).isInstanceOfSatisfying(CancelResult.Cancelled.class,
        c -> assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELLED));
    CancelResult byClientId = px.client.orders().cancelByClientId("SOL_USDC", 2);
    assertThat(byClientId).isInstanceOfSatisfying(CancelResult.Cancelled.class,
        c -> assertThat(c.order().id()).isEqualTo(b.id()));

    CancelAllResult all = px.client.orders().cancelAll("SOL_USDC");
    assertThat(all.accepted()).isFalse();
    assertThat(all.cancelled()).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
    assertThat(px.client.orders().cancelAll("SOL_USDC", CancelOrderType.RESTING_LIMIT_ORDER).cancelled()).isEmpty();
    assertThat(px.client.orders().listOpenOrders()).isEmpty();
    assertThat(balances().get("USDC").locked()).isEqualByComparingTo("0");
  }

  @Test
  void aMarketOrderByQuantityFillsAndMovesBalances() {
    Map<String, Balance> before = balances();
    Order o = px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, d("2")).build());
    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(o.executedQuantity()).isEqualByComparingTo("2");
    Map<String, Balance> after = balances();
    // taker fee 10 bps in SOL, the asset received
    assertThat(after.get("SOL").available().subtract(before.get("SOL").available())).isEqualByComparingTo("1.998");
    assertThat(before.get("USDC").available().subtract(after.get("USDC").available()))
        .isEqualByComparingTo(o.executedQuoteQuantity());
  }

  @Test
  void aMarketOrderByQuoteQuantitySpendsAtMostThatQuote() {
    BigDecimal usdcBefore = balances().get("USDC").available();
    Order o = px.client.orders().place(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, d("300")).build());
    assertThat(o.status()).isIn(OrderStatus.FILLED, OrderStatus.EXPIRED);
    assertThat(o.executedQuoteQuantity()).isPositive().isLessThanOrEqualTo(d("300"));
    assertThat(o.executedQuantity()).isBetween(d("1.9"), d("2.0"));
    assertThat(usdcBefore.subtract(balances().get("USDC").available())).isEqualByComparingTo(o.executedQuoteQuantity());
  }

  @Test
  void aBatchPlacesEachOrderAndReportsRefusalsPerItem() {
    List<BatchOrderResult> results = px.client.orders().placeBatch(List.of(
        OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("140.00")).clientId(10).build(),
        OrderRequest.limit("SOL_USDC", Side.BID, d("1000"), d("140.00")).clientId(11).build(),
        OrderRequest.limit("SOL_USDC_PERP", Side.ASK, d("1"), d("160.00")).clientId(12).build()));
    assertThat(results).hasSize(3);
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(0).order().clientId()).isEqualTo(10L);
    assertThat(results.get(1).ok()).isFalse();
    assertThat(results.get(1).code()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(results.get(2).order().status()).isEqualTo(OrderStatus.NEW);
    assertThat(px.client.orders().listOpenOrders()).hasSize(2);
  }

  @Test
  void orderHistoryAndFillsShowWhatHappened() {
    Order filled = px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, d("1")).clientId(5).build());
    Order cancelled = restingBid("SOL_USDC", "140.00", 6);
    px.client.orders().cancel("SOL_USDC", cancelled.id());

    List<HistoricalOrder> history = px.client.history().listOrders(OrderHistoryQuery.all());
    assertThat(history).extracting(HistoricalOrder::id).contains(filled.id(), cancelled.id());
    HistoricalOrder h = history.stream().filter(x -> x.id().equals(cancelled.id())).findFirst().orElseThrow();
    assertThat(h.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(h.createdAt()).isNotNull();

    List<Fill> fills = px.client.history().listFills(FillHistoryQuery.builder().symbol("SOL_USDC").build());
    assertThat(fills).isNotEmpty().allSatisfy(f -> {
      assertThat(f.orderId()).isEqualTo(filled.id());
      assertThat(f.side()).isEqualTo(Side.BID);
      assertThat(f.isMaker()).isFalse();
      assertThat(f.feeSymbol()).isEqualTo("SOL");
    });
    assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1");
  }

  @Test
  void aRestingOrderFillsWhenThePriceWalksThroughIt() {
    Order o = restingBid("SOL_USDC", "149.00", 9);
    px.paper.setPrice("SOL_USDC", new BigDecimal("148.00"));
    assertThat(px.client.orders().getOpenOrder("SOL_USDC", o.id())).isEmpty();
    HistoricalOrder h = px.client.history().listOrders(OrderHistoryQuery.builder().orderId(o.id()).build()).get(0);
    assertThat(h.status()).isEqualTo(OrderStatus.FILLED);
    List<Fill> fills = px.client.history().listFills(FillHistoryQuery.builder().orderId(o.id()).build());
    assertThat(fills).allSatisfy(f -> assertThat(f.isMaker()).isTrue());
  }
}
