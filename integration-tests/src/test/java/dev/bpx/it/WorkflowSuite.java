package dev.bpx.it;

import static dev.bpx.it.Json.dec;
import static dev.bpx.it.Json.list;
import static dev.bpx.it.Json.map;
import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Fill;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 1, the full workflow, through the MCP tools of the built jar trading "live" on a paper
 * exchange: a resting limit order is listed, cancelled and gone; crossing limit orders and market
 * orders (by quantity and by quote quantity) fill and move balances exactly as the exchange's fills
 * say. Every test runs on a spot market and on its perpetual, under each official MCP client.
 */
abstract class WorkflowSuite extends ServerSuite {
  @BeforeEach
  void freshAccount() {
    exchange.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOL_USDC", "SOL_USDC_PERP"})
  void limitOrderAwayFromThePriceIsListedThenCancelledAndGone(String symbol) {
    Map<String, Object> created = server.ok("create_order", Map.of("symbol", symbol, "side", "Bid", "orderType", "Limit",
        "quantity", "1", "price", "100", "timeInForce", "GTC"));
    assertThat(created.get("success")).isEqualTo(true);
    Map<String, Object> order = map(created, "order");
    String id = str(order, "id");
    assertThat(order).containsEntry("status", "New").containsEntry("symbol", symbol).containsEntry("side", "Bid");
    assertThat(dec(order, "price")).isEqualByComparingTo("100");

    Map<String, Object> listed = server.ok("list_orders", Map.of("symbol", symbol));
    assertThat(ids(listed)).containsExactly(id);
    assertThat(listed).containsEntry("count", 1).containsEntry("symbol", symbol);
    Map<String, Object> all = server.ok("list_orders", Map.of());
    assertThat(ids(all)).contains(id);
    assertThat(all).containsEntry("symbol", "all");
    assertThat(exchange.openOrders()).extracting(Order::id).containsExactly(id);

    Map<String, Object> cancelled = server.ok("cancel_order", Map.of("orderId", id, "symbol", symbol));
    assertThat(cancelled).containsEntry("success", true).containsEntry("status", "Cancelled");
    assertThat(map(cancelled, "order")).containsEntry("id", id).containsEntry("status", "Cancelled");

    assertThat(ids(server.ok("list_orders", Map.of("symbol", symbol)))).isEmpty();
    assertThat(exchange.openOrders()).isEmpty();
    assertThat(exchange.orderHistory()).filteredOn(o -> o.id().equals(id))
        .extracting(o -> o.status().wireValue()).containsExactly("Cancelled");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOL_USDC", "SOL_USDC_PERP"})
  void crossingLimitOrderFillsAndMovesBalances(String symbol) {
    BigDecimal bestAsk = dec(server.ok("get_order_book", Map.of("symbol", symbol)), "bestAsk");
    String price = bestAsk.multiply(new BigDecimal("1.01")).setScale(2, RoundingMode.DOWN).toPlainString();
    Map<String, BigDecimal> before = available();

    Map<String, Object> order = map(server.ok("create_order", Map.of("symbol", symbol, "side", "Bid",
        "orderType", "Limit", "quantity", "1", "price", price)), "order");

    assertThat(order).containsEntry("status", "Filled");
    assertThat(dec(order, "executedQuantity")).isEqualByComparingTo("1");
    assertFillsMovedBalances(symbol, str(order, "id"), dec(order, "executedQuoteQuantity"), before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOL_USDC", "SOL_USDC_PERP"})
  void marketOrderByQuantityFillsAndMovesBalances(String symbol) {
    Map<String, BigDecimal> before = available();

    Map<String, Object> order = map(server.ok("create_order", Map.of("symbol", symbol, "side", "Ask",
        "orderType", "Market", "quantity", "2")), "order");

    assertThat(order).containsEntry("status", "Filled").containsEntry("orderType", "Market");
    assertThat(dec(order, "executedQuantity")).isEqualByComparingTo("2");
    assertFillsMovedBalances(symbol, str(order, "id"), dec(order, "executedQuoteQuantity"), before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOL_USDC", "SOL_USDC_PERP"})
  void marketOrderByQuoteQuantitySpendsAtMostTheQuoteAndMovesBalances(String symbol) {
    Map<String, BigDecimal> before = available();

    Map<String, Object> order = map(server.ok("create_order", Map.of("symbol", symbol, "side", "Bid",
        "orderType", "Market", "quoteQuantity", "100")), "order");

    assertThat(order).containsEntry("status", "Filled");
    BigDecimal spent = dec(order, "executedQuoteQuantity");
    // The quantity step (0.01 SOL at ~150) leaves up to one step of the quote unspent.
    assertThat(spent).isLessThanOrEqualTo(new BigDecimal("100")).isGreaterThan(new BigDecimal("97"));
    assertFillsMovedBalances(symbol, str(order, "id"), spent, before);
  }

  /**
   * Checks the order against the exchange's own fills, and the balance change against both: spot
   * moves base and quote (fee in the asset received); a perpetual moves only USDC, by the fee, and
   * opens the position instead.
   */
  private void assertFillsMovedBalances(String symbol, String orderId, BigDecimal executedQuote,
                                               Map<String, BigDecimal> before) {
    List<Fill> fills = exchange.fills(orderId);
    assertThat(fills).isNotEmpty();
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    Map<String, BigDecimal> fees = new HashMap<>();
    String side = fills.get(0).side().wireValue();
    for (Fill f : fills) {
      quantity = quantity.add(f.quantity());
      quote = quote.add(f.price().multiply(f.quantity()));
      fees.merge(f.feeSymbol(), f.fee(), BigDecimal::add);
    }
    assertThat(quote).as("executedQuoteQuantity = sum of fills").isEqualByComparingTo(executedQuote);
    int sign = side.equals("Bid") ? 1 : -1;
    Map<String, BigDecimal> after = available();
    if (symbol.endsWith("_PERP")) {
      assertThat(delta(before, after, "USDC")).as("USDC moves by the fee only")
          .isEqualByComparingTo(fees.getOrDefault("USDC", BigDecimal.ZERO).negate());
      assertThat(delta(before, after, "SOL")).isEqualByComparingTo("0");
      BigDecimal expected = quantity.multiply(BigDecimal.valueOf(sign));
      assertThat(exchange.position(symbol)).get().satisfies(p -> assertThat(p.netQuantity()).isEqualByComparingTo(expected));
    } else {
      assertThat(delta(before, after, "SOL")).as("SOL change")
          .isEqualByComparingTo(quantity.multiply(BigDecimal.valueOf(sign)).subtract(fees.getOrDefault("SOL", BigDecimal.ZERO)));
      assertThat(delta(before, after, "USDC")).as("USDC change")
          .isEqualByComparingTo(quote.multiply(BigDecimal.valueOf(-sign)).subtract(fees.getOrDefault("USDC", BigDecimal.ZERO)));
    }
    assertThat(exchange.orderHistory()).filteredOn(o -> o.id().equals(orderId))
        .extracting(HistoricalOrder::status).extracting(s -> s.wireValue()).containsExactly("Filled");
  }

  private Map<String, BigDecimal> available() {
    Map<String, Object> balances = map(server.ok("get_balances", Map.of("showZeroBalances", true)), "balances");
    Map<String, BigDecimal> out = new HashMap<>();
    balances.forEach((asset, row) -> out.put(asset, dec(map(row), "available")));
    return out;
  }

  private BigDecimal delta(Map<String, BigDecimal> before, Map<String, BigDecimal> after, String asset) {
    return after.getOrDefault(asset, BigDecimal.ZERO).subtract(before.getOrDefault(asset, BigDecimal.ZERO));
  }

  static List<String> ids(Map<String, Object> listOrdersResult) {
    return list(listOrdersResult, "orders").stream().map(o -> str(o, "id")).toList();
  }
}
