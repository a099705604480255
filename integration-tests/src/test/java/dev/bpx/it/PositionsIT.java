package dev.bpx.it;

import static dev.bpx.it.Json.dec;
import static dev.bpx.it.Json.list;
import static dev.bpx.it.Json.map;
import static dev.bpx.it.Json.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bpx.client.model.Fill;
import dev.bpx.client.model.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 4, positions: a long and a short on perpetual markets, opened through the server; entry
 * price, mark, unrealized PnL and liquidation price agree with the exchange's fills and its own
 * position records (and with preview_order's estimate); moving the price moves PnL the right way;
 * close_position and reduce-only orders flatten them and can never open a new position.
 *
 * <p>The paper price walks a few ticks a second, so comparisons across separate reads allow a
 * small tolerance; relations inside one position record are checked to the cent.
 */
class PositionsIT {
  private static final String LONG = "BTC_USDC_PERP";
  private static final String SHORT = "ETH_USDC_PERP";

  @RegisterExtension
  static final LiveExchange live = LiveExchange.withServer();

  @BeforeEach
  void startingPrices() {
    live.exchange().setPrice(LONG, "60000");
    live.exchange().setPrice(SHORT, "3000");
  }

  @Test
  void longAndShortPositionsAgreeWithTheFillsAndTheExchange() {
    Map<String, Object> previewLong = live.server().ok("preview_order", market(LONG, "Bid", "1"));
    String longOrder = open(LONG, "Bid", "1");
    Map<String, Object> previewShort = live.server().ok("preview_order", market(SHORT, "Ask", "5"));
    String shortOrder = open(SHORT, "Ask", "5");

    Map<String, Object> listed = live.server().ok("list_positions", Map.of());
    assertThat(listed).containsEntry("count", 2);
    Map<String, Object> longPosition = position(listed, LONG).orElseThrow();
    Map<String, Object> shortPosition = position(listed, SHORT).orElseThrow();

    assertAgreesWithFills(longPosition, longOrder, new BigDecimal("1"));
    assertAgreesWithFills(shortPosition, shortOrder, new BigDecimal("-5"));

    BigDecimal longLiquidation = dec(longPosition, "estLiquidationPrice");
    assertThat(longLiquidation).as("a long is liquidated below its entry").isPositive()
        .isLessThan(dec(longPosition, "entryPrice"));
    assertThat(dec(shortPosition, "estLiquidationPrice")).as("a short is liquidated above its entry")
        .isGreaterThan(dec(shortPosition, "entryPrice"));
    assertThat(longLiquidation).as("the exchange's own per-symbol record")
        .isCloseTo(live.exchange().position(LONG).orElseThrow().estLiquidationPrice(), Percentage.withPercentage(1));
    assertThat(dec(shortPosition, "estLiquidationPrice"))
        .isCloseTo(live.exchange().position(SHORT).orElseThrow().estLiquidationPrice(), Percentage.withPercentage(1));

    // preview_order's estimates, made before each order, agree with what the exchange then did.
    assertThat(dec(previewLong, "estimatedAveragePrice")).isCloseTo(dec(longPosition, "entryPrice"), Percentage.withPercentage(0.1));
    assertThat(dec(previewShort, "estimatedAveragePrice")).isCloseTo(dec(shortPosition, "entryPrice"), Percentage.withPercentage(0.1));
    assertThat(dec(previewLong, "resultingPositionQuantity")).isEqualByComparingTo("1");
    assertThat(dec(previewShort, "resultingPositionQuantity")).isEqualByComparingTo("-5");
  }

  @Test
  void aLongHeldAgainstBtcCollateralIsLiquidatedWithinFiveBasisPointsOfTheEstimatesAndLeavesAVisibleDebt() {
    // The starting portfolio holds 0.15 BTC as collateral: it falls with the long.
    Map<String, Object> preview = live.server().ok("preview_order", market(LONG, "Bid", "3"));
    open(LONG, "Bid", "3");
    Map<String, Object> listed = position(live.server().ok("list_positions", Map.of()), LONG).orElseThrow();
    BigDecimal estimated = dec(listed, "estLiquidationPrice");
    BigDecimal previewed = dec(preview, "estimatedLiquidationPrice");

    // Walk the underlying down a basis point at a time (the paper walk adds its own few ticks) until
    // the exchange liquidates.
    BigDecimal mark = live.exchange().position(LONG).orElseThrow().markPrice();
    BigDecimal step = mark.movePointLeft(4).setScale(1, java.math.RoundingMode.DOWN);
    BigDecimal price = mark;
    while (live.exchange().position(LONG).isPresent()) {
      assertThat(price).as("liquidated before the price halved").isGreaterThan(mark.divide(BigDecimal.valueOf(2)));
      price = price.subtract(step);
      live.exchange().setPrice(LONG, price.toPlainString());
    }
    BigDecimal liquidatedAt = price;
    assertThat(estimated.subtract(liquidatedAt).abs().divide(liquidatedAt, MathContext.DECIMAL64))
        .as("list_positions' estLiquidationPrice %s, liquidated at %s", estimated, liquidatedAt)
        .isLessThanOrEqualTo(new BigDecimal("0.0005"));
    assertThat(previewed.subtract(liquidatedAt).abs().divide(liquidatedAt, MathContext.DECIMAL64))
        .as("preview_order's estimate %s, liquidated at %s", previewed, liquidatedAt)
        .isLessThanOrEqualTo(new BigDecimal("0.0005"));

    // The loss exceeded the USDC held and lent: the rest is a USDC borrow, shown as such.
    BigDecimal owed = live.exchange().balances().get("USDC").borrowed();
    assertThat(owed).isPositive();
    assertThat(dec(map(map(live.server().ok("get_balances", Map.of()), "balances"), "USDC"), "borrowed"))
        .isEqualByComparingTo(owed);
    assertThat(list(live.server().ok("get_fills", Map.of("symbol", LONG)), "fills"))
        .anySatisfy(f -> assertThat(f).containsEntry("liquidation", true).containsEntry("side", "Ask")
            .containsEntry("systemOrderType", "LiquidatePositionOnBackstop"));
  }

  @Test
  void movingThePriceMovesUnrealizedPnlTheRightWay() {
    open(LONG, "Bid", "1");
    open(SHORT, "Ask", "5");
    BigDecimal longEntry = live.exchange().position(LONG).orElseThrow().entryPrice();
    BigDecimal shortEntry = live.exchange().position(SHORT).orElseThrow().entryPrice();

    live.exchange().setPrice(LONG, "66000");
    live.exchange().setPrice(SHORT, "3300");
    Map<String, Object> listed = live.server().ok("list_positions", Map.of());
    Map<String, Object> longPosition = position(listed, LONG).orElseThrow();
    Map<String, Object> shortPosition = position(listed, SHORT).orElseThrow();

    assertThat(dec(longPosition, "markPrice")).isCloseTo(new BigDecimal("66000"), Percentage.withPercentage(0.2));
    assertThat(dec(longPosition, "pnlUnrealized")).as("long gains when the price rises")
        .isCloseTo(new BigDecimal("66000").subtract(longEntry), Percentage.withPercentage(2));
    assertThat(dec(shortPosition, "pnlUnrealized")).as("short loses when the price rises")
        .isCloseTo(new BigDecimal("3300").subtract(shortEntry).multiply(new BigDecimal("-5")), Percentage.withPercentage(2));
    assertPnlIsMarkMinusEntry(longPosition);
    assertPnlIsMarkMinusEntry(shortPosition);

    live.exchange().setPrice(LONG, "57000");
    Map<String, Object> fallen = position(live.server().ok("list_positions", Map.of()), LONG).orElseThrow();
    assertThat(dec(fallen, "pnlUnrealized")).as("long loses when the price falls").isNegative();
    assertPnlIsMarkMinusEntry(fallen);
  }

  @Test
  void closePositionFlattensAWholePositionOrPartOfIt() {
    open(LONG, "Bid", "1");
    open(SHORT, "Ask", "5");

    Map<String, Object> partial = live.server().ok("close_position", Map.of("symbol", LONG, "quantity", "0.25"));
    assertThat(map(partial, "order")).containsEntry("side", "Ask").containsEntry("reduceOnly", true).containsEntry("status", "Filled");
    assertThat(live.exchange().position(LONG).orElseThrow().netQuantity()).isEqualByComparingTo("0.75");

    Map<String, Object> closed = live.server().ok("close_position", Map.of("symbol", SHORT));
    assertThat(map(closed, "order")).containsEntry("side", "Bid").containsEntry("reduceOnly", true);
    assertThat(dec(map(closed, "order"), "executedQuantity")).isEqualByComparingTo("5");
    assertThat(live.exchange().position(SHORT)).isEmpty();
    assertThat(position(live.server().ok("list_positions", Map.of()), SHORT)).isEmpty();

    live.server().ok("close_position", Map.of("symbol", LONG));
    assertThat(live.exchange().position(LONG)).isEmpty();
    assertThat(live.server().ok("list_positions", Map.of())).containsEntry("count", 0);
  }

  @Test
  void reduceOnlyOrdersFlattenButNeverOpenOrFlip() {
    open(LONG, "Bid", "1");

    Map<String, Object> reduce = new java.util.HashMap<>(market(LONG, "Ask", "0.4"));
    reduce.put("reduceOnly", true);
    live.server().ok("create_order", reduce);
    assertThat(live.exchange().position(LONG).orElseThrow().netQuantity()).isEqualByComparingTo("0.6");

    // Larger than the position: fills the position size, never flips it into a short.
    reduce.put("quantity", "2");
    live.server().ok("create_order", reduce);
    assertThat(live.exchange().position(LONG)).isEmpty();

    // Nothing left to reduce: the order opens nothing (the exchange expires it or refuses it).
    reduce.put("quantity", "0.1");
    assertOpensNothing(reduce);
    Map<String, Object> buy = new java.util.HashMap<>(market(SHORT, "Bid", "1"));
    buy.put("reduceOnly", true);
    assertOpensNothing(buy);
    assertThat(live.exchange().position(LONG)).isEmpty();
    assertThat(live.exchange().position(SHORT)).isEmpty();
    assertThat(live.server().ok("list_positions", Map.of())).containsEntry("count", 0);
  }

  private static void assertOpensNothing(Map<String, Object> reduceOnlyOrder) {
    io.modelcontextprotocol.spec.McpSchema.CallToolResult result = live.server().call("create_order", reduceOnlyOrder);
    if (!Boolean.TRUE.equals(result.isError())) {
      Map<String, Object> order = map(live.server().structured("create_order", result), "order");
      assertThat(order).containsEntry("status", "Expired");
      assertThat(dec(order, "executedQuantity")).isEqualByComparingTo("0");
    }
  }

  private static Map<String, Object> market(String symbol, String side, String quantity) {
    return Map.of("symbol", symbol, "side", side, "orderType", "Market", "quantity", quantity);
  }

  private static String open(String symbol, String side, String quantity) {
    Map<String, Object> order = map(live.server().ok("create_order", market(symbol, side, quantity)), "order");
    assertThat(order).containsEntry("status", "Filled");
    return str(order, "id");
  }

  private static Optional<Map<String, Object>> position(Map<String, Object> listPositions, String symbol) {
    return list(listPositions, "positions").stream().filter(p -> symbol.equals(p.get("symbol"))).findFirst();
  }

  /** Entry = volume-weighted fill price; size = signed fill quantity; the record is consistent with itself. */
  private static void assertAgreesWithFills(Map<String, Object> position, String orderId, BigDecimal signedQuantity) {
    List<Fill> fills = live.exchange().fills(orderId);
    BigDecimal quantity = fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal notional = fills.stream().map(f -> f.price().multiply(f.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vwap = notional.divide(quantity, MathContext.DECIMAL64);
    assertThat(quantity).isEqualByComparingTo(signedQuantity.abs());
    assertThat(dec(position, "netQuantity")).isEqualByComparingTo(signedQuantity);
    assertThat(dec(position, "entryPrice")).as("entry = VWAP of the fills").isCloseTo(vwap, within(new BigDecimal("0.01")));
    assertThat(dec(position, "netExposureNotional")).isCloseTo(dec(position, "markPrice").multiply(signedQuantity.abs()),
        within(new BigDecimal("0.01")));
    assertPnlIsMarkMinusEntry(position);
    Position own = live.exchange().position(str(position, "symbol")).orElseThrow();
    assertThat(own.entryPrice()).isEqualByComparingTo(dec(position, "entryPrice"));
    assertThat(own.netQuantity()).isEqualByComparingTo(dec(position, "netQuantity"));
  }

  private static void assertPnlIsMarkMinusEntry(Map<String, Object> position) {
    BigDecimal expected = dec(position, "markPrice").subtract(dec(position, "entryPrice")).multiply(dec(position, "netQuantity"));
    assertThat(dec(position, "pnlUnrealized")).as("pnlUnrealized = netQuantity x (mark - entry)")
        .isCloseTo(expected, within(new BigDecimal("0.01")));
  }
}
