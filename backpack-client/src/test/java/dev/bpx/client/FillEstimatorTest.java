package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bpx.client.internal.json.JsonCodec;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.model.TriggerBy;
import dev.bpx.client.request.OrderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FillEstimatorTest {
  /**
   * As on the wire: asks ascending (best first), bids ascending too (best LAST). Best ask 100, best
   * bid 99; the worst bid, 95, comes first.
   */
  private static final String BOOK = """
      {"asks":[["100.00","1"],["101.00","2"],["103.00","5"]],
       "bids":[["95.00","5"],["97.00","2"],["99.00","1"]],
       "lastUpdateId":"1504999670","timestamp":1753102447307501}""";

  private static final String NO_ASKS = """
      {"asks":[],"bids":[["95.00","5"],["99.00","1"]],"lastUpdateId":"7","timestamp":1753102447307501}""";

  private static final String NO_BIDS = """
      {"asks":[["100.00","1"]],"bids":[],"lastUpdateId":"7","timestamp":1753102447307501}""";

  private static final Supplier<Depth> NO_BOOK_NEEDED = () -> {
    throw new AssertionError("the order book must not be read for this order");
  };

  private static Depth depth(String json) {
    try {
      return JsonCodec.newMoshi().adapter(Depth.class).fromJson(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static FillEstimator.Estimate estimate(OrderRequest.Builder order) {
    return FillEstimator.estimate(order.build(), depth(BOOK));
  }

  @Test
  void aMarketBuyWalksTheAsksFromTheLowest() {
    FillEstimator.Estimate e = estimate(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("2.5")));

    // 1 @ 100 + 1.5 @ 101 = 100 + 151.5
    assertThat(e.filledQuantity()).isEqualByComparingTo("2.5");
    assertThat(e.filledQuote()).isEqualByComparingTo("251.5");
    assertThat(e.averagePrice()).isEqualByComparingTo("100.6");
    assertThat(e.bestPrice()).isEqualByComparingTo("100");
    assertThat(e.restingQuantity()).isEqualByComparingTo("0");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("0");
    assertThat(e.bookExhausted()).isFalse();
  }

  @Test
  void aMarketSellWalksTheBidsFromTheLastElementWhichIsTheBest() {
    FillEstimator.Estimate e = estimate(OrderRequest.marketByQuantity("SOL_USDC", Side.ASK, dec("2.5")));

    // 1 @ 99 (last element) + 1.5 @ 97; walking from the first element would give 2.5 @ 95.
    assertThat(e.bestPrice()).isEqualByComparingTo("99");
    assertThat(e.filledQuantity()).isEqualByComparingTo("2.5");
    assertThat(e.filledQuote()).isEqualByComparingTo("244.5");
    assertThat(e.averagePrice()).isEqualByComparingTo("97.8");
    assertThat(e.bookExhausted()).isFalse();
  }

  @Test
  void oppositeSideOfASellIsTheBidsBestFirstWithoutChangingTheSnapshot() {
    Depth book = depth(BOOK);

    assertThat(FillEstimator.opposite(Side.ASK, book)).extracting(l -> l.price().toPlainString())
        .containsExactly("99.00", "97.00", "95.00");
    assertThat(FillEstimator.opposite(Side.BID, book)).extracting(l -> l.price().toPlainString())
        .containsExactly("100.00", "101.00", "103.00");
    assertThat(book.bids()).extracting(l -> l.price().toPlainString()).containsExactly("95.00", "97.00", "99.00");
  }

  @Test
  void quoteOfTheBestLevelsWalksFromTheBestPriceOnEachSide() {
    Depth book = depth(BOOK);

    // sell 2: 1 @ 99 + 1 @ 97; buy 2: 1 @ 100 + 1 @ 101; more than the book: everything visible
    assertThat(FillEstimator.quoteOfBest(Side.ASK, book, dec("2"))).isEqualByComparingTo("196");
    assertThat(FillEstimator.quoteOfBest(Side.BID, book, dec("2"))).isEqualByComparingTo("201");
    assertThat(FillEstimator.quoteOfBest(Side.BID, book, dec("100"))).isEqualByComparingTo("817");
  }

  @Test
  void aCrossingGtcLimitBuyFillsWhatCrossesAndTheRestRests() {
    FillEstimator.Estimate e = estimate(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).timeInForce(TimeInForce.GTC));

    // 1 @ 100 + 2 @ 101 cross; 103 does not; 1 rests at 101.
    assertThat(e.filledQuantity()).isEqualByComparingTo("3");
    assertThat(e.filledQuote()).isEqualByComparingTo("302");
    assertThat(e.restingQuantity()).isEqualByComparingTo("1");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("0");
    assertThat(e.bookExhausted()).as("the book did not run out: the limit stopped the walk").isFalse();
    assertThat(e.notional(dec("101"))).as("fill plus resting at the limit").isEqualByComparingTo("403");
  }

  @Test
  void aLimitOrderWithoutTimeInForceRestsLikeGtc() {
    FillEstimator.Estimate e = estimate(OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")));

    assertThat(e.filledQuantity()).isEqualByComparingTo("3");
    assertThat(e.restingQuantity()).isEqualByComparingTo("1");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("0");
  }

  @Test
  void aCrossingIocLimitBuyFillsWhatCrossesAndTheRestIsUnfilled() {
    FillEstimator.Estimate e = estimate(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).timeInForce(TimeInForce.IOC));

    assertThat(e.filledQuantity()).isEqualByComparingTo("3");
    assertThat(e.filledQuote()).isEqualByComparingTo("302");
    assertThat(e.restingQuantity()).isEqualByComparingTo("0");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void aCrossingGtcLimitSellStopsAtItsPrice() {
    FillEstimator.Estimate e = estimate(OrderRequest.limit("SOL_USDC", Side.ASK, dec("2"), dec("98")));

    // 1 @ 99 crosses; 97 is below the limit of 98.
    assertThat(e.filledQuantity()).isEqualByComparingTo("1");
    assertThat(e.filledQuote()).isEqualByComparingTo("99");
    assertThat(e.restingQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void aLimitBuyBelowTheBestAskFillsNothingAndRestsWhole() {
    FillEstimator.Estimate e = estimate(OrderRequest.limit("SOL_USDC", Side.BID, dec("2"), dec("99.50")));

    assertThat(e.filledQuantity()).isEqualByComparingTo("0");
    assertThat(e.filledQuote()).isEqualByComparingTo("0");
    assertThat(e.averagePrice()).isNull();
    assertThat(e.restingQuantity()).isEqualByComparingTo("2");
    assertThat(e.bestPrice()).isEqualByComparingTo("100");
  }

  @Test
  void aFillOrKillThatCannotFillWholeFillsNothing() {
    FillEstimator.Estimate e = estimate(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).timeInForce(TimeInForce.FOK));

    assertThat(e.filledQuantity()).isEqualByComparingTo("0");
    assertThat(e.filledQuote()).isEqualByComparingTo("0");
    assertThat(e.restingQuantity()).isEqualByComparingTo("0");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("4");
    assertThat(e.averagePrice()).isNull();
  }

  @Test
  void aFillOrKillThatCanFillWholeFillsWhole() {
    FillEstimator.Estimate e = estimate(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("3"), dec("101")).timeInForce(TimeInForce.FOK));

    assertThat(e.filledQuantity()).isEqualByComparingTo("3");
    assertThat(e.filledQuote()).isEqualByComparingTo("302");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("0");
  }

  @Test
  void aMarketBuyByQuoteQuantitySpendsExactlyTheQuote() {
    FillEstimator.Estimate e = estimate(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("250")));

    // 100 buys 1 @ 100, the other 150 buys 150/101 @ 101.
    assertThat(e.filledQuote()).isEqualByComparingTo("250");
    assertThat(e.filledQuantity()).isCloseTo(
        BigDecimal.ONE.add(dec("150").divide(dec("101"), MathContext.DECIMAL128)), within(dec("1E-30")));
    assertThat(e.bookExhausted()).isFalse();
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("0");
    assertThat(e.restingQuantity()).isEqualByComparingTo("0");
  }

  @Test
  void withTheMarketsStepAQuoteQuantityBuyTakesAWholeNumberOfStepsAndSpendsAtMostTheQuote() {
    Depth book = depth("""
        {"asks":[["2","1"],["3","1000"]],"bids":[],"lastUpdateId":"1","timestamp":1753102447307501}""");

    FillEstimator.Estimate e = FillEstimator.estimate(
        OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("100")).build(), book, dec("0.01"));

    // 1 @ 2 whole, then 98 / 3 = 32.666… rounded down to 32.66 @ 3 = 97.98.
    assertThat(e.filledQuantity()).isEqualByComparingTo("33.66");
    assertThat(e.filledQuote()).isEqualByComparingTo("99.98");
    assertThat(e.bookExhausted()).isFalse();
  }

  @Test
  void aMarketBuyByQuoteQuantityThatDoesNotDivideEvenlyStillSpendsExactlyTheQuoteAndDoesNotExhaustTheBook() {
    // 100 / 3 has no finite decimal expansion: the rounded quantity must not leave a phantom remainder
    // that walks on to the next level or reports the book as too thin.
    Depth book = depth("""
        {"asks":[["3","1000"]],"bids":[],"lastUpdateId":"1","timestamp":1753102447307501}""");

    FillEstimator.Estimate e = FillEstimator.estimate(
        OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("100")).build(), book);

    assertThat(e.filledQuote()).isEqualByComparingTo("100");
    assertThat(e.filledQuantity()).isCloseTo(dec("33.3333333333"), within(dec("1E-10")));
    assertThat(e.bookExhausted()).isFalse();
  }

  @Test
  void aMarketSellByQuoteQuantityReceivesExactlyTheQuoteFromTheBestBids() {
    FillEstimator.Estimate e = estimate(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.ASK, dec("150")));

    // 99 from 1 @ 99, the other 51 from 51/97 @ 97.
    assertThat(e.filledQuote()).isEqualByComparingTo("150");
    assertThat(e.filledQuantity()).isCloseTo(
        BigDecimal.ONE.add(dec("51").divide(dec("97"), MathContext.DECIMAL128)), within(dec("1E-30")));
    assertThat(e.bookExhausted()).isFalse();
  }

  @Test
  void aMarketBuyByQuoteQuantityLargerThanTheBookTakesEverythingAndSaysSo() {
    FillEstimator.Estimate e = estimate(OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("10000")));

    // 100 + 202 + 515
    assertThat(e.filledQuantity()).isEqualByComparingTo("8");
    assertThat(e.filledQuote()).isEqualByComparingTo("817");
    assertThat(e.bookExhausted()).isTrue();
  }

  @Test
  void aPostOnlyOrderNeverTakesEvenWhenItsPriceCrosses() {
    FillEstimator.Estimate e = estimate(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("2"), dec("103")).postOnly(true));

    assertThat(e.filledQuantity()).isEqualByComparingTo("0");
    assertThat(e.filledQuote()).isEqualByComparingTo("0");
    assertThat(e.restingQuantity()).isEqualByComparingTo("2");
    assertThat(e.bestPrice()).isEqualByComparingTo("100");
    assertThat(e.bookExhausted()).isFalse();
  }

  @Test
  void aMarketBuyAgainstAnEmptyAskSideFillsNothingAndHasNoBestPrice() {
    FillEstimator.Estimate e = FillEstimator.estimate(
        OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("1")).build(), depth(NO_ASKS));

    assertThat(e.bestPrice()).isNull();
    assertThat(e.filledQuantity()).isEqualByComparingTo("0");
    assertThat(e.averagePrice()).isNull();
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("1");
    assertThat(e.bookExhausted()).isTrue();
  }

  @Test
  void aGtcLimitSellAgainstAnEmptyBidSideRestsWhole() {
    FillEstimator.Estimate e = FillEstimator.estimate(
        OrderRequest.limit("SOL_USDC", Side.ASK, dec("1.5"), dec("98")).build(), depth(NO_BIDS));

    assertThat(e.bestPrice()).isNull();
    assertThat(e.filledQuantity()).isEqualByComparingTo("0");
    assertThat(e.restingQuantity()).isEqualByComparingTo("1.5");
  }

  @Test
  void aMarketBuyBeyondTheVisibleBookFillsWhatIsThereAndLeavesTheRestUnfilled() {
    FillEstimator.Estimate e = estimate(OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("10")));

    assertThat(e.filledQuantity()).isEqualByComparingTo("8");
    assertThat(e.filledQuote()).isEqualByComparingTo("817");
    assertThat(e.unfilledQuantity()).isEqualByComparingTo("2");
    assertThat(e.restingQuantity()).isEqualByComparingTo("0");
    assertThat(e.bookExhausted()).isTrue();
  }

  @Test
  void notionalOfAMarketBuyByQuantityIsItsCostAgainstTheBook() {
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("2.5")).build(), () -> depth(BOOK));

    assertThat(notional).isEqualByComparingTo("251.5");
  }

  @Test
  void notionalOfAMarketBuyBeyondTheVisibleBookValuesTheRestAtTheHighestAsk() {
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("10")).build(), () -> depth(BOOK));

    // 817 for the 8 visible + 2 @ 103
    assertThat(notional).isEqualByComparingTo("1023");
  }

  @Test
  void notionalOfAMarketSellBeyondTheVisibleBookValuesTheRestAtTheLowestBid() {
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.marketByQuantity("SOL_USDC", Side.ASK, dec("10")).build(), () -> depth(BOOK));

    // 99 + 194 + 475 for the 8 visible + 2 @ 95
    assertThat(notional).isEqualByComparingTo("958");
  }

  @Test
  void notionalOfAMarketOrderByQuantityAgainstAnEmptySideIsUnknown() {
    assertThat(FillEstimator.notional(
        OrderRequest.marketByQuantity("SOL_USDC", Side.BID, dec("1")).build(), () -> depth(NO_ASKS))).isNull();
  }

  @Test
  void notionalOfABuyLimitOrderIsPriceTimesQuantityWithoutReadingTheBook() {
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.limit("SOL_USDC", Side.BID, dec("4"), dec("101")).build(), NO_BOOK_NEEDED);

    assertThat(notional).isEqualByComparingTo("404");
  }

  @Test
  void notionalOfAMarketOrderByQuoteQuantityIsTheQuoteWithoutReadingTheBook() {
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, dec("75.50")).build(), NO_BOOK_NEEDED);

    assertThat(notional).isEqualByComparingTo("75.5");
  }

  @Test
  void notionalOfATriggerMarketOrderIsTriggerPriceTimesQuantityWithoutReadingTheBook() {
    OrderRequest stop = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, dec("2"))
        .triggerPrice(dec("150")).triggerQuantity(dec("2")).triggerBy(TriggerBy.MARK_PRICE).build();

    assertThat(FillEstimator.notional(stop, NO_BOOK_NEEDED)).isEqualByComparingTo("300");
  }

  @Test
  void notionalOfATriggerLimitOrderUsesItsLimitPriceRatherThanTheTrigger() {
    OrderRequest stopLimit = OrderRequest.limit("SOL_USDC_PERP", Side.BID, dec("2"), dec("148"))
        .triggerPrice(dec("150")).triggerQuantity(dec("2")).build();

    assertThat(FillEstimator.notional(stopLimit, NO_BOOK_NEEDED)).isEqualByComparingTo("296");
  }

  // A sell limit fills at or ABOVE its price: a low-priced sell that crosses trades at the bids, so its
  // price × quantity understates it (the audit's sell 5 SOL @ 1 counted as 5 and filled for ~924).

  @Test
  void notionalOfASellLimitThatCrossesTheBookIsWhatTheBidsPayForIt() {
    // Bids 99 (1), 97 (2), 95 (5): 99 + 2 × 97 + 95 = 388, not 4 × 1.
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.limit("SOL_USDC", Side.ASK, dec("4"), dec("1")).build(), () -> depth(BOOK));

    assertThat(notional).isEqualByComparingTo("388");
  }

  @Test
  void notionalOfASellLimitThatCrossesPartlyCountsTheRestAtItsPrice() {
    // 99 (1) crosses a sell at 98; 97 does not, so the other 2 rest at 98: 99 + 196.
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.limit("SOL_USDC", Side.ASK, dec("3"), dec("98")).build(), () -> depth(BOOK));

    assertThat(notional).isEqualByComparingTo("295");
  }

  @Test
  void notionalOfASellLimitBeyondTheVisibleBidsValuesTheRestAtTheLowestVisibleBid() {
    // The whole visible side (8) pays 99 + 194 + 475 = 768; hidden bids sit at or below 95: 2 × 95 more.
    BigDecimal notional = FillEstimator.notional(
        OrderRequest.limit("SOL_USDC", Side.ASK, dec("10"), dec("1")).build(), () -> depth(BOOK));

    assertThat(notional).isEqualByComparingTo("958");
  }

  @Test
  void notionalOfAnIocSellLimitIsNotLoweredByWhatWouldExpire() {
    BigDecimal notional = FillEstimator.notional(OrderRequest.limit("SOL_USDC", Side.ASK, dec("4"), dec("1"))
        .timeInForce(TimeInForce.IOC).build(), () -> depth(BOOK));

    assertThat(notional).isEqualByComparingTo("388");
  }

  @Test
  void notionalOfASellLimitAboveTheBestBidOrAgainstNoBidsIsPriceTimesQuantity() {
    OrderRequest above = OrderRequest.limit("SOL_USDC", Side.ASK, dec("3"), dec("100")).build();

    assertThat(FillEstimator.notional(above, () -> depth(BOOK))).isEqualByComparingTo("300");
    assertThat(FillEstimator.notional(above, () -> depth(NO_BIDS))).isEqualByComparingTo("300");
  }

  @Test
  void notionalOfAPostOnlySellIsPriceTimesQuantityWithoutReadingTheBook() {
    // A post-only order never takes: the exchange refuses one that would cross.
    OrderRequest postOnly = OrderRequest.limit("SOL_USDC", Side.ASK, dec("4"), dec("1")).postOnly(true).build();

    assertThat(FillEstimator.notional(postOnly, NO_BOOK_NEEDED)).isEqualByComparingTo("4");
  }

  @Test
  void notionalOfATriggerSellLimitIsValuedAtLeastAtItsTrigger() {
    // It fires when the market reaches 150 and then sells at or above 1: worth about 150 each.
    OrderRequest takeProfit = OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("2"), dec("1"))
        .triggerPrice(dec("150")).triggerQuantity(dec("2")).build();
    OrderRequest stopLimit = OrderRequest.limit("SOL_USDC_PERP", Side.ASK, dec("2"), dec("152"))
        .triggerPrice(dec("150")).triggerQuantity(dec("2")).build();

    assertThat(FillEstimator.notional(takeProfit, NO_BOOK_NEEDED)).isEqualByComparingTo("300");
    assertThat(FillEstimator.notional(stopLimit, NO_BOOK_NEEDED)).isEqualByComparingTo("304");
  }
}
