package dev.bpx.paper.command;

import java.math.BigDecimal;
import java.util.List;

/**
 * One state-changing request, parsed and validated at the edge ({@link CommandParser}) into a
 * typed value: the engine executes it ({@link CommandHandler}) and the journal stores it as it is,
 * so a replay never parses a request again. Sealed because we own every kind; each record holds
 * exactly what its command needs. Immutable.
 */
public sealed interface Command {
  /** {@return the account the command acts for (opened if new), null for exchange-wide commands} */
  default String apiKey() {
    return null;
  }

  /** Opens the account of an API key (a signed read by a new key); nothing when it exists. */
  record CreateAccount(String apiKey) implements Command {}

  /** {@code PATCH /api/v1/account}: null fields stay as they are. */
  record UpdateAccount(String apiKey, Boolean autoBorrowSettlements, Boolean autoLend, Boolean autoRepayBorrows,
                       BigDecimal leverageLimit) implements Command {}

  /** {@code POST /api/v1/order}. */
  record PlaceOrder(String apiKey, OrderRequest order) implements Command {}

  /** {@code POST /api/v1/orders}: each order placed or refused on its own. */
  record PlaceOrders(String apiKey, List<OrderRequest> orders) implements Command {
    public PlaceOrders {
      orders = List.copyOf(orders);
    }
  }

  /** {@code DELETE /api/v1/order}: by order id or client id. */
  record CancelOrder(String apiKey, String symbol, Long orderId, Long clientId) implements Command {}

  /**
   * {@code DELETE /api/v1/orders}.
   *
   * @param orderType {@code RestingLimitOrder}, {@code ConditionalOrder} or null for both
   */
  record CancelAll(String apiKey, String symbol, String orderType) implements Command {}

  /** {@code POST /api/v1/borrowLend}. */
  record BorrowLend(String apiKey, String asset, BorrowLendSide side, BigDecimal quantity) implements Command {}

  /** Which way a {@link BorrowLend} moves funds (wire names). */
  enum BorrowLendSide { Borrow, Lend }

  /** Control API: moves the walk of a market's base asset to a price (positive). */
  record SetPrice(String symbol, BigDecimal price) implements Command {}

  /** Control API: the paper clock was advanced; its offset is restored from the journal at start. */
  record SetClock(long offsetMillis) implements Command {}

  /**
   * Time passing as a read saw it: the walk steps and the maker's requote it ran. Journaled so that a
   * replay requotes at the same moments and so hands out the same order ids as the live run.
   */
  record Tick() implements Command {}

  /**
   * Upstream market data that changes state, as the exchange saw it at the command's time (journal
   * version 4): mark prices and funding rates, and the slice of each book an order may walk. Only
   * what the next state change needs is recorded, never the whole feed; a replay takes these
   * values instead of the network's, so it rebuilds the same state.
   */
  record UpstreamData(List<MarketUpdate> markets) implements Command {
    public UpstreamData {
      markets = List.copyOf(markets);
    }
  }

  /**
   * One market's part of {@link UpstreamData}.
   *
   * @param markPrice the mark price, or null to keep the last one
   * @param fundingRate the upstream's funding rate of the interval in progress (perps), or null to keep it
   * @param asks the upstream's asks from the best, or null to leave that side as it is
   * @param bids the upstream's bids from the best, or null to leave that side as it is
   */
  record MarketUpdate(String symbol, BigDecimal markPrice, BigDecimal fundingRate, List<BookLevel> asks,
                      List<BookLevel> bids, List<QueueLevel> queue, List<TapePrint> prints) {
    public MarketUpdate {
      asks = asks == null ? null : List.copyOf(asks);
      bids = bids == null ? null : List.copyOf(bids);
      queue = queue == null ? List.of() : List.copyOf(queue);
      prints = prints == null ? List.of() : List.copyOf(prints);
    }

    /** Prices, rates and book sides only. */
    public MarketUpdate(String symbol, BigDecimal markPrice, BigDecimal fundingRate, List<BookLevel> asks,
                        List<BookLevel> bids) {
      this(symbol, markPrice, fundingRate, asks, bids, null, null);
    }
  }

  /**
   * The upstream's market list changed since the state was made (journal version 5): from this command on, the
   * engine trades the new list. New markets appear; a market the list no longer has is delisted (its users'
   * resting and trigger orders are cancelled, positions stay, valued at the last journaled mark); a changed
   * market's filters apply to new orders only (resting orders stay as they were accepted).
   */
  record UpstreamMarkets(dev.bpx.paper.market.MarketList list) implements Command {}

  /**
   * From now on limit prices must lie within the markets' price bands: journaled once, when an exchange first
   * opens a journal written before the bands were enforced, so that its older orders replay as they were accepted.
   */
  record PriceBands() implements Command {}

  /** A price level of an upstream book: its price and the quantity resting there. */
  record BookLevel(BigDecimal price, BigDecimal quantity) {}

  /**
   * The upstream's quantity resting at a price on one side when an order is placed there: the volume
   * ahead of a user's order that joins that level (the queue model, see the README).
   */
  record QueueLevel(dev.bpx.paper.matching.Side side, BigDecimal price, BigDecimal quantity) {}

  /**
   * An upstream trade that reached the price of a user's resting order, oldest first.
   *
   * @param buyerMaker whether the resting side was the buyer (the taker sold: bids were hit)
   */
  record TapePrint(BigDecimal price, BigDecimal quantity, boolean buyerMaker) {}

  /**
   * A state made before journal version 6 numbers its trades per market from here on (journal version 6, journaled
   * once, right after such a journal's replay, before any other command): each market's sequence continues above
   * every trade id already used; ids already issued stay ({@code engine/TradeIds}).
   */
  record NumberTradesPerMarket() implements Command {}

  /** Control API: credits an asset to an account. */
  record Fund(String apiKey, String asset, BigDecimal quantity) implements Command {}

  /** Control API: closes positions, cancels orders and restores the starting portfolio. */
  record Reset(String apiKey) implements Command {}
}
