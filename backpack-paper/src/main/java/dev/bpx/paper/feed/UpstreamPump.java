package dev.bpx.paper.feed;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.BookSnapshot;
import dev.bpx.paper.upstream.Level;
import dev.bpx.paper.upstream.MarkPrice;
import dev.bpx.paper.upstream.Trade;
import dev.bpx.paper.upstream.UpstreamMirror;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream mode's clock-driven feed. Every interval it looks at what the accounts depend on and
 * journals, as one {@link Command.UpstreamData}, only what changed:
 * <ul>
 *   <li>the mark price and funding rate of every market where an account holds a position or a
 *       resting order, and of the spot market of every asset an account holds (valuation, margin,
 *       liquidation, funding at the upstream's rate);
 *   <li>the side of a book that now crosses a user's resting order (the upstream's best ask at or
 *       below the user's best bid, or the reverse): the order then fills at its own price, as far as
 *       the crossing levels' quantity goes. Stale books (older than the bound) are not used: resting
 *       orders wait.
 * </ul>
 * A market nobody depends on costs nothing. Thread-safe; one daemon thread ({@code upstream-pump}).
 */
public final class UpstreamPump implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamPump.class);
  private final UpstreamMirror mirror;
  private final JournaledEngine store;
  private final Clock clock;
  private final long staleAfterMillis;
  private final ScheduledExecutorService timer;
  /** What was last journaled per market (pump thread only). */
  private final Map<String, MarkPrice> sent = new HashMap<>();
  /** How many of each market's upstream trades were seen (the mirror's cursor; pump thread only). */
  private final Map<String, Long> lastTrade = new HashMap<>();
  /** The crossing slices last journaled, per market and side: an unchanged one is not sent again. */
  private final Map<String, List<Command.BookLevel>> sentSlices = new HashMap<>();

  public UpstreamPump(UpstreamMirror mirror, JournaledEngine store, Clock clock, long staleAfterMillis) {
    this.mirror = mirror;
    this.store = store;
    this.clock = clock;
    this.staleAfterMillis = staleAfterMillis;
    // Every upstream trade from now on is looked at. Counting from the first run instead lost a trade that arrived
    // before it, although a user's order may already rest by then (the exchange answers as soon as it is built).
    for (var market : mirror.markets()) {
      lastTrade.put(market.symbol(), mirror.tradesAfter(market.symbol(), Long.MAX_VALUE).count());
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "upstream-pump");
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@link #runOnce} every {@code intervalMillis}. */
  public void start(long intervalMillis) {
    timer.scheduleWithFixedDelay(() -> {
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.warn("upstream pump: {}", e.toString());
      }
    }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** What the accounts depend on, read from the engine. */
  private record Dependence(List<String> valued, Map<String, BigDecimal> bestUserBid,
                            Map<String, BigDecimal> bestUserAsk) {}

  /** {@return the market data journaled now, or null when nothing changed} Package-visible for tests. */
  public synchronized Command.UpstreamData runOnce() {
    long now = clock.millis();
    Dependence d = store.peek(UpstreamPump::dependence);
    Map<String, Update> updates = new LinkedHashMap<>();
    for (String symbol : d.valued()) {
      MarkPrice mark = mirror.markPrice(symbol).orElse(null);
      if (mark != null && !sameMark(mark, sent.get(symbol))) {
        updates.computeIfAbsent(symbol, Update::new).mark = mark;
      }
    }
    crossing(d.bestUserBid(), Side.Bid, updates);
    crossing(d.bestUserAsk(), Side.Ask, updates);
    tape(d, updates);
    if (updates.isEmpty()) {
      return null;
    }
    List<Command.MarketUpdate> out = new ArrayList<>();
    for (Update u : updates.values()) {
      MarkPrice mark = u.mark != null ? u.mark : mirror.markPrice(u.symbol).orElse(null);
      out.add(new Command.MarketUpdate(u.symbol, mark == null ? null : mark.markPrice(),
          mark == null ? null : mark.fundingRate(), u.asks, u.bids, null, u.prints));
      if (mark != null) {
        sent.put(u.symbol, mark);
      }
    }
    Command.UpstreamData data = new Command.UpstreamData(out);
    store.submit(new TimedCommand(now, data));
    return data;
  }

  /**
   * The upstream trades since the last run that reached a user's resting order (a sell at or below the
   * best user bid, a buy at or above the best user ask), oldest first. Trades elsewhere are not journaled.
   */
  private void tape(Dependence d, Map<String, Update> updates) {
    for (var market : mirror.markets()) {
      String symbol = market.symbol();
      Long seen = lastTrade.get(symbol);
      UpstreamMirror.TradeTape tape = mirror.tradesAfter(symbol, seen == null ? Long.MAX_VALUE : seen);
      lastTrade.put(symbol, tape.count());
      List<Trade> fresh = tape.trades();
      BigDecimal bid = d.bestUserBid().get(symbol);
      BigDecimal ask = d.bestUserAsk().get(symbol);
      if (seen == null || bid == null && ask == null) {
        continue;
      }
      List<Command.TapePrint> prints = new ArrayList<>();
      for (Trade t : fresh) {
        boolean reaches = t.buyerMaker() ? bid != null && t.price().compareTo(bid) <= 0
            : ask != null && t.price().compareTo(ask) >= 0;
        if (reaches) {
          prints.add(new Command.TapePrint(t.price(), t.quantity(), t.buyerMaker()));
        }
      }
      if (!prints.isEmpty()) {
        updates.computeIfAbsent(symbol, Update::new).prints = prints;
      }
    }
  }

  /** Users' resting orders on {@code userSide} that the upstream's other side now reaches. */
  private void crossing(Map<String, BigDecimal> best, Side userSide, Map<String, Update> updates) {
    for (Map.Entry<String, BigDecimal> e : best.entrySet()) {
      String symbol = e.getKey();
      if (mirror.dataAgeMillis(symbol) > staleAfterMillis) {
        continue;
      }
      BookSnapshot book = mirror.book(symbol).orElse(null);
      if (book == null) {
        continue;
      }
      List<Level> other = userSide == Side.Bid ? book.asks() : book.bids();
      if (other.isEmpty()) {
        continue;
      }
      BigDecimal top = other.get(0).price();
      boolean crosses = userSide == Side.Bid ? top.compareTo(e.getValue()) <= 0 : top.compareTo(e.getValue()) >= 0;
      if (!crosses) {
        continue;
      }
      List<Command.BookLevel> slice = new ArrayList<>();
      for (Level l : other) {
        boolean reaches = userSide == Side.Bid ? l.price().compareTo(e.getValue()) <= 0
            : l.price().compareTo(e.getValue()) >= 0;
        if (!reaches && slice.size() >= UpstreamGate.MIN_LEVELS || slice.size() == UpstreamGate.MAX_LEVELS) {
          break;
        }
        slice.add(new Command.BookLevel(l.price(), l.quantity()));
      }
      if (slice.equals(sentSlices.put(symbol + "/" + userSide, slice))) {
        continue;
      }
      Update u = updates.computeIfAbsent(symbol, Update::new);
      if (userSide == Side.Bid) {
        u.asks = slice;
      } else {
        u.bids = slice;
      }
    }
  }

  private static boolean sameMark(MarkPrice a, MarkPrice b) {
    return b != null && a.markPrice().compareTo(b.markPrice()) == 0
        && Objects.equals(a.fundingRate() == null ? null : a.fundingRate().stripTrailingZeros(),
            b.fundingRate() == null ? null : b.fundingRate().stripTrailingZeros());
  }

  private static Dependence dependence(ExchangeView e) {
    List<String> valued = new ArrayList<>();
    Map<String, BigDecimal> bids = new LinkedHashMap<>();
    Map<String, BigDecimal> asks = new LinkedHashMap<>();
    for (Account a : e.users()) {
      for (String symbol : a.positions().keySet()) {
        add(valued, symbol);
      }
      for (String asset : a.balances().keySet()) {
        String spot = UpstreamGate.spotMarket(e, asset);
        if (spot != null) {
          add(valued, spot);
        }
      }
    }
    for (ExchangeView.Market m : e.markets().values()) {
      String symbol = m.spec().symbol();
      BigDecimal bid = bestUserPrice(m, Side.Bid);
      BigDecimal ask = bestUserPrice(m, Side.Ask);
      if (bid != null) {
        bids.put(symbol, bid);
        add(valued, symbol);
      }
      if (ask != null) {
        asks.put(symbol, ask);
        add(valued, symbol);
      }
    }
    return new Dependence(valued, bids, asks);
  }

  private static void add(List<String> list, String symbol) {
    if (!list.contains(symbol)) {
      list.add(symbol);
    }
  }

  private static BigDecimal bestUserPrice(ExchangeView.Market m, Side side) {
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : m.book().levels(side).entrySet()) {
      for (Order o : level.getValue()) {
        if (!Accounts.MAKER.equals(o.account())) {
          return level.getKey();
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static final class Update {
    final String symbol;
    MarkPrice mark;
    List<Command.BookLevel> asks;
    List<Command.BookLevel> bids;
    List<Command.TapePrint> prints;

    Update(String symbol) {
      this.symbol = symbol;
    }
  }
}
