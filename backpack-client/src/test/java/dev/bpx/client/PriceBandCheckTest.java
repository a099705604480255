package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The price band of a market ({@code filters.price.maxMultiplier} / {@code minMultiplier}, "allowed multiplier from
 * last active price" in the official spec) is checked against the ticker's {@code lastPrice}: by the preview as a
 * problem naming the bound, the reference and the fix, and before sending, as the other filters are, so that an
 * order outside it is never sent. Markets and ticker are scripted with MockWebServer (lastPrice 101.04, band
 * 0.5..2: bounds 50.52 and 202.08 on the 0.01 tick).
 */
class PriceBandCheckTest {
  private static final String MARKETS = TestExchange.MARKETS_JSON.replace(
      "\"filters\":{\"price\":{\"minPrice\":\"0.01\",\"maxPrice\":\"100000\",\"tickSize\":\"0.01\"}",
      "\"filters\":{\"price\":{\"minPrice\":\"0.01\",\"maxPrice\":\"100000\",\"tickSize\":\"0.01\","
          + "\"maxMultiplier\":\"2\",\"minMultiplier\":\"0.5\"}");
  private static final String TICKER = """
      {"symbol":"SOL_USDC","firstPrice":"102.67","lastPrice":"101.04","priceChange":"-1.63",
       "priceChangePercent":"-0.015876","high":"104.96","low":"100.57","volume":"11469.17",
       "quoteVolume":"1175485.13","trades":"3858"}""";
  private static final String BOOK = """
      {"asks":[["101.05","10"]],"bids":[["101.03","10"]],"lastUpdateId":"1","timestamp":1753106400000000}""";

  private final Routes routes = new Routes();
  private TestExchange exchange;

  @AfterEach
  void close() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private OrderService orders() {
    assertThat(MARKETS).as("the fixture's SOL_USDC carries the band").contains("\"maxMultiplier\":\"2\"");
    routes.json("/api/v1/markets", MARKETS);
    routes.json("/api/v1/ticker", TICKER);
    routes.json("/api/v1/depth", BOOK);
    routes.respond("POST", "/api/v1/order", 200, TestExchange.order("111", 7, "SOL_USDC", "Bid", "New", "Limit"));
    exchange = new TestExchange(b -> b.safetyLimits(SafetyLimits.none()));
    exchange.server.setDispatcher(routes);
    return exchange.client.orders();
  }

  private static OrderRequest bid(String price) {
    return OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal(price)).build();
  }

  private static OrderRequest ask(String price) {
    return OrderRequest.limit("SOL_USDC", Side.ASK, new BigDecimal("1"), new BigDecimal(price)).build();
  }

  @Test
  void thePreviewReportsALimitPriceOneTickAboveTwiceTheLastPriceWithTheBoundTheReferenceAndTheFix() {
    OrderPreview p = orders().preview(bid("202.09"));

    assertThat(p.problems()).containsExactly("price: 202.09 is above the price band's bound 202.08 for SOL_USDC"
        + " (maxMultiplier 2 x the last price 101.04) (use at most 202.08)");
    assertThat(p.acceptable()).isFalse();
    assertThat(routes.paths()).contains("/api/v1/ticker?symbol=SOL_USDC");
  }

  @Test
  void thePreviewReportsAnAskOneTickBelowHalfTheLastPrice() {
    OrderPreview p = orders().preview(ask("50.51"));

    assertThat(p.problems()).containsExactly("price: 50.51 is below the price band's bound 50.52 for SOL_USDC"
        + " (minMultiplier 0.5 x the last price 101.04) (use at least 50.52)");
  }

  @Test
  void pricesAtTheBoundsPassThePreview() {
    OrderService orders = orders();
    assertThat(orders.preview(bid("202.08")).problems()).isEmpty();
    assertThat(orders.preview(ask("50.52")).problems()).isEmpty();
  }

  @Test
  void aBoundOffTheTickNamesTheNearestPriceInside() {
    OrderService orders = orders();
    routes.json("/api/v1/ticker", TICKER.replace("\"lastPrice\":\"101.04\"", "\"lastPrice\":\"101.05\""));
    // Half of 101.05 is 50.525: 50.52 is outside, 50.53 the first price inside.
    assertThat(orders.preview(ask("50.52")).problems()).containsExactly("price: 50.52 is below the price band's"
        + " bound 50.525 for SOL_USDC (minMultiplier 0.5 x the last price 101.05) (use at least 50.53)");
  }

  @Test
  void aTriggerOrdersLimitPriceIsBoundedToo() {
    OrderRequest trigger = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("202.09"))
        .triggerPrice(new BigDecimal("105")).triggerQuantity(new BigDecimal("1")).build();
    assertThat(orders().preview(trigger).problems()).anySatisfy(p -> assertThat(p).startsWith(
        "price: 202.09 is above the price band's bound 202.08"));
  }

  @Test
  void placeRefusesAPriceOutsideTheBandBeforeSendingAsItDoesForTheOtherFilters() {
    OrderService orders = orders();

    assertThatThrownBy(() -> orders.place(bid("202.09"))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("202.09 is above the price band's bound 202.08")
        .hasMessageContaining("use at most 202.08");
    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).containsOnly("GET");

    orders.place(bid("202.08"));
    assertThat(routes.paths()).contains("/api/v1/order");
  }

  @Test
  void aBatchNamesItsOrderOutsideTheBandAndSendsNothing() {
    OrderService orders = orders();

    assertThatThrownBy(() -> orders.placeBatch(List.of(bid("150.00"), ask("50.51"))))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations())
            .extracting(ValidationException.Violation::field).containsExactly("orders[1].price"));
    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).containsOnly("GET");
    assertThat(routes.paths().stream().filter(p -> p.startsWith("/api/v1/ticker")))
        .as("one ticker read per market of the batch").hasSize(1);
  }

  @Test
  void marketOrdersAndMarketsWithoutABandReadNoTicker() {
    OrderService orders = orders();
    orders.preview(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, new BigDecimal("1")).build());
    // SOL_USDC_PERP in the fixture publishes no multipliers.
    orders.preview(OrderRequest.limit("SOL_USDC_PERP", Side.BID, new BigDecimal("1"), new BigDecimal("900")).build());
    assertThat(routes.paths()).noneMatch(p -> p.startsWith("/api/v1/ticker"));
  }

  @Test
  void withoutATickerThePreviewSaysTheBandWasNotChecked() {
    OrderService orders = orders();
    routes.respond("/api/v1/ticker", 204, "");
    OrderPreview p = orders.preview(bid("500.00"));
    assertThat(p.problems()).noneMatch(s -> s.contains("price band"));
    assertThat(p.warnings()).contains("price band not checked: SOL_USDC has no ticker");
  }
}
