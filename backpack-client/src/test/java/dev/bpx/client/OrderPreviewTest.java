package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code orders().preview(...)}: what an order would do, computed from market data and the account,
 * without ever writing. The exchange answers by path (a preview reads several endpoints).
 */
class OrderPreviewTest {
  /** Spot book: best ask 100, best bid 99 (bids ascending on the wire, best last). */
  private static final String SPOT_BOOK = """
      {"asks":[["100.00","1"],["101.00","2"],["103.00","5"]],
       "bids":[["95.00","5"],["97.00","2"],["99.00","1"]],
       "lastUpdateId":"1504999670","timestamp":1753102447307501}""";

  /** Perp book: best ask 100, best bid 98 (3 of it), then 96. */
  private static final String PERP_BOOK = """
      {"asks":[["100.00","10"],["102.00","10"]],
       "bids":[["96.00","10"],["98.00","3"]],
       "lastUpdateId":"1504999671","timestamp":1753102447307501}""";

  private static final String ACCOUNT = """
      {"autoBorrowSettlements":true,"autoLend":false,"autoRealizePnl":true,"autoRepayBorrows":true,
       "borrowLimit":"2500000","futuresMakerFee":"2","futuresTakerFee":"5","leverageLimit":"10","limitOrders":0,
       "liquidating":false,"positionLimit":"1000000","spotMakerFee":"8","spotTakerFee":"10","triggerOrders":0}""";

  private static final String MARK_PRICE = """
      [{"symbol":"SOL_USDC_PERP","markPrice":"100","indexPrice":"100","fundingRate":"0.0000125",
        "nextFundingTimestamp":1753106400000}]""";

  private static final String NO_POSITION = """
      {"code":"RESOURCE_NOT_FOUND","message":"Position not found"}""";

  private final Routes routes = new Routes();
  private TestExchange exchange;

  @AfterEach
  void close() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private OrderService orders() {
    return orders(SafetyLimits.none());
  }

  private OrderService orders(SafetyLimits limits) {
    exchange = new TestExchange(b -> b.safetyLimits(limits));
    exchange.server.setDispatcher(routes);
    return exchange.client.orders();
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static String capital(String usdc, String sol) {
    return """
        {"USDC":{"available":"%s","locked":"0","staked":"0"},"SOL":{"available":"%s","locked":"0","staked":"0"}}"""
        .formatted(usdc, sol);
  }

  private static String position(String netQuantity, String entryPrice, String markPrice) {
    return """
        [{"breakEvenPrice":"%2$s","cumulativeFundingPayment":"0","cumulativeInterest":"0","entryPrice":"%2$s",
          "estLiquidationPrice":"0","imf":"0.02","imfFunction":{"type":"sqrt","base":"0.02","factor":"0.00006"},
          "markPrice":"%3$s","mmf":"0.0135","mmfFunction":{"type":"sqrt","base":"0.0135","factor":"0.000036"},
          "netCost":"0","netExposureNotional":"0","netExposureQuantity":"%1$s","netQuantity":"%1$s",
          "pnlRealized":"0","pnlUnrealized":"0","positionId":"5479295502","subaccountId":null,
          "symbol":"SOL_USDC_PERP","userId":1813870}]""".formatted(netQuantity, entryPrice, markPrice);
  }

  private static String collateral(String netEquity, String netEquityAvailable) {
    return """
        {"assetsValue":"%1$s","borrowLiability":"0","collateral":[],"imf":"0","unsettledEquity":"0",
         "liabilitiesValue":"0","marginFraction":null,"mmf":"0","netEquity":"%1$s","netEquityAvailable":"%2$s",
         "netEquityLocked":"0","netExposureFutures":"0","pnlUnrealized":"0"}""".formatted(netEquity, netEquityAvailable);
  }

  private void spot(String capital) {
    routes.json("/api/v1/markets", TestExchange.MARKETS_JSON);
    routes.json("/api/v1/depth", SPOT_BOOK);
    routes.json("/api/v1/account", ACCOUNT);
    routes.json("/api/v1/capital", capital);
  }

  private void perp(String book, String position, String collateral) {
    routes.json("/api/v1/markets", TestExchange.MARKETS_JSON);
    routes.json("/api/v1/depth", book);
    routes.json("/api/v1/account", ACCOUNT);
    routes.json("/api/v1/position", position == null ? "[]" : position);
    routes.json("/api/v1/capital/collateral", collateral);
    routes.json("/api/v1/borrowLend/positions", "[]");
    routes.json("/api/v1/markPrices", MARK_PRICE);
    routes.json("/api/v1/orders", "[]");
  }

  /** The account with a leverage limit of 50, for orders whose subject is not the limit. */
  private void leverageLimit50() {
    routes.json("/api/v1/account", ACCOUNT.replace("\"leverageLimit\":\"10\"", "\"leverageLimit\":\"50\""));
  }

  /** A preview only reads: every request the exchange saw is a GET. */
  private void assertOnlyReads() {
    assertThat(routes.seen()).isNotEmpty();
    assertThat(routes.seen()).extracting(RecordedRequest::getMethod).containsOnly("GET");
    // GET /api/v1/orders (open orders, read by the leverage check) is a read like the others.
    assertThat(routes.seen()).extracting(r -> r.getUrl().encodedPath())
        .doesNotContain("/api/v1/order", "/api/v1/borrowLend");
  }

  private void assertSignedReadsVerify() {
    for (RecordedRequest request : routes.seen()) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/v1/markets") || path.equals("/api/v1/depth")) {
        TestExchange.assertUnsigned(request);
      } else {
        exchange.assertSigned(request);
      }
    }
  }

  @Test
  void aSpotLimitBuyCrossingTheBookShowsFillAveragePriceSlippageFeesAndFunds() {
    spot(capital("1000", "0"));
    OrderService orders = orders();

    OrderPreview p = orders.preview(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).timeInForce(TimeInForce.GTC).build());

    assertThat(p.symbol()).isEqualTo("SOL_USDC");
    assertThat(p.marketType()).isEqualTo(MarketType.SPOT);
    assertThat(p.side()).isEqualTo(Side.BID);
    assertThat(p.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(p.problems()).isEmpty();
    assertThat(p.acceptable()).isTrue();
    assertThat(p.bestPrice()).isEqualByComparingTo("100");
    // 1 @ 100 + 2 @ 101 take; 1 rests at 101.
    assertThat(p.estimatedFillQuantity()).isEqualByComparingTo("3");
    assertThat(p.estimatedFillNotional()).isEqualByComparingTo("302");
    assertThat(p.estimatedAveragePrice()).isCloseTo(dec("100.6666666666667"), within(dec("1E-12")));
    assertThat(p.restingQuantity()).isEqualByComparingTo("1");
    assertThat(p.orderNotional()).isEqualByComparingTo("404");
    // (100.666... - 100) / 100 = 66.67 bps
    assertThat(p.slippageBps()).isEqualByComparingTo("66.67");
    assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("slippage is 66.67 bps"));
    assertThat(p.takerFeeBps()).isEqualByComparingTo("10");
    assertThat(p.makerFeeBps()).isEqualByComparingTo("8");
    // taker 302 × 10 bps = 0.302, maker 1 × 101 × 8 bps = 0.0808
    assertThat(p.estimatedFee()).isEqualByComparingTo("0.3828");
    assertThat(p.requiredAsset()).isEqualTo("USDC");
    assertThat(p.requiredAmount()).isEqualByComparingTo("404");
    assertThat(p.availableAmount()).isEqualByComparingTo("1000");
    assertThat(p.currentPositionQuantity()).isNull();
    assertThat(p.resultingPositionQuantity()).isNull();
    assertThat(p.estimatedLiquidationPrice()).isNull();
    assertOnlyReads();
    assertSignedReadsVerify();
    assertThat(routes.paths()).containsExactlyInAnyOrder(
        "/api/v1/markets", "/api/v1/depth?symbol=SOL_USDC", "/api/v1/account", "/api/v1/capital");
  }

  @Test
  void aSpotBuyNeedingMoreQuoteThanAvailableIsNotAcceptableAndSaysWhatToChange() {
    spot(capital("400", "100"));

    OrderPreview p = orders().preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build());

    assertThat(p.acceptable()).isFalse();
    assertThat(p.requiredAmount()).isEqualByComparingTo("404");
    assertThat(p.availableAmount()).isEqualByComparingTo("400");
    assertThat(p.problems()).singleElement().asString()
        .contains("insufficient USDC")
        .contains("needs 404")
        .contains("400 is available")
        .contains("reduce the quantity");
    assertOnlyReads();
  }

  @Test
  void aSpotBuyWithTheQuoteAssetMissingFromCapitalHasNothingAvailable() {
    spot("{\"SOL\":{\"available\":\"100\",\"locked\":\"0\",\"staked\":\"0\"}}");

    OrderPreview p = orders().preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build());

    assertThat(p.availableAmount()).isEqualByComparingTo("0");
    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString().contains("insufficient USDC");
  }

  @Test
  void aSpotSellChecksTheBaseAssetNotTheQuote() {
    spot(capital("1000000", "1.5"));

    OrderPreview p = orders().preview(OrderRequest.limit("SOL_USDC", Side.ASK, dec("2"), dec("98")).build());

    assertThat(p.requiredAsset()).isEqualTo("SOL");
    assertThat(p.requiredAmount()).isEqualByComparingTo("2");
    assertThat(p.availableAmount()).isEqualByComparingTo("1.5");
    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString().contains("insufficient SOL").contains("needs 2").contains("1.5");
    // 1 @ 99 (the best bid, last on the wire) crosses the limit of 98; 1 rests.
    assertThat(p.bestPrice()).isEqualByComparingTo("99");
    assertThat(p.estimatedFillQuantity()).isEqualByComparingTo("1");
    assertThat(p.restingQuantity()).isEqualByComparingTo("1");
    assertOnlyReads();
  }

  @Test
  void aSpotSellWithEnoughBaseIsAcceptable() {
    spot(capital("0", "5"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC", Side.ASK, dec("2")).build());

    assertThat(p.acceptable()).isTrue();
    assertThat(p.problems()).isEmpty();
    // 1 @ 99 + 1 @ 97
    assertThat(p.estimatedFillNotional()).isEqualByComparingTo("196");
    assertThat(p.estimatedAveragePrice()).isEqualByComparingTo("98");
    assertThat(p.slippageBps()).as("(99 - 98) / 99").isEqualByComparingTo("101.01");
    // all taker: 196 × 10 bps
    assertThat(p.estimatedFee()).isEqualByComparingTo("0.196");
  }

  @Test
  void aGtcLimitOrderLargerThanTheBookIsNotSaidToExpireBecauseTheRestRests() {
    spot(capital("10000", "0"));

    OrderPreview p = orders().preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("10"), dec("103")).build());

    assertThat(p.estimatedFillQuantity()).isEqualByComparingTo("8");
    assertThat(p.restingQuantity()).isEqualByComparingTo("2");
    assertThat(p.warnings()).noneSatisfy(w -> assertThat(w).contains("expire"));
  }

  @Test
  void aMarketOrderLargerThanTheBookWarnsThatTheRestExpires() {
    spot(capital("10000", "0"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("10")).build());

    assertThat(p.estimatedFillQuantity()).isEqualByComparingTo("8");
    assertThat(p.orderNotional()).as("817 visible + 2 @ 103").isEqualByComparingTo("1023");
    assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("cannot fill the whole order"));
  }

  @Test
  void aPerpMarketBuyAddingToALongAveragesTheEntryAndEstimatesTheLiquidationPrice() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("100", "80"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("3")).build());

    assertThat(p.marketType()).isEqualTo(MarketType.PERP);
    assertThat(p.estimatedFillQuantity()).isEqualByComparingTo("3");
    assertThat(p.estimatedAveragePrice()).isEqualByComparingTo("100");
    assertThat(p.currentPositionQuantity()).isEqualByComparingTo("2");
    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("5");
    // (2 × 90 + 3 × 100) / 5
    assertThat(p.resultingEntryPrice()).isEqualByComparingTo("96");
    assertThat(p.takerFeeBps()).isEqualByComparingTo("5");
    assertThat(p.makerFeeBps()).isEqualByComparingTo("2");
    // 300 × 5 bps
    assertThat(p.estimatedFee()).isEqualByComparingTo("0.15");
    assertThat(p.requiredAsset()).isEqualTo("USDC");
    // IMF max(0.02, 0.00006 × √300 ≈ 0.00104) = 0.02 of 300
    assertThat(p.requiredAmount()).isEqualByComparingTo("6");
    assertThat(p.availableAmount()).isEqualByComparingTo("80");
    // At entry the 3 bought at 100 against the mark 99 cost 3, and the fee 0.15: E = 100 - 3.15 = 96.85.
    // With q = 5 at mark 99 moving by r, mmf = max(0.0135, 0.000036 × √(495 r)) = 0.0135:
    // 96.85 + 495 (r - 1) = 0.0135 × 495 r  =>  r = 398.15 / 488.3175, P = 99 r = 80.7197...;
    // the exchange, checking tick by tick on the way down, liquidates at the tick below: 80.71.
    assertThat(p.estimatedLiquidationPrice()).isEqualByComparingTo("80.71");
    assertThat(p.acceptable()).isTrue();
    assertOnlyReads();
    assertSignedReadsVerify();
    assertThat(routes.paths()).containsExactlyInAnyOrder("/api/v1/markets", "/api/v1/depth?symbol=SOL_USDC_PERP",
        "/api/v1/account", "/api/v1/position", "/api/v1/capital/collateral", "/api/v1/borrowLend/positions");
  }

  @Test
  void theLiquidationPriceOfANewLongUsesTheSqrtMaintenanceFractionOfItsNotional() {
    perp("""
        {"asks":[["100.00","3000"]],"bids":[["99.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""",
        null, collateral("10000", "8000"));

    leverageLimit50();

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("2500")).build());

    // q = 2500 at the mark 100 (from /markPrices, no position yet); E = 10000 - 125 fee (5 bps of 250000).
    // mmf = max(0.0135, 0.000036 × √(250000 r)) is the sqrt term near r = 1, so maintenance is 4500 r^1.5:
    // 9875 + 250000 (r - 1) = 4500 r^1.5 at r = 0.977906..., P = 97.7906...; the firing tick below is 97.79.
    assertThat(p.currentPositionQuantity()).isEqualByComparingTo("0");
    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("2500");
    assertThat(p.resultingEntryPrice()).isEqualByComparingTo("100");
    assertThat(p.estimatedLiquidationPrice()).isEqualByComparingTo("97.79");
    // Equity falls below maintenance at that price, and is still above it one tick higher.
    assertThat(equityMinusMaintenance(dec("97.79"))).isNegative();
    assertThat(equityMinusMaintenance(dec("97.80"))).isPositive();
    // IMF max(0.02, 0.00006 × 500 = 0.03) = 0.03 of 250000
    assertThat(p.requiredAmount()).isEqualByComparingTo("7500");
    assertThat(p.acceptable()).isTrue();
    assertOnlyReads();
  }

  /** Equity minus maintenance of a 2500 SOL long entered at 100 with 9875 of equity left, at a price. */
  private static BigDecimal equityMinusMaintenance(BigDecimal price) {
    BigDecimal notional = dec("2500").multiply(price);
    BigDecimal equity = dec("9875").add(dec("2500").multiply(price.subtract(dec("100"))));
    BigDecimal fraction = dec("0.0135").max(dec("0.000036").multiply(notional.sqrt(MathContext.DECIMAL64)));
    return equity.subtract(notional.multiply(fraction));
  }

  @Test
  void theLiquidationPriceOfANewShortIsAboveTheMark() {
    perp("""
        {"asks":[["101.00","3000"]],"bids":[["100.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""",
        null, collateral("10000", "8000"));

    leverageLimit50();

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("2500")).build());

    // q = -2500 at the mark 100, E = 10000 - 125 fee: 9875 - 250000 (r - 1) = 4500 r^1.5 at r = 1.020932...;
    // P = 102.0932..., and the exchange, checking tick by tick on the way up, liquidates at 102.10.
    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("-2500");
    assertThat(p.estimatedLiquidationPrice()).isEqualByComparingTo("102.10");
  }

  @Test
  void aPerpOrderNeedingMoreMarginThanAvailableIsAProblem() {
    perp("""
        {"asks":[["100.00","3000"]],"bids":[["99.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""",
        null, collateral("10000", "7499.99"));

    leverageLimit50();

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("2500")).build());

    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString()
        .contains("insufficient margin").contains("7500").contains("7499.99").contains("reduce the quantity");
  }

  @Test
  void aPerpSellReducingALongKeepsTheEntryAndNeedsNoMargin() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("100", "0"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("1")).build());

    assertThat(p.estimatedAveragePrice()).isEqualByComparingTo("98");
    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("1");
    assertThat(p.resultingEntryPrice()).isEqualByComparingTo("90");
    assertThat(p.requiredAmount()).isEqualByComparingTo("0");
    assertThat(p.acceptable()).as("reducing needs no free margin").isTrue();
  }

  @Test
  void aPerpSellClosingTheWholeLongLeavesNoEntryAndNoLiquidationPrice() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("100", "0"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("2"))
        .reduceOnly(true).build());

    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("0");
    assertThat(p.resultingEntryPrice()).isNull();
    assertThat(p.estimatedLiquidationPrice()).isNull();
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void aPerpSellFlippingALongOpensTheShortAtThePriceOfTheFillsBeyondTheClose() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("1000", "1000"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("5")).build());

    // Fills: 3 @ 98 then 2 @ 96 (average 97.2). The first 2 @ 98 close the long; the short of 3
    // opens with 1 @ 98 + 2 @ 96 = 290, so its entry is 96.666..., not the order's average.
    assertThat(p.estimatedAveragePrice()).isEqualByComparingTo("97.2");
    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("-3");
    assertThat(p.resultingEntryPrice()).isCloseTo(dec("96.6666666666667"), within(dec("1E-12")));
    // Only the 3 beyond the close add risk: 486 × 3/5 = 291.6 of notional at IMF 0.02.
    assertThat(p.requiredAmount()).isCloseTo(dec("5.832"), within(dec("1E-12")));
  }

  @Test
  void aPerpBuyFlippingAShortOpensTheLongAtTheFillPrice() {
    perp(PERP_BOOK, position("-1", "105", "99"), collateral("1000", "1000"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("3")).build());

    assertThat(p.currentPositionQuantity()).isEqualByComparingTo("-1");
    assertThat(p.resultingPositionQuantity()).isEqualByComparingTo("2");
    assertThat(p.resultingEntryPrice()).isEqualByComparingTo("100");
  }

  @Test
  void aReduceOnlyOrderWithNoPositionIsAProblem() {
    perp(PERP_BOOK, null, collateral("1000", "1000"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("1"))
        .reduceOnly(true).build());

    assertThat(p.currentPositionQuantity()).isEqualByComparingTo("0");
    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString()
        .contains("reduceOnly").contains("would not reduce").contains("remove reduceOnly");
    assertOnlyReads();
  }

  @Test
  void aReduceOnlyOrderOnTheSameSideAsThePositionIsAProblem() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("1000", "1000"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("1"))
        .reduceOnly(true).build());

    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString().contains("would not reduce");
  }

  @Test
  void aNotionalOverTheSafetyLimitIsAProblem() {
    spot(capital("100000", "0"));
    OrderService orders = orders(SafetyLimits.of(dec("300"), java.util.Set.of()));

    OrderPreview p = orders.preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build());

    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString()
        .contains("404").contains("exceeds the max order notional 300");
    assertOnlyReads();
  }

  @Test
  void aPostOnlyBuyThatWouldCrossTheBestAskIsAProblem() {
    spot(capital("100000", "0"));
    OrderService orders = orders();

    OrderPreview crossing = orders.preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("100")).postOnly(true).build());
    OrderPreview resting = orders.preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99.99")).postOnly(true).build());

    assertThat(crossing.acceptable()).isFalse();
    assertThat(crossing.problems()).singleElement().asString().contains("post-only").contains("cross the best ask 100");
    assertThat(resting.acceptable()).isTrue();
    assertThat(resting.restingQuantity()).isEqualByComparingTo("1");
    assertOnlyReads();
  }

  @Test
  void aNotionalAtTheSafetyLimitIsAcceptable() {
    spot(capital("100000", "0"));
    OrderService orders = orders(SafetyLimits.of(dec("404"), java.util.Set.of()));

    OrderPreview p = orders.preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build());

    assertThat(p.acceptable()).isTrue();
  }

  @Test
  void aSymbolOutsideTheAllowListIsAProblem() {
    spot(capital("100000", "0"));
    OrderService orders = orders(SafetyLimits.of(null, java.util.Set.of("SOL_USDC_PERP")));

    OrderPreview p = orders.preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("1"), dec("99")).build());

    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).singleElement().asString().contains("SOL_USDC").contains("not allowed");
    assertOnlyReads();
  }

  @Test
  void marketFilterProblemsAreReportedNotThrown() {
    spot(capital("100000", "0"));

    OrderPreview p = orders().preview(OrderRequest.limit("SOL_USDC", Side.BID, dec("1.234"), dec("99")).build());

    assertThat(p.acceptable()).isFalse();
    assertThat(p.problems()).anySatisfy(s -> assertThat(s).contains("stepSize 0.01").contains("1.23 or 1.24"));
    assertOnlyReads();
  }

  @Test
  void aClientWithoutKeysWarnsAndMakesNoSignedCall() {
    spot(capital("100000", "0"));
    exchange = new TestExchange();
    exchange.server.setDispatcher(routes);
    try (BackpackClient keyless = BackpackClient.builder()
        .baseUrl(exchange.server.url("/").toString())
        .clock(TestExchange.CLOCK)
        .sleeper(d -> {})
        .readTimeout(Duration.ofSeconds(5))
        .build()) {

      OrderPreview p = keyless.orders().preview(
          OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build());

      assertThat(keyless.publicKeyBase64()).isEmpty();
      assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("no API keys"));
      assertThat(p.takerFeeBps()).isNull();
      assertThat(p.estimatedFee()).isNull();
      assertThat(p.availableAmount()).isNull();
      assertThat(p.acceptable()).as("nothing found wrong with what could be checked").isTrue();
      assertThat(p.estimatedFillQuantity()).isEqualByComparingTo("3");
    }
    assertOnlyReads();
    assertThat(routes.seen()).allSatisfy(TestExchange::assertUnsigned);
    assertThat(routes.seen()).allSatisfy(r -> assertThat(r.getHeaders().get("X-Timestamp")).isNull());
    assertThat(routes.paths()).containsExactlyInAnyOrder("/api/v1/markets", "/api/v1/depth?symbol=SOL_USDC");
  }

  @Test
  void aPreviewNeverWritesWhateverTheOrder() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("1000", "1000"));
    OrderService orders = orders(SafetyLimits.of(dec("1"), java.util.Set.of("BTC_USDC")));
    routes.json("/api/v1/capital", capital("0", "0"));
    List<OrderRequest> requests = List.of(
        OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("2")).reduceOnly(true).build(),
        OrderRequest.marketByQuoteQuantity("SOL_USDC_PERP", Side.BID, dec("50")).build(),
        OrderRequest.limit("SOL_USDC_PERP", Side.BID, dec("1"), dec("50")).postOnly(true).build(),
        OrderRequest.limit("SOL_USDC", Side.ASK, dec("1"), dec("99")).timeInForce(TimeInForce.IOC).build(),
        OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("1"))
            .triggerPrice(dec("90")).triggerQuantity(dec("1")).build());

    for (OrderRequest request : requests) {
      orders.preview(request);
    }

    assertOnlyReads();
    assertSignedReadsVerify();
  }

  private static String collateral(String netEquity, String netEquityAvailable, String netExposureFutures) {
    return collateral(netEquity, netEquityAvailable)
        .replace("\"netExposureFutures\":\"0\"", "\"netExposureFutures\":\"" + netExposureFutures + "\"");
  }

  /** Deep enough that market orders of a few hundred fill at 100 / 99. */
  private static final String DEEP_PERP_BOOK = """
      {"asks":[["100.00","3000"]],"bids":[["99.00","3000"]],"lastUpdateId":"1","timestamp":1753102447307501}""";

  @Test
  void aPerpOrderOverTheLeverageLimitIsAProblemWithTheFigures() {
    // Net equity 1000, leverage limit 10: exposure up to 10000 at the mark of 100, so 100 SOL and no more.
    perp(DEEP_PERP_BOOK, null, collateral("1000", "1000"));

    OrderPreview atLimit = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("100")).build());
    assertThat(atLimit.problems()).isEmpty();
    assertThat(atLimit.acceptable()).isTrue();

    OrderPreview over = exchange.client.orders().preview(
        OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("100.01")).build());
    assertThat(over.acceptable()).isFalse();
    assertThat(over.problems()).singleElement().asString()
        .contains("over the account's leverage limit", "to 10.01", "exposure 10001", "net equity 1000 USDC",
            "leverageLimit of 10", "exposure up to 10000", "add about 100 SOL", "MAX_LEVERAGE_REACHED");
    assertOnlyReads();
    assertThat(routes.paths()).contains("/api/v1/markPrices?symbol=SOL_USDC_PERP", "/api/v1/orders?symbol=SOL_USDC_PERP");
  }

  @Test
  void aPerpOrderFarInsideTheLeverageLimitDoesNotReadTheOpenOrders() {
    perp(PERP_BOOK, position("2", "90", "99"), collateral("100", "80"));

    OrderPreview p = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("3")).build());

    assertThat(p.acceptable()).isTrue();
    assertThat(routes.paths()).doesNotContain("/api/v1/orders?symbol=SOL_USDC_PERP");
  }

  @Test
  void openOrdersThatAddToExposureCountTowardsTheLeverageLimit() {
    // A resting bid of 50 holds 5000 of the 10000 allowed; the worse side is the bid side.
    perp(DEEP_PERP_BOOK, null, collateral("1000", "500", "5000"));
    routes.json("/api/v1/orders", "[" + TestExchange.order("111", 1, "SOL_USDC_PERP", "Bid", "New", "Limit")
        .replace("\"quantity\":\"1.5\"", "\"quantity\":\"50\"") + "]");

    OrderPreview bidOver = orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, dec("50.01")).build());
    assertThat(bidOver.problems()).singleElement().asString().contains("leverage limit", "to 10.01");
    // An ask of 60 against the bid of 50 raises the worse side by 10 only: 6000 of exposure.
    OrderPreview ask = exchange.client.orders().preview(
        OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("60")).build());
    assertThat(ask.problems()).isEmpty();
  }

  @Test
  void anOrderThatDoesNotRaiseExposureIsNeverALeverageProblem() {
    // Already over the limit (equity 10, exposure 198 at limit 10 allows 100): selling 4 of a long 2
    // flips to short 2, the same exposure; a reduce-only sell is never checked.
    perp(PERP_BOOK, position("2", "90", "99"), collateral("10", "0", "198"));

    assertThat(orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("4")).build()).problems())
        .noneSatisfy(problem -> assertThat(problem).contains("leverage"));
    assertThat(exchange.client.orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("2"))
        .reduceOnly(true).build()).problems()).isEmpty();
    assertThat(exchange.client.orders().preview(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("4.01"))
        .build()).problems()).anySatisfy(problem -> assertThat(problem).contains("leverage limit"));
  }
}
