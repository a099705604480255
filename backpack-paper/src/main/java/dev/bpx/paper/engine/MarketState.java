package dev.bpx.paper.engine;

import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.Print;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderBook;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine keeps for one market: the walk (mark and index price), the book, the
 * market maker's quotes, pending trigger orders, recent trades and candles.
 * Engine-owned, not thread-safe.
 */
public final class MarketState implements ExchangeView.Market {
  static final int KEEP_TRADES = 1000;
  private static final BigDecimal BASE_RATE = new BigDecimal("0.0000125");
  private static final BigDecimal NOISE_UNIT = new BigDecimal("0.000001");

  /** The market's filters; upstream prices: replaced when the upstream changes them (new orders only). */
  public MarketSpec spec;
  /** The market data: mark and index price, one step a second. */
  public final MarketDataSource walk;
  public final OrderBook book = new OrderBook();
  public final List<Order> makerOrders = new ArrayList<>();
  public final List<Order> triggers = new ArrayList<>();
  public final ArrayDeque<Records.Trade> trades = new ArrayDeque<>();
  public final Candles candles;
  /** The walk price the maker's ladder was last quoted around, in ticks; -1 before the first quote. */
  public long quotedTicks = -1;
  public BigDecimal lastTradePrice;
  /**
   * The id of the market's last trade: trade ids are a sequence of the market's own ({@link TradeIds}); 0 before
   * any. In the snapshot.
   */
  public long lastTradeId;
  /** Funding rate of the interval in progress, a fraction per interval. */
  public BigDecimal fundingRate = BigDecimal.ZERO;
  public final List<Records.FundingPayment> fundingHistory = new ArrayList<>();
  /** Resting orders of non-system accounts, to decide whether a walk step needs matching. */
  public int userRestingOrders;
  /**
   * Upstream prices: the upstream's volume ahead of each user's resting order at its price (order id
   * to base quantity), from when it was placed; upstream trades at that price use it up first.
   */
  public final java.util.SortedMap<Long, BigDecimal> queueAhead = new java.util.TreeMap<>();
  /** Upstream prices: the queue levels journaled for the orders about to be placed ("Bid@price"). */
  final Map<String, BigDecimal> pendingQueue = new java.util.HashMap<>();
  /** Where trades are announced as stream events; set by the engine. */
  EventLog events;

  public MarketState(MarketSpec spec, MarketDataSource walk, Candles candles) {
    this.spec = spec;
    this.walk = walk;
    this.candles = candles;
  }

  /** {@return a market, or null / a plain-text parse error when unknown} */
  static MarketState lookup(Map<String, MarketState> markets, String symbol, boolean required) {
    MarketState m = symbol == null ? null : markets.get(symbol);
    if (m == null && required) {
      throw ParseError.payload("MarketSymbol", "failed to parse \"MarketSymbol\": Invalid market symbol");
    }
    return m;
  }

  @Override
  public MarketSpec spec() {
    return spec;
  }

  @Override
  public OrderBook book() {
    return book;
  }

  @Override
  public Deque<Records.Trade> trades() {
    return trades;
  }

  @Override
  public Candles candles() {
    return candles;
  }

  @Override
  public BigDecimal fundingRate() {
    return fundingRate;
  }

  @Override
  public List<Records.FundingPayment> fundingHistory() {
    return fundingHistory;
  }

  @Override
  public long nextFunding(long time) {
    long interval = spec.fundingIntervalMillis();
    return Math.floorDiv(time, interval) * interval + interval;
  }

  /** {@return the mark (and index) price: the walk's current price} */
  @Override
  public BigDecimal markPrice() {
    return spec.fromTicks(walk.ticks());
  }

  /** {@return the last trade's price, or the mark price before any trade} */
  @Override
  public BigDecimal lastPrice() {
    return lastTradePrice != null ? lastTradePrice : markPrice();
  }

  /**
   * {@return the funding rate of the interval that ends at or after a time: a seeded value near
   * +0.00125 % per hour (noise from the market data), inside the market's bounds}
   */
  BigDecimal fundingRateFor(long intervalEnd) {
    long index = intervalEnd / spec.fundingIntervalMillis();
    BigDecimal rate = BASE_RATE.add(NOISE_UNIT.multiply(BigDecimal.valueOf(walk.noise(index, -10, 10))));
    BigDecimal upper = spec.fundingRateUpperBoundBps().movePointLeft(4);
    BigDecimal lower = spec.fundingRateLowerBoundBps().movePointLeft(4);
    return rate.min(upper).max(lower);
  }

  /**
   * An interval's funding was paid at {@code rate}: record it and set the next interval's rate (on
   * upstream prices it stays until the upstream's next rate is journaled).
   */
  void fundingPaid(long intervalEnd, BigDecimal rate, boolean upstream) {
    fundingHistory.add(new Records.FundingPayment(spec.symbol(), BigDecimal.ZERO, intervalEnd, rate));
    fundingRate = upstream ? rate : fundingRateFor(intervalEnd + spec.fundingIntervalMillis());
  }

  @Override
  public BigDecimal othersOpenInterest() {
    return walk.openInterest();
  }

  /**
   * Fills the recent trades with the last trades before birth (a fresh engine): the newest sets the
   * last price. Their volume is already in the prehistory candles, so no candle changes. Numbered
   * oldest first, so that the market's sequence runs with time (1 to 1 000 per market from version 6 on).
   */
  void recordPrehistory(List<Print> newestFirst, TradeIds ids) {
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Print p = newestFirst.get(i);
      trades.addFirst(trade(p, ids.forPrint(this, p)));
    }
    if (!newestFirst.isEmpty()) {
      lastTradePrice = spec.fromTicks(newestFirst.get(0).ticks());
    }
  }

  /** {@return a print of other participants as a public trade of this market, with the id it takes} */
  Records.Trade trade(Print p, long id) {
    BigDecimal price = spec.fromTicks(p.ticks());
    return new Records.Trade(id, price, p.quantity(), price.multiply(p.quantity()), p.time(), p.buyerMaker());
  }

  /**
   * Records a public trade, the users' and other participants' alike: recent trades (the last
   * {@value #KEEP_TRADES}), the last price and the candle, and announces it on {@code trade.<symbol>}. The
   * one place every public trade passes. For prints without orders behind them (simulated flow): no order ids.
   */
  public void recordTrade(Records.Trade trade) {
    recordTrade(trade, null, null);
  }

  /** Records a public trade between two orders and announces it with their ids. */
  public void recordTrade(Records.Trade trade, String buyerOrderId, String sellerOrderId) {
    if (events != null) {
      events.trade(spec, trade, buyerOrderId, sellerOrderId);
    }
    trades.addFirst(trade);
    if (trades.size() > KEEP_TRADES) {
      trades.removeLast();
    }
    lastTradePrice = trade.price();
    candles.trade(trade.timestamp(), spec.toTicks(trade.price()), trade.quantity(), trade.quoteQuantity());
  }
}
