package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.CancelAllResult;
import dev.bpx.client.CancelResult;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.Fill;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same flows as the MCP scenarios, with the typed Java client straight against the paper
 * exchange over HTTP (through the recording proxy, so "nothing was sent" is checked, not assumed).
 */
class JavaClientIT {
  @RegisterExtension
  static final LiveExchange live = LiveExchange.exchangeOnly();
  private static TestExchange exchange;
  private static BackpackClient client;

  @BeforeAll
  static void start() {
    exchange = live.exchange();
    client = BackpackClient.builder().baseUrl(exchange.proxy.url()).signingKey(exchange.key).build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOL_USDC", "SOL_USDC_PERP"})
  void restingOrderIsListedFoundCancelledAndGone(String symbol) {
    Order order = client.orders().place(OrderRequest.limit(symbol, Side.BID, new BigDecimal("1"), new BigDecimal("100")).build());
    assertThat(order.status()).isEqualTo(OrderStatus.NEW);
    assertThat(order.clientId()).as("a clientId is generated").isNotNull();

    assertThat(client.orders().listOpenOrders()).extracting(Order::id).containsExactly(order.id());
    assertThat(client.orders().listOpenOrders(symbol)).extracting(Order::id).containsExactly(order.id());
    assertThat(client.orders().getOpenOrderByClientId(symbol, order.clientId())).get().extracting(Order::id).isEqualTo(order.id());

    CancelResult cancelled = client.orders().cancel(symbol, order.id());
    assertThat(cancelled).isInstanceOfSatisfying(CancelResult.Cancelled.class,
        c -> assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELLED));
    assertThat(client.orders().listOpenOrders()).isEmpty();
    assertThat(client.orders().findOrder(symbol, order.id(), null)).get()
        .satisfies(found -> assertThat(found.isOpen()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOL_USDC", "SOL_USDC_PERP"})
  void marketOrdersByQuantityAndByQuoteFillAgainstTheFills(String symbol) {
    Order byQuantity = client.orders().place(OrderRequest.marketByQuantity(symbol, Side.BID, new BigDecimal("2")).build());
    assertThat(byQuantity.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(byQuantity.executedQuantity()).isEqualByComparingTo("2");
    assertThat(byQuantity.executedQuoteQuantity()).isEqualByComparingTo(notional(exchange.fills(byQuantity.id())));

    Order byQuote = client.orders().place(OrderRequest.marketByQuoteQuantity(symbol, Side.BID, new BigDecimal("100")).build());
    assertThat(byQuote.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(byQuote.executedQuoteQuantity()).isLessThanOrEqualTo(new BigDecimal("100")).isGreaterThan(new BigDecimal("97"));
    assertThat(byQuote.executedQuoteQuantity()).isEqualByComparingTo(notional(exchange.fills(byQuote.id())));
  }

  @Test
  void restingOrdersLockFundsAndLentStakedAppearInBalances() {
    client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("2"), new BigDecimal("100")).build());
    Map<String, Balance> balances = exchange.balances();
    assertThat(balances.get("USDC").available()).isEqualByComparingTo("9800");
    assertThat(balances.get("USDC").locked()).isEqualByComparingTo("200");
    assertThat(balances.get("USDC").lent()).isEqualByComparingTo("2000");
    assertThat(balances.get("SOL").staked()).isEqualByComparingTo("10");
    assertThat(balances.get("SOL").lent()).isEqualByComparingTo("5");

    CancelAllResult all = client.orders().cancelAll("SOL_USDC");
    assertThat(all.cancelled()).hasSize(1);
    assertThat(client.capital().listBalances()).filteredOn(b -> b.asset().equals("USDC")).singleElement()
        .satisfies(b -> assertThat(b.locked()).isEqualByComparingTo("0"));

    client.capital().lend("BTC", new BigDecimal("0.1"));
    assertThat(client.capital().listBalances()).filteredOn(b -> b.asset().equals("BTC")).singleElement()
        .satisfies(b -> assertThat(b.lent()).isEqualByComparingTo("0.15"))
        .satisfies(b -> assertThat(b.total()).isEqualByComparingTo("0.15"));
  }

  @Test
  void longAndShortPositionsMoveWithThePriceAndClose() {
    exchange.setPrice("BTC_USDC_PERP", "60000");
    exchange.setPrice("ETH_USDC_PERP", "3000");
    Order buy = client.orders().place(OrderRequest.marketByQuantity("BTC_USDC_PERP", Side.BID, new BigDecimal("1")).build());
    client.orders().place(OrderRequest.marketByQuantity("ETH_USDC_PERP", Side.ASK, new BigDecimal("5")).build());

    Position longPosition = client.account().getPosition("BTC_USDC_PERP").orElseThrow();
    List<Fill> fills = exchange.fills(buy.id());
    BigDecimal quantity = fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(longPosition.entryPrice()).isCloseTo(notional(fills).divide(quantity, MathContext.DECIMAL64), within(new BigDecimal("0.01")));
    assertThat(longPosition.estLiquidationPrice()).isPositive().isLessThan(longPosition.entryPrice());
    Position shortPosition = client.account().getPosition("ETH_USDC_PERP").orElseThrow();
    assertThat(shortPosition.netQuantity()).isEqualByComparingTo("-5");
    assertThat(shortPosition.estLiquidationPrice()).isGreaterThan(shortPosition.entryPrice());

    exchange.setPrice("BTC_USDC_PERP", "66000");
    assertThat(client.account().getPosition("BTC_USDC_PERP").orElseThrow().pnlUnrealized())
        .isCloseTo(new BigDecimal("66000").subtract(longPosition.entryPrice()), Percentage.withPercentage(2));

    client.orders().place(OrderRequest.marketByQuantity("ETH_USDC_PERP", Side.BID, new BigDecimal("9")).reduceOnly(true).build());
    assertThat(exchange.position("ETH_USDC_PERP")).as("reduce-only never flips").isEmpty();
    Order close = client.orders().closePosition("BTC_USDC_PERP");
    assertThat(close.reduceOnly()).isTrue();
    assertThat(client.account().listPositions()).isEmpty();
  }

  @Test
  void invalidOrdersFailLocallyAndNothingIsSent() {
    int writes = exchange.proxy.writes().size();
    assertThatThrownBy(() -> client.orders().place(
        OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("100.123")).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("100.12").hasMessageContaining("100.13");
    assertThatThrownBy(() -> client.orders().place(
        OrderRequest.limit("FOO_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("100")).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("FOO_USDC");
    assertThatThrownBy(() -> client.orders().closePosition("SOL_USDC_PERP")).isInstanceOf(ValidationException.class);
    assertThat(exchange.proxy.writes()).hasSize(writes);

    assertThatThrownBy(() -> client.orders().place(
        OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1000"), new BigDecimal("100")).build()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.code()).contains("INSUFFICIENT_FUNDS");
        });
    assertThat(exchange.proxy.writes()).hasSize(writes + 1);
    assertThat(client.orders().listOpenOrders()).isEmpty();
  }

  private static BigDecimal notional(List<Fill> fills) {
    return fills.stream().map(f -> f.price().multiply(f.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
