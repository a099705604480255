package dev.bpx.paper.engine;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.HeldPrice;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.MarketList;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.simulation.MarketMaker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The engine's side of upstream prices: what journaled upstream data does to the markets (marks, funding rates,
 * book slices the maker quotes, the queue model's prints) and what a change of the upstream's market list does.
 * Each input is a journaled command, so this stays deterministic. The engine's one job is to run commands; this
 * room of it holds the upstream mode's rules, so the simulated engine does not carry them.
 *
 * <p>Not thread-safe: the engine's writer owns it, with the engine.
 */
final class UpstreamInputs {
  /** The reason a delisted market's open orders are closed with. */
  static final String DELISTED = "MarketDelisted";

  private final Map<String, MarketState> markets;
  private final Map<String, AssetSpec> assets;
  private final Accounts accounts;
  private final OrderEntry entry;
  private final MarketMaker maker;
  private final EventLog events;
  private final LongSupplier now;
  /** Triggers, liquidations and the end of a command, after the prices moved. */
  private final Runnable afterPrices;
  /** Markets the upstream no longer lists: kept for the positions they hold, closed to new orders. */
  private final Set<String> delisted = new TreeSet<>();

  UpstreamInputs(Map<String, MarketState> markets, Map<String, AssetSpec> assets, Accounts accounts, OrderEntry entry,
                 MarketMaker maker, EventLog events, LongSupplier now, Runnable afterPrices) {
    this.markets = markets;
    this.assets = assets;
    this.accounts = accounts;
    this.entry = entry;
    this.maker = maker;
    this.events = events;
    this.now = now;
    this.afterPrices = afterPrices;
  }

  /**
   * Takes upstream market data: mark prices (rounded to the tick, half even), funding rates, and book sides the
   * maker then quotes as they stand ({@link MarketMaker#quoteSide}); a quote that crosses a user's resting order
   * fills it at the order's price. Then triggers and liquidations run on the new prices.
   */
  void data(List<Command.MarketUpdate> updates) {
    clearPendingQueues();
    for (Command.MarketUpdate u : updates) {
      MarketState m = MarketState.lookup(markets, u.symbol(), true);
      for (Command.QueueLevel q : u.queue()) {
        m.pendingQueue.put(queueKey(q.side(), q.price()), q.quantity());
      }
      if (u.markPrice() != null) {
        m.walk.set(ticksOf(m.spec, u.markPrice()));
        m.candles.price(now.getAsLong(), m.walk.ticks());
      }
      if (u.fundingRate() != null && m.spec.isPerp()) {
        m.fundingRate = u.fundingRate();
      }
      quote(m, Side.Ask, u.asks());
      quote(m, Side.Bid, u.bids());
      m.quotedTicks = m.walk.ticks();
      for (Command.TapePrint t : u.prints()) {
        tape(m, t);
      }
      m.queueAhead.keySet().removeIf(id -> !restingUserOrder(m, id));
    }
    afterPrices.run();
  }

  private static long ticksOf(MarketSpec spec, BigDecimal price) {
    return Math.max(1, price.divide(spec.tickSize(), 0, RoundingMode.HALF_EVEN).longValueExact());
  }

  /**
   * The upstream's market list changed: new markets and assets appear (on held prices, as at start); a market the
   * list no longer has is delisted: its open orders (users' resting and trigger orders, the maker's quotes) are
   * cancelled with {@link #DELISTED}, positions stay, valued at the last journaled mark, and new orders on it
   * are refused; a market whose filters changed takes them for new orders, its resting orders stay as accepted
   * (the mark keeps its price on the new tick). A delisted market that comes back is traded again.
   */
  void marketList(MarketList list) {
    long time = now.getAsLong();
    List<String> newAssets = new ArrayList<>();
    for (AssetSpec a : list.assets()) {
      if (assets.put(a.symbol(), a) == null) {
        newAssets.add(a.symbol());
      }
    }
    accounts.fundMaker(newAssets);
    Map<String, MarketSpec> listed = new LinkedHashMap<>();
    list.markets().forEach(s -> listed.put(s.symbol(), s));
    for (MarketState m : markets.values()) {
      MarketSpec next = listed.get(m.spec.symbol());
      if (next == null) {
        if (delisted.add(m.spec.symbol())) {
          closeOrders(m, time);
        }
      } else {
        delisted.remove(m.spec.symbol());
        if (!new MarketList(List.of(next), List.of()).sameAs(new MarketList(List.of(m.spec), List.of()))) {
          BigDecimal mark = m.markPrice();
          m.spec = next;
          m.walk.set(ticksOf(next, mark));
        }
      }
    }
    for (MarketSpec s : list.markets()) {
      if (!markets.containsKey(s.symbol())) {
        MarketDataSource source = HeldPrice.factory().open(s, time);
        MarketState m = new MarketState(s, source, new Candles(time, source::history));
        m.events = events;
        markets.put(s.symbol(), m);
      }
    }
    afterPrices.run();
  }

  private void closeOrders(MarketState m, long time) {
    for (Account a : accounts.users()) {
      for (Order o : a.openOrders().getOrDefault(m.spec.symbol(), List.of())) {
        entry.cancelOpen(a, m, o, OrderStatus.Cancelled, DELISTED, time);
      }
    }
    for (Order o : new ArrayList<>(m.makerOrders)) {
      if (o.status().isOpen()) {
        entry.cancelOpen(accounts.maker(), m, o, OrderStatus.Cancelled, DELISTED, time);
      }
    }
    m.makerOrders.clear();
    m.queueAhead.clear();
  }

  /** {@return whether the upstream has delisted a market this engine still holds} */
  boolean isDelisted(String symbol) {
    return delisted.contains(symbol);
  }

  /** {@return the delisted markets, in symbol order (snapshots)} */
  Set<String> delisted() {
    return Collections.unmodifiableSet(delisted);
  }

  /** Restores the delisted markets of a snapshot into a fresh engine. */
  void restoreDelisted(Iterable<String> symbols) {
    delisted.clear();
    symbols.forEach(delisted::add);
  }

  /** {@return the list the engine trades now: its markets but the delisted ones, and its assets} */
  MarketList tradedList() {
    List<MarketSpec> specs = new ArrayList<>();
    for (MarketState m : markets.values()) {
      if (!delisted.contains(m.spec.symbol())) {
        specs.add(m.spec);
      }
    }
    return new MarketList(specs, new ArrayList<>(assets.values()));
  }

  /** {@return every market the engine holds, delisted ones too, and its assets: what a snapshot is built on} */
  MarketList heldList() {
    List<MarketSpec> specs = new ArrayList<>();
    markets.values().forEach(m -> specs.add(m.spec));
    return new MarketList(specs, new ArrayList<>(assets.values()));
  }

  /**
   * An order that came to rest joins the upstream's queue at its price behind the quantity the upstream showed
   * there when it was placed (journaled with the order's market data; none known: nothing ahead).
   */
  void joinQueue(Order o) {
    MarketState m = markets.get(o.symbol());
    if (m == null || !o.status().isOpen() || o.price() == null) {
      return;
    }
    ArrayDeque<Order> level = m.book.levels(o.side()).get(o.price());
    if (level != null && level.contains(o)) {
      m.queueAhead.put(o.id(), m.pendingQueue.getOrDefault(queueKey(o.side(), o.price()), BigDecimal.ZERO));
    }
  }

  private static String queueKey(Side side, BigDecimal price) {
    return side.name() + "@" + price.stripTrailingZeros().toPlainString();
  }

  /** The queue levels journaled for one command's orders are spent once those orders are placed. */
  void clearPendingQueues() {
    for (MarketState m : markets.values()) {
      m.pendingQueue.clear();
    }
  }

  /**
   * The queue model: an upstream trade fills the users' resting orders its price reached, in the book's
   * priority. At an order's own price the trade first uses up the upstream's volume that was ahead of
   * it; an order priced better than the trade was passed through and fills from the trade's quantity
   * at once. Each fill is at the order's price, against the maker's account (the upstream's side).
   */
  private void tape(MarketState m, Command.TapePrint t) {
    Side resting = t.buyerMaker() ? Side.Bid : Side.Ask;
    BigDecimal left = t.quantity();
    List<Order> reached = new ArrayList<>();
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : m.book.levels(resting).entrySet()) {
      int c = level.getKey().compareTo(t.price());
      if (resting == Side.Bid ? c < 0 : c > 0) {
        break;
      }
      for (Order o : level.getValue()) {
        if (!Accounts.isSystem(o.account())) {
          reached.add(o);
        }
      }
    }
    for (Order o : reached) {
      if (left.signum() <= 0) {
        break;
      }
      if (!o.status().isOpen() || o.remaining().signum() == 0) {
        continue;
      }
      if (o.price().compareTo(t.price()) == 0) {
        BigDecimal ahead = m.queueAhead.getOrDefault(o.id(), BigDecimal.ZERO);
        BigDecimal used = ahead.min(left);
        m.queueAhead.put(o.id(), ahead.subtract(used));
        left = left.subtract(used);
      }
      BigDecimal fill = o.remaining().min(left);
      if (fill.signum() > 0) {
        maker.takeAt(m.spec, m.book, resting == Side.Bid ? Side.Ask : Side.Bid, o.price(), fill, now.getAsLong(),
            entry);
        left = left.subtract(fill);
      }
    }
  }

  private static boolean restingUserOrder(MarketState m, long id) {
    for (Side side : Side.values()) {
      for (ArrayDeque<Order> level : m.book.levels(side).values()) {
        for (Order o : level) {
          if (o.id() == id) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void quote(MarketState m, Side side, List<Command.BookLevel> levels) {
    if (levels == null) {
      return;
    }
    List<BigDecimal[]> rows = new ArrayList<>(levels.size());
    for (Command.BookLevel l : levels) {
      rows.add(new BigDecimal[] {l.price(), l.quantity()});
    }
    maker.quoteSide(m.spec, m.book, m.makerOrders, side, rows, now.getAsLong(), entry);
  }
}
