package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.Print;
import java.util.Collection;

/**
 * Numbers the trades. The spec's trade id is "a sequential number scoped to the symbol" (AsyncAPI
 * {@code trade.<symbol>}): every trade of a market, the other participants' flow, the users' fills,
 * liquidations and the maker's, takes the next number of that market's own sequence
 * ({@link MarketState#lastTradeId}), and the same number shows in the fills history ({@code tradeId}), the
 * order update ({@code t}), the trade stream and {@code /api/v1/trades}.
 *
 * <p>States made before journal version 6 numbered trades otherwise ({@link Scheme#SHARED}): users' fills from one
 * counter shared by every market ({@link Ids}, 9 000 001 onwards), the flow's prints by their time ({@link Print#id},
 * 100 000 000 000 + 8 × second + k), and liquidations printed no public trade. Such a journal replays under that rule,
 * so the ids its users were told stay as they were; a journaled switch ({@code Command.NumberTradesPerMarket}) then
 * starts each market's sequence above every id already used ({@link #numberPerMarket}). Engine-owned, not
 * thread-safe.
 */
public final class TradeIds {
  /** How trades are numbered. */
  public enum Scheme {
    /** Each market its own sequence, liquidations printed: the spec's rule, and every state made from version 6 on. */
    PER_MARKET,
    /** As before journal version 6: one counter for users' fills, the flow's own ids, no liquidation prints. */
    SHARED
  }

  private final Ids ids;
  private Scheme scheme;

  TradeIds(Ids ids, Scheme scheme) {
    this.ids = ids;
    this.scheme = scheme;
  }

  public Scheme scheme() {
    return scheme;
  }

  /** {@return the id of the next trade between two orders (a fill, a liquidation) on a market} */
  long next(MarketState m) {
    return scheme == Scheme.SHARED ? ids.nextTrade() : ++m.lastTradeId;
  }

  /** {@return the id of one of the other participants' prints on a market} */
  long forPrint(MarketState m, Print p) {
    return scheme == Scheme.SHARED ? p.id() : ++m.lastTradeId;
  }

  /** {@return whether a liquidation's trade is a public trade of its market (not before version 6)} */
  boolean printsLiquidations() {
    return scheme == Scheme.PER_MARKET;
  }

  /**
   * Switches a state replayed under the shared rule to one sequence per market. Each market's sequence continues
   * above the highest id it used (its recent trades: the flow's, which grow with time) and above every id the shared
   * counter handed out (every user's fill, on any market, so no id a user was ever told comes back, not even one of
   * a fill an account reset has since dropped from its history). Ids already issued are left as they are.
   */
  void numberPerMarket(Collection<MarketState> markets) {
    if (scheme == Scheme.PER_MARKET) {
      return;
    }
    for (MarketState m : markets) {
      long highest = ids.trade;
      for (Records.Trade t : m.trades) {
        highest = Math.max(highest, t.id());
      }
      m.lastTradeId = highest;
    }
    scheme = Scheme.PER_MARKET;
  }
}
