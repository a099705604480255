package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trades the mirror keeps of a market, fed by the stream and by REST reads that interleave with it: what the
 * public tape shows, and what the pump is handed as new prints that may reach users' resting orders.
 */
class TradeTapeTest {
  private static final MarketSpec SOL = DefaultMarkets.markets().stream()
      .filter(m -> m.symbol().equals("SOL_USDC")).findFirst().orElseThrow();

  /** A trade at second {@code second}, with the id {@code id}. */
  private static Trade t(long id, long second) {
    return new Trade(id, new BigDecimal("180.00"), new BigDecimal("1.00"), second * 1000, true);
  }

  private static List<Long> ids(List<Trade> trades) {
    return trades.stream().map(Trade::id).toList();
  }

  /**
   * The flake of UpstreamModeTest, pinned: the catch-up read after subscribing was asked before a stream trade and
   * applied after it. With the tape full, the stream trade had pushed the oldest out; the read's answer still held
   * it, and taking it again at the head set off a cascade that pushed out the stream trade and handed the pump the
   * whole answer, old prints at old prices, as new.
   */
  @Test
  void aCatchUpReadAskedBeforeAStreamTradeTakesNothingOldAndLosesNothingNew() {
    SymbolState s = new SymbolState(SOL, 3);
    List<Trade> answer = List.of(t(3, 3), t(2, 2), t(1, 1)); // as REST sends it: newest first
    s.mergeTrades(answer);
    long cursor = s.tradesAdded;

    s.addTrade(t(4, 4)); // the stream
    s.mergeTrades(answer); // the read asked before it, applied after

    assertThat(ids(s.trades(3))).containsExactly(4L, 3L, 2L);
    assertThat(ids(s.tradesAfter(cursor))).as("new prints for the pump").containsExactly(4L);
  }

  @Test
  void aTradeTheStreamMissedTakesItsPlaceByTimeAndIsNewToThePump() {
    SymbolState s = new SymbolState(SOL, 10);
    s.mergeTrades(List.of(t(2, 2), t(1, 1)));
    long cursor = s.tradesAdded;

    s.addTrade(t(4, 4));
    s.mergeTrades(List.of(t(4, 4), t(3, 3), t(2, 2), t(1, 1))); // 3 printed while the socket was down

    assertThat(ids(s.trades(10))).as("newest first by time, not by arrival").containsExactly(4L, 3L, 2L, 1L);
    assertThat(ids(s.trades(1))).containsExactly(4L);
    assertThat(ids(s.tradesAfter(cursor))).as("oldest first by time").containsExactly(3L, 4L);
    assertThat(s.tradesAfter(s.tradesAdded)).isEmpty();
  }

  @Test
  void aTradeOlderThanEveryTradeKeptOnAFullTapeIsHistoryNotNews() {
    SymbolState s = new SymbolState(SOL, 2);
    s.mergeTrades(List.of(t(3, 3), t(2, 2)));
    long cursor = s.tradesAdded;

    s.mergeTrades(List.of(t(1, 1)));

    assertThat(ids(s.trades(5))).containsExactly(3L, 2L);
    assertThat(s.tradesAfter(cursor)).isEmpty();
  }

  @Test
  void aTradeIsTakenOnceByIdHoweverItComes() {
    SymbolState s = new SymbolState(SOL, 10);
    s.addTrade(new Trade(7, new BigDecimal("180"), new BigDecimal("3"), 5000, true)); // the stream's "3"
    s.mergeTrades(List.of(new Trade(7, new BigDecimal("180.00"), new BigDecimal("3.00"), 5000, true))); // REST's

    assertThat(s.trades(10)).hasSize(1);
    assertThat(s.tradesAdded).isEqualTo(1);
  }

  @Test
  void theTapeKeepsTheNewestAndThePumpSeesAtMostThatMany() {
    SymbolState s = new SymbolState(SOL, 3);
    for (int i = 1; i <= 5; i++) {
      s.addTrade(t(i, i));
    }
    assertThat(ids(s.trades(10))).containsExactly(5L, 4L, 3L);
    assertThat(ids(s.tradesAfter(0))).as("a pump 5 behind gets the 3 kept").containsExactly(3L, 4L, 5L);
    assertThat(ids(s.tradesAfter(Long.MAX_VALUE))).isEmpty();
  }
}
