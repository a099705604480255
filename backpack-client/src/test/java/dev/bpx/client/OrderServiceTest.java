package dev.bpx.client;

import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.CancelOrderType;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.MaxOrderQuantity;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
  private final TestExchange exchange = new TestExchange();
  private final OrderService orders = exchange.client.orders();

  @AfterEach
  void close() {
    exchange.close();
  }

  @Test
  void listOpenOrdersAsksForEveryMarketTypeWithoutAFilter() {
    exchange.enqueueJson("[" + order("111", 7, "SOL_USDC", "Bid", "New", "Limit") + ","
        + order("222", 8, "SOL_USDC_PERP", "Ask", "New", "Limit") + "]");

    List<Order> open = orders.listOpenOrders();

    RecordedRequest request = exchange.take("GET", "/api/v1/orders", null);
    exchange.assertSigned(request);
    assertThat(open).extracting(Order::symbol).containsExactly("SOL_USDC", "SOL_USDC_PERP");
    assertThat(open.get(0).clientId()).isEqualTo(7L);
    assertThat(open.get(0).price()).isEqualByComparingTo("142.10");
  }

  @Test
  void listOpenOrdersFiltersBySymbolOrMarketType() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");

    orders.listOpenOrders("SOL_USDC_PERP");
    orders.listOpenOrders(MarketType.PERP);

    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/orders", "symbol=SOL_USDC_PERP"));
    exchange.assertSigned(exchange.take("GET", "/api/v1/orders", "marketType=PERP"));
  }

  @Test
  void getOpenOrderByIdReturnsTheOrderAndEmptyOnNotFound() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueue(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}");

    Optional<Order> found = orders.getOpenOrder("SOL_USDC", "111");
    Optional<Order> missing = orders.getOpenOrder("SOL_USDC", "999");

    assertThat(found).get().extracting(Order::id).isEqualTo("111");
    assertThat(missing).isEmpty();
    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", "orderId=111&symbol=SOL_USDC"));
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", "orderId=999&symbol=SOL_USDC"));
  }

  @Test
  void getOpenOrderByClientIdSendsTheClientIdAsANumber() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 4294967295L, "SOL_USDC", "Bid", "New", "Limit"));

    Optional<Order> found = orders.getOpenOrderByClientId("SOL_USDC", 4294967295L);

    assertThat(found).get().extracting(Order::clientId).isEqualTo(4294967295L);
    exchange.take("GET", "/api/v1/markets", null);
    exchange.assertSigned(exchange.take("GET", "/api/v1/order", "clientId=4294967295&symbol=SOL_USDC"));
  }

  @Test
  void placeSpotLimitOrderSendsDecimalsAsStringsAndSignsTheBody() {
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("111", 1001, "SOL_USDC", "Bid", "New", "Limit"));
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.5"), new BigDecimal("142.10"))
        .timeInForce(TimeInForce.GTC).postOnly(true).clientId(1001).build();

    Order placed = orders.place(request);

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest post = exchange.take("POST", "/api/v1/order", null);
    assertThat(TestExchange.body(post)).isEqualTo(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"1.5\",\"price\":\"142.10\","
            + "\"timeInForce\":\"GTC\",\"postOnly\":true,\"clientId\":1001}");
    assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
    exchange.assertSigned(post);
    assertThat(placed.id()).isEqualTo("111");
    assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
  }

  @Test
  void placePerpMarketOrderSendsReduceOnlyAsABoolean() {
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("222", 5, "SOL_USDC_PERP", "Ask", "Filled", "Market"));

    orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, new BigDecimal("2"))
        .reduceOnly(true).clientId(5).build());

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest post = exchange.take("POST", "/api/v1/order", null);
    assertThat(TestExchange.body(post)).isEqualTo(
        "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Ask\",\"orderType\":\"Market\",\"quantity\":\"2\","
            + "\"reduceOnly\":true,\"clientId\":5}");
    exchange.assertSigned(post);
  }

  @Test
  void placeMarketOrderByQuoteQuantitySendsOnlyQuoteQuantity() {
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("333", 9, "SOL_USDC", "Bid", "Filled", "Market"));

    orders.place(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, new BigDecimal("100.00")).clientId(9).build());

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest post = exchange.take("POST", "/api/v1/order", null);
    assertThat(TestExchange.body(post)).isEqualTo(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quoteQuantity\":\"100.00\",\"clientId\":9}");
    exchange.assertSigned(post);
  }

  @Test
  void everyPlacedOrderCarriesAGeneratedClientIdWhenNoneIsGiven() {
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("111", 1, "SOL_USDC", "Bid", "New", "Limit"));
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("140")).build();

    orders.place(request);

    exchange.take();
    RecordedRequest post = exchange.take();
    assertThat(TestExchange.jsonBody(post).get("clientId")).isEqualTo(new BigDecimal(request.clientId()));
    assertThat(request.clientId()).isBetween(1L, OrderRequest.MAX_CLIENT_ID);
  }

  @Test
  void marketFiltersAreCheckedBeforeSendingAndNameTheNearestValidValues() {
    exchange.enqueueMarkets();
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1.234"), new BigDecimal("142.123"))
        .build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("142.123 is not a multiple of tickSize 0.01 for SOL_USDC")
        .hasMessageContaining("use 142.12 or 142.13")
        .hasMessageContaining("1.234 is not a multiple of stepSize 0.01 for SOL_USDC")
        .hasMessageContaining("use 1.23 or 1.24");
    assertThat(exchange.requestCount()).as("only the markets were fetched").isEqualTo(1);
  }

  @Test
  void unknownSymbolFailsLocallyListingSimilarSymbols() {
    exchange.enqueueMarkets();
    exchange.enqueue(400, "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Invalid market symbol\"}");
    OrderRequest request = OrderRequest.limit("SOL_USD", Side.BID, new BigDecimal("1"), new BigDecimal("140")).build();

    assertThatThrownBy(() -> orders.place(request))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no market 'SOL_USD'")
        .hasMessageContaining("SOL_USDC");
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("GET", "/api/v1/market", "symbol=SOL_USD");
    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void marketsAreCachedAcrossOrders() {
    exchange.enqueueMarkets();
    exchange.enqueueJson(order("1", 1, "SOL_USDC", "Bid", "New", "Limit"));
    exchange.enqueueJson(order("2", 2, "SOL_USDC", "Bid", "New", "Limit"));

    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, BigDecimal.ONE, new BigDecimal("140")).build());
    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, BigDecimal.ONE, new BigDecimal("141")).build());

    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/order", null);
    exchange.take("POST", "/api/v1/order", null);
  }

  @Test
  void placeBatchSignsEveryOrderAsItsOwnSegment() {
    exchange.enqueueMarkets();
    exchange.enqueueJson("[" + order("1", 1, "SOL_USDC_PERP", "Bid", "New", "Limit").strip().replaceFirst("\\{",
        "{\"operation\":\"Ok\",") + ",{\"operation\":\"Err\",\"code\":\"INSUFFICIENT_MARGIN\",\"message\":\"Insufficient margin\"}]");
    List<OrderRequest> batch = List.of(
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("12"), new BigDecimal("141")).clientId(1).build(),
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("11"), new BigDecimal("140")).clientId(2).build());

    List<BatchOrderResult> results = orders.placeBatch(batch);

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest post = exchange.take("POST", "/api/v1/orders", null);
    assertThat(TestExchange.body(post)).isEqualTo(
        "[{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"12\",\"price\":\"141\",\"clientId\":1},"
            + "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"11\",\"price\":\"140\",\"clientId\":2}]");
    exchange.assertSigned(post);
    assertThat(results).hasSize(2);
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(1).code()).isEqualTo("INSUFFICIENT_MARGIN");
  }

  private static List<OrderRequest> twoOrderBatch() {
    return List.of(
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("12"), new BigDecimal("141")).clientId(1).build(),
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("11"), new BigDecimal("140")).clientId(2).build());
  }

  @Test
  void aBatchAnswerWithFewerResultsThanOrdersIsAnUnknownOutcomeNamingEveryClientId() {
    exchange.enqueueMarkets();
    exchange.enqueueJson("[" + order("1", 1, "SOL_USDC_PERP", "Bid", "New", "Limit").strip().replaceFirst("\\{",
        "{\"operation\":\"Ok\",") + "]");

    assertThatThrownBy(() -> orders.placeBatch(twoOrderBatch()))
        .isInstanceOfSatisfying(dev.bpx.client.exception.NetworkException.class, e -> {
          assertThat(e.requestMayHaveReachedExchange()).isTrue();
          assertThat(e.getMessage()).contains("outcome is unknown", "it is not re-sent", "SOL_USDC_PERP:1", "SOL_USDC_PERP:2");
          assertThat(e.getCause()).hasMessageContaining("1 result(s) for 2 order(s)");
        });
    exchange.take("GET", "/api/v1/markets", null);
    exchange.take("POST", "/api/v1/orders", null);
    assertThat(exchange.requestCount()).as("nothing re-sent").isEqualTo(2);
  }

  @Test
  void anUnreadableBatchAnswerIsAnUnknownOutcomeNotAFormatError() {
    exchange.enqueueMarkets();
    exchange.enqueueJson("[{\"operation\":\"Ok\",\"id\":");

    assertThatThrownBy(() -> orders.placeBatch(twoOrderBatch()))
        .isInstanceOfSatisfying(dev.bpx.client.exception.NetworkException.class, e -> {
          assertThat(e.requestMayHaveReachedExchange()).isTrue();
          assertThat(e.getMessage()).contains("outcome is unknown", "SOL_USDC_PERP:1", "SOL_USDC_PERP:2");
          assertThat(e.getCause()).isInstanceOf(dev.bpx.client.exception.ResponseFormatException.class);
        });
    assertThat(exchange.requestCount()).as("nothing re-sent").isEqualTo(2);
  }

  @Test
  void placeBatchReportsTheProblemsOfEveryOrderAtOnce() {
    exchange.enqueueMarkets();
    List<OrderRequest> batch = List.of(
        OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("140.001")).clientId(1).build(),
        OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.001"), new BigDecimal("140")).clientId(2).build());

    assertThatThrownBy(() -> orders.placeBatch(batch))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.fields()).containsExactly("orders[0].price", "orders[1].quantity"));
    assertThat(exchange.requestCount()).isEqualTo(1);
  }

  @Test
  void cancelByIdSendsAJsonBodyWithDelete() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 7, "SOL_USDC", "Bid", "Cancelled", "Limit"));

    CancelResult result = orders.cancel("SOL_USDC", "111");

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest delete = exchange.take("DELETE", "/api/v1/order", null);
    assertThat(TestExchange.body(delete)).isEqualTo("{\"orderId\":\"111\",\"symbol\":\"SOL_USDC\"}");
    exchange.assertSigned(delete);
    assertThat(result).isInstanceOfSatisfying(CancelResult.Cancelled.class,
        c -> assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELLED));
  }

  @Test
  void cancelByClientIdSendsTheClientIdAsANumber() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson(order("111", 77, "SOL_USDC", "Bid", "Cancelled", "Limit"));

    orders.cancelByClientId("SOL_USDC", 77);

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest delete = exchange.take("DELETE", "/api/v1/order", null);
    assertThat(TestExchange.body(delete)).isEqualTo("{\"clientId\":77,\"symbol\":\"SOL_USDC\"}");
    exchange.assertSigned(delete);
  }

  @Test
  void cancelAnsweredWith202WithoutBodyIsAccepted() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueEmpty(202);

    CancelResult result = orders.cancel("SOL_USDC", "111");

    assertThat(result).isEqualTo(new CancelResult.Accepted("SOL_USDC"));
  }

  @Test
  void cancelOfAnOrderThatIsNotOpenIsAnApiError() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueue(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Not Found\"}");

    assertThatThrownBy(() -> orders.cancel("SOL_USDC", "111"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.method()).isEqualTo("DELETE");
          assertThat(e.path()).isEqualTo("/api/v1/order");
        });
  }

  @Test
  void cancelAllForASymbolReturnsTheCancelledOrders() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson("[" + order("1", 1, "SOL_USDC", "Bid", "Cancelled", "Limit") + "]");
    exchange.enqueueJson("[]");
    exchange.enqueueEmpty(202);

    CancelAllResult all = orders.cancelAll("SOL_USDC");
    CancelAllResult conditional = orders.cancelAll("SOL_USDC", CancelOrderType.CONDITIONAL_ORDER);
    CancelAllResult queued = orders.cancelAll("SOL_USDC");

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest first = exchange.take("DELETE", "/api/v1/orders", null);
    assertThat(TestExchange.body(first)).isEqualTo("{\"symbol\":\"SOL_USDC\"}");
    exchange.assertSigned(first);
    RecordedRequest second = exchange.take("DELETE", "/api/v1/orders", null);
    assertThat(TestExchange.body(second)).isEqualTo("{\"symbol\":\"SOL_USDC\",\"orderType\":\"ConditionalOrder\"}");
    exchange.assertSigned(second);
    assertThat(all.cancelled()).extracting(Order::id).containsExactly("1");
    assertThat(conditional).isEqualTo(new CancelAllResult(List.of(), false));
    assertThat(queued).isEqualTo(new CancelAllResult(List.of(), true));
  }

  @Test
  void maxOrderQuantitySendsTheQueryAndParsesTheAnswer() {
    exchange.enqueueMarkets(); // the symbol is checked against the market list first
    exchange.enqueueJson("{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"maxOrderQuantity\":\"12.5\",\"price\":\"140\"}");

    MaxOrderQuantity max = orders.getMaxOrderQuantity(
        MaxOrderQuantityQuery.of("SOL_USDC_PERP", Side.BID).price(new BigDecimal("140")).reduceOnly(false).build());

    exchange.take("GET", "/api/v1/markets", null);
    RecordedRequest get = exchange.take("GET", "/api/v1/account/limits/order",
        "symbol=SOL_USDC_PERP&side=Bid&price=140&reduceOnly=false");
    exchange.assertSigned(get);
    assertThat(max.maxOrderQuantity()).isEqualByComparingTo("12.5");
  }

  @Test
  void marketRulesRoundExplicitlyBySide() {
    exchange.enqueueMarkets();

    var rules = orders.getMarketRules("SOL_USDC");

    assertThat(rules.roundPrice(new BigDecimal("142.123"), Side.BID)).isEqualByComparingTo("142.12");
    assertThat(rules.roundPrice(new BigDecimal("142.123"), Side.ASK)).isEqualByComparingTo("142.13");
  }
}
