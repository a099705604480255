package dev.bpx.paper.feed;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Balance;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.BookSnapshot;
import dev.bpx.paper.upstream.Level;
import dev.bpx.paper.upstream.MarkPrice;
import dev.bpx.paper.upstream.UpstreamException;
import dev.bpx.paper.upstream.UpstreamMirror;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream mode's door for orders: before an order reaches the engine, the market data it will trade
 * on is taken from the mirror and journaled as a {@link Command.UpstreamData} — the slice of the book
 * the order may walk, and the mark prices (and funding rates) of the markets the account's valuation
 * depends on. Orders then run on journaled values only, so a replay rebuilds the same fills. A market
 * order on data older than the bound is refused with a body of the exchange's shape saying how old it
 * is; a limit order on stale data takes no liquidity (that side is journaled empty) and rests.
 * Thread-safe.
 */
public final class UpstreamGate {
  /** The most levels a slice holds: the journal stays small whatever the order. */
  static final int MAX_LEVELS = 200;
  /** Levels a slice always holds from the best, so that the users' earlier takes there stay remembered. */
  static final int MIN_LEVELS = 10;

  private final UpstreamMirror mirror;
  private final JournaledEngine store;
  private final long staleAfterMillis;

  public UpstreamGate(UpstreamMirror mirror, JournaledEngine store, long staleAfterMillis) {
    this.mirror = mirror;
    this.store = store;
    this.staleAfterMillis = staleAfterMillis;
  }

  /**
   * {@return the market data to journal before these orders, or null when there is none}
   *
   * @throws ApiError {@code PRECONDITION_FAILED} for a market order on stale data
   */
  public Command.UpstreamData before(String apiKey, List<OrderRequest> orders, long now) {
    Map<String, Update> updates = new LinkedHashMap<>();
    for (OrderRequest o : orders) {
      if (o.symbol() == null || mirror.book(o.symbol()).isEmpty()) {
        continue; // unknown market: the engine refuses it as it always did
      }
      Update u = updates.computeIfAbsent(o.symbol(), Update::new);
      long age = mirror.dataAgeMillis(o.symbol());
      if (age > staleAfterMillis) {
        age = readAgain(o.symbol(), age);
      }
      boolean stale = age > staleAfterMillis;
      if (stale && o.orderType() == OrderType.Market) {
        throw ApiError.of("PRECONDITION_FAILED", "Market data for " + o.symbol() + " from "
            + mirror.settings().rest() + (age == Long.MAX_VALUE ? " has not been received" : " is "
            + seconds(age) + " old") + " (the limit is " + seconds(staleAfterMillis)
            + "): market orders are refused until it is current again");
      }
      BookSnapshot book = mirror.book(o.symbol()).orElseThrow();
      List<Command.BookLevel> side = stale ? List.of() : slice(o, o.side() == Side.Bid ? book.asks() : book.bids());
      if (o.orderType() == OrderType.Limit && o.price() != null) {
        // The queue model: what the upstream shows at the order's price on its side is ahead of it.
        BigDecimal ahead = BigDecimal.ZERO;
        for (Level l : o.side() == Side.Bid ? book.bids() : book.asks()) {
          if (l.price().compareTo(o.price()) == 0) {
            ahead = l.quantity();
          }
        }
        u.queue.add(new Command.QueueLevel(o.side(), o.price(), ahead));
      }
      if (o.side() == Side.Bid) {
        u.asks = side;
      } else {
        u.bids = side;
      }
    }
    for (String symbol : valuedMarkets(apiKey, now, updates.keySet())) {
      updates.computeIfAbsent(symbol, Update::new);
    }
    List<Command.MarketUpdate> out = new ArrayList<>();
    for (Update u : updates.values()) {
      MarkPrice mark = mirror.markPrice(u.symbol).orElse(null);
      if (mark == null && u.asks == null && u.bids == null && u.queue.isEmpty()) {
        continue;
      }
      out.add(new Command.MarketUpdate(u.symbol, mark == null ? null : mark.markPrice(),
          mark == null ? null : mark.fundingRate(), u.asks, u.bids, u.queue, null));
    }
    return out.isEmpty() ? null : new Command.UpstreamData(out);
  }

  /**
   * Reads a stale book once more over REST before an order is judged on it: with the socket down the polls read
   * each book only every half minute, and the market being traded should not wait for its turn.
   * {@return the book's age after the read, or {@code age} if the upstream cannot answer}
   */
  private long readAgain(String symbol, long age) {
    try {
      mirror.refreshBook(symbol);
      return mirror.dataAgeMillis(symbol);
    } catch (UpstreamException e) {
      return age;
    }
  }

  /** {@return the markets whose price values the account: its positions, and the spot markets of what it holds} */
  private Set<String> valuedMarkets(String apiKey, long now, Set<String> already) {
    return store.read(now, null, e -> {
      Set<String> out = new LinkedHashSet<>(already);
      Account a = e.account(apiKey);
      if (a == null) {
        return out;
      }
      out.addAll(a.positions().keySet());
      for (Map.Entry<String, Balance> b : a.balances().entrySet()) {
        String market = spotMarket(e, b.getKey());
        if (market != null) {
          out.add(market);
        }
      }
      return out;
    });
  }

  static String spotMarket(ExchangeView e, String asset) {
    if ("USDC".equals(asset)) {
      return null;
    }
    for (String candidate : new String[] {asset + "_USDC", asset + "_USDC_PERP"}) {
      if (e.markets().containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * {@return the levels an order may walk, from the best: for a limit order every level up to its
   * price, for a market order enough levels for twice its size (the users' earlier takes may have
   * thinned the first ones) and one more; at least {@value #MIN_LEVELS}, at most {@value #MAX_LEVELS}}
   */
  static List<Command.BookLevel> slice(OrderRequest o, List<Level> levels) {
    List<Command.BookLevel> out = new ArrayList<>();
    BigDecimal need = o.quantity() != null ? o.quantity().multiply(BigDecimal.valueOf(2)) : null;
    BigDecimal needQuote = o.quoteQuantity() != null ? o.quoteQuantity().multiply(BigDecimal.valueOf(2)) : null;
    BigDecimal base = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    boolean covered = false;
    for (Level l : levels) {
      if (out.size() == MAX_LEVELS) {
        break;
      }
      boolean reachable;
      if (o.orderType() == OrderType.Limit && o.price() != null) {
        reachable = o.side() == Side.Bid ? l.price().compareTo(o.price()) <= 0 : l.price().compareTo(o.price()) >= 0;
      } else {
        reachable = !covered;
      }
      if (!reachable && out.size() >= MIN_LEVELS) {
        break;
      }
      out.add(new Command.BookLevel(l.price(), l.quantity()));
      base = base.add(l.quantity());
      quote = quote.add(l.quantity().multiply(l.price()));
      covered = need != null && base.compareTo(need) >= 0 || needQuote != null && quote.compareTo(needQuote) >= 0
          || need == null && needQuote == null;
    }
    return out;
  }

  static String seconds(long millis) {
    return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
  }

  private static final class Update {
    final String symbol;
    List<Command.BookLevel> asks;
    List<Command.BookLevel> bids;
    final List<Command.QueueLevel> queue = new ArrayList<>();

    Update(String symbol) {
      this.symbol = symbol;
    }
  }
}
