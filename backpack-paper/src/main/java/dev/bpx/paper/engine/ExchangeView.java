package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.PriceSource;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderBook;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What the exchange's readers (the HTTP front, the control API's reads) may see of the engine:
 * markets, accounts and the answers computed from them, nothing that changes state. Readers get it
 * from a replica that no one changes while they read ({@code JournaledEngine.read}); prices come
 * as the ledger's {@link PriceSource}. The objects
 * it returns (accounts, books, orders) are live engine state and must only be read.
 */
public interface ExchangeView extends PriceSource {
  /** One market as readers see it. */
  interface Market {
    MarketSpec spec();

    /** {@return the resting orders, best first} */
    OrderBook book();

    /** {@return the recent trades, newest first} */
    Deque<Records.Trade> trades();

    Candles candles();

    /** {@return the funding rate of the interval in progress (perps), a fraction per interval} */
    BigDecimal fundingRate();

    /** {@return the funding rates of past intervals, oldest first} */
    List<Records.FundingPayment> fundingHistory();

    /** {@return the mark (and index) price} */
    BigDecimal markPrice();

    /** {@return the last trade's price, or the mark price before any trade} */
    BigDecimal lastPrice();

    /** {@return the end of the funding interval in progress at a time} */
    long nextFunding(long time);

    /**
     * {@return the open interest of the simulated other participants (perps; zero on spot), which
     * the accounts' positions add to}
     */
    BigDecimal othersOpenInterest();
  }

  /** {@return the exchange time of the last command or read, epoch ms} */
  long now();

  /** {@return the markets by symbol, in listing order} */
  Map<String, ? extends Market> markets();

  /** {@return a market, or null / a plain-text parse error when unknown} */
  Market market(String symbol, boolean required);

  /**
   * {@return whether a market the engine holds is listed: false for one the upstream delisted, which the engine
   * keeps only for the positions on it}
   */
  default boolean isListed(String symbol) {
    return markets().containsKey(symbol);
  }

  Map<String, AssetSpec> assets();

  /** {@return the account of an API key, or null when it has none yet} */
  Account account(String apiKey);

  /** {@return the synthetic market maker's account (also the liquidation backstop)} */
  Account makerAccount();

  /** {@return the user accounts in creation order} */
  List<Account> users();

  /** {@return the account's open orders (resting and trigger-pending) per symbol} */
  Map<String, List<Order>> openOrders(Account a);

  Margin.Summary marginSummary(Account a);

  /**
   * {@return a perp market's open interest: the long side of every position, the maker's included, plus
   * the simulated other traders' ({@link Market#othersOpenInterest()})}
   */
  default BigDecimal openInterest(String symbol) {
    Market market = markets().get(symbol);
    BigDecimal oi = market == null ? BigDecimal.ZERO : market.othersOpenInterest();
    for (Account a : users()) {
      PerpPosition p = a.positions().get(symbol);
      if (p != null && p.netQuantity().signum() > 0) {
        oi = oi.add(p.netQuantity());
      }
    }
    PerpPosition maker = makerAccount().positions().get(symbol);
    if (maker != null && maker.netQuantity().signum() > 0) {
      oi = oi.add(maker.netQuantity());
    }
    return oi;
  }

  /**
   * {@return the largest quantity order entry would accept now (see {@code Engine.maxOrderQuantity})}
   * Throws {@code ApiError} for an off-tick price, or reduce-only on spot.
   */
  BigDecimal maxOrderQuantity(Account a, Market m, Side side, BigDecimal price, boolean reduceOnly);
}
