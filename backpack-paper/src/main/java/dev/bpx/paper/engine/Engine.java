package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.AccountReset;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.ledger.BorrowLend;
import dev.bpx.paper.ledger.Funds;
import dev.bpx.paper.ledger.Ledger;
import dev.bpx.paper.ledger.Liquidator;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.ledger.Periodic;
import dev.bpx.paper.ledger.PriceSource;
import dev.bpx.paper.ledger.TradeSettlement;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.HeldPrice;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.MarketList;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.simulation.MarketMaker;
import dev.bpx.paper.simulation.SimulatedMarket;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper exchange's state machine: markets, accounts, matching, margin, funding, interest.
 *
 * <p>Deterministic: its state is a function of the configuration and the sequence of commands
 * with their times. Time-driven work (walk steps, maker requotes, triggers, funding, interest,
 * liquidation) happens step by step in {@link #advanceTo}, in the same order however the
 * interval is split, so reads may advance time without being journaled and a replay of the
 * journal's commands rebuilds the same state. Two parts hold their own rules: {@link TimeSteps} (time and what
 * happens as it passes) and {@link UpstreamInputs} (what journaled upstream data and market lists do).
 *
 * <p>Not thread-safe: one writer thread changes it; readers use a replica that no one changes while
 * they read it ({@code JournaledEngine}).
 */
public final class Engine implements PriceSource, ExchangeView {

  final EngineConfig config;
  final Map<String, MarketState> markets = new LinkedHashMap<>();
  final Map<String, AssetSpec> assets = new LinkedHashMap<>();
  final Accounts accounts;
  final Ids ids = new Ids();
  final TradeIds tradeIds;
  final Ledger ledger;
  final TradeSettlement settlement;
  final Margin margin;
  final OrderEntry entry;
  final MarketMaker maker;
  final Triggers triggers;
  final Funds funds;
  final Periodic periodic;
  final Liquidator liquidator;
  final BorrowLend borrowLend;
  final AccountReset reset;
  private final UpstreamInputs upstream;
  final EventLog events;
  private final long originMillis;
  /** Exchange time and the walk's steps through it. */
  private final TimeSteps steps;

  /**
   * An engine on the market data its configuration names: the simulation seeded by it, or held prices
   * that only journaled upstream data moves.
   */
  public Engine(EngineConfig config) {
    this(config, TradeIds.Scheme.PER_MARKET);
  }

  /**
   * An engine on its configuration's market data whose trades are numbered by {@code tradeIds}: {@code SHARED} only
   * to replay a journal made before version 6 as it ran ({@link TradeIds}).
   */
  public Engine(EngineConfig config, TradeIds.Scheme tradeIds) {
    this(config, config.upstream() ? HeldPrice.factory() : SimulatedMarket.factory(config.seed()), tradeIds);
  }

  /** An engine whose markets take their prices from {@code marketData}. */
  public Engine(EngineConfig config, MarketDataSource.Factory marketData) {
    this(config, marketData, TradeIds.Scheme.PER_MARKET);
  }

  private Engine(EngineConfig config, MarketDataSource.Factory marketData, TradeIds.Scheme scheme) {
    this.config = config;
    this.tradeIds = new TradeIds(ids, scheme);
    // The walk starts at birth: nothing is walked before the first request needs it. The day of
    // candles before birth is generated lazily by Prehistory.
    this.originMillis = config.startMillis();
    for (AssetSpec a : config.assets()) {
      assets.put(a.symbol(), a);
    }
    for (MarketSpec m : config.markets()) {
      MarketDataSource source = marketData.open(m, config.startMillis());
      MarketState state = new MarketState(m, source, new Candles(config.startMillis(), source::history));
      state.recordPrehistory(source.recentPrints(MarketState.KEEP_TRADES), tradeIds);
      markets.put(m.symbol(), state);
    }
    this.ledger = new Ledger(new Account(Accounts.HOUSE, 0, true), this, ids::nextPosition);
    this.accounts = new Accounts(ledger, config.portfolio(), this::now);
    this.settlement = new TradeSettlement(ledger, ids::nextPosition);
    this.margin = new Margin(this);
    this.funds = new Funds(ledger, margin, this);
    this.events = new EventLog(markets, accounts);
    settlement.observeFills(events);
    for (MarketState m : markets.values()) {
      m.events = events;
    }
    this.entry = new OrderEntry(markets, accounts, ids, tradeIds, funds, settlement, events);
    this.maker = new MarketMaker(Accounts.MAKER, config.makerLevels(), ids::nextMakerOrder, ids::nextSequence);
    this.triggers = entry.triggers();
    this.periodic = new Periodic(accounts, ledger, this);
    this.liquidator = new Liquidator(accounts, margin, ledger, settlement, this,
        (a, o, status, reason) -> entry.cancelOpen(a, markets.get(o.symbol()), o, status, reason, now()),
        ids::nextOrder, new LiquidationTape(markets, tradeIds));
    this.borrowLend = new BorrowLend(ledger, margin, this, this::now);
    this.reset = new AccountReset(accounts, liquidator, this::now);
    this.upstream = new UpstreamInputs(markets, assets, accounts, entry, maker, events, this::now, () -> {
      triggers.check(now());
      liquidator.check(now());
      afterCommand();
    });
    this.steps = new TimeSteps(config.upstream(), originMillis, markets, maker, entry, triggers, periodic, liquidator,
        upstream::isDelisted, tradeIds);
    accounts.fundMaker(assets.keySet());
    for (MarketState m : markets.values()) {
      if (m.spec.isPerp() && !config.upstream()) {
        m.fundingRate = m.fundingRateFor(m.nextFunding(originMillis));
      }
    }
  }

  /** {@return the exchange time of the last command or read, epoch ms} */
  @Override
  public long now() {
    return steps.now;
  }

  /**
   * Runs every walk step (one a second), funding and interest boundary up to {@code time}, then requotes the maker
   * around the current prices ({@link TimeSteps#advanceTo}). Time never goes backwards.
   */
  public void advanceTo(long time) {
    steps.advanceTo(time);
  }

  /** Moves time for the streams' pulse without the maker's requote ({@link TimeSteps#advanceWalkTo}). */
  public void advanceWalkTo(long time) {
    steps.advanceWalkTo(time);
  }

  /** {@return whether a read at {@code time} would change nothing but the clock ({@link TimeSteps#isCurrentAt})} */
  public boolean isCurrentAt(long time) {
    return steps.isCurrentAt(time);
  }

  /** Work every command ends with: triggers on new last prices, attached exits, settlement. */
  void afterCommand() {
    triggers.check(now());
    for (Account a : accounts.users()) {
      ledger.normalize(a, now());
    }
  }

  // --- commands -------------------------------------------------------------------------

  public Order placeOrder(Account a, OrderRequest r) {
    if (upstream.isDelisted(r.symbol())) {
      throw ApiError.of("INVALID_MARKET", "Market " + r.symbol() + " is no longer listed by the upstream exchange;"
          + " its open orders were cancelled, positions stay at the last mark");
    }
    Order o = entry.place(a, r, now());
    if (config.upstream()) {
      upstream.joinQueue(o);
    }
    afterCommand();
    return o;
  }

  /** The queue levels journaled for one command's orders are spent once those orders are placed. */
  public void clearPendingQueues() {
    upstream.clearPendingQueues();
  }

  public Order cancelOrder(Account a, String symbol, Long orderId, Long clientId) {
    Order o = entry.cancel(a, market(symbol, true), orderId, clientId, now());
    afterCommand();
    return o;
  }

  public List<Order> cancelAll(Account a, String symbol, String orderType) {
    List<Order> out = entry.cancelAll(a, market(symbol, true), orderType, now());
    afterCommand();
    return out;
  }

  /**
   * Moves the walk of a market's underlying to a price (control API): every market of the same base
   * asset moves to it together (spot and perp share one walk, so they never drift apart), then the
   * makers requote, and triggers and liquidations fire at once.
   */
  public void setPrice(String symbol, BigDecimal price) {
    if (config.upstream()) {
      throw ApiError.badRequest("Prices follow the upstream exchange here; the control API cannot set them");
    }
    String base = market(symbol, true).spec.baseSymbol();
    for (MarketState m : markets.values()) {
      if (m.spec.baseSymbol().equals(base)) {
        m.walk.set(m.spec.toTicks(price.setScale(m.spec.priceScale(), java.math.RoundingMode.HALF_EVEN)));
        m.candles.price(now(), m.walk.ticks());
        steps.requote(m, now());
      }
    }
    triggers.check(now());
    liquidator.check(now());
    afterCommand();
  }

  /**
   * Takes upstream market data (upstream prices only): marks, funding rates, book slices and prints
   * ({@link UpstreamInputs#data}), then triggers and liquidations run on the new prices, as after {@link #setPrice}.
   */
  public void upstreamData(List<Command.MarketUpdate> updates) {
    requireUpstream();
    upstream.data(updates);
  }

  /** The upstream's market list changed (upstream prices only): see {@link UpstreamInputs#marketList}. */
  public void upstreamMarkets(MarketList list) {
    requireUpstream();
    upstream.marketList(list);
  }

  /** {@return whether limit prices must lie within the markets' price bands (see {@link #priceBands(boolean)})} */
  public boolean priceBands() {
    return entry.priceBands;
  }

  /**
   * Turns the price bands on or off. On by default; off only for the replay of a journal written before they
   * were enforced, up to its {@code priceBands} command, so that orders accepted then replay as accepted.
   */
  public void priceBands(boolean on) {
    entry.priceBands = on;
  }

  private void requireUpstream() {
    if (!config.upstream()) {
      throw new IllegalStateException("upstream data on an engine of simulated prices");
    }
  }

  /** {@return the markets and assets the engine trades now (upstream prices: the journaled list as changed)} */
  public MarketList tradedMarketList() {
    return upstream.tradedList();
  }

  /** {@return every market the engine holds (delisted ones too) and its assets: what a snapshot is built on} */
  public MarketList heldMarketList() {
    return upstream.heldList();
  }

  /** {@return the markets the upstream delisted that this engine still holds for their positions} */
  public java.util.Set<String> delistedMarkets() {
    return upstream.delisted();
  }

  /** Restores a snapshot's delisted markets into a fresh engine. */
  public void restoreDelistedMarkets(Iterable<String> symbols) {
    upstream.restoreDelisted(symbols);
  }

  /** {@return the end of the funding interval in progress at a time} */
  public static long nextFunding(MarketState m, long time) {
    return m.nextFunding(time);
  }

  // --- snapshots (store) -----------------------------------------------------------------

  /** {@return the walk steps taken since birth, one a second} */
  public long stepsDone() {
    return steps.stepsDone;
  }

  /** Sets the clock of a fresh engine to a snapshot's (snapshot restore). */
  public void restoreClock(long stepsDone, long time) {
    steps.stepsDone = stepsDone;
    steps.now = time;
  }

  public Ids ids() {
    return ids;
  }

  /** {@return how trades are numbered now} */
  public TradeIds.Scheme tradeIdScheme() {
    return tradeIds.scheme();
  }

  /**
   * A state made before journal version 6 numbers its trades per market from now on ({@link TradeIds#numberPerMarket});
   * nothing else changes. Journaled once, right after such a journal's replay.
   */
  public void numberTradesPerMarket() {
    tradeIds.numberPerMarket(markets.values());
  }

  /** {@return the events of the commands run since the writer last drained them} */
  public EventLog events() {
    return events;
  }

  // --- lookups --------------------------------------------------------------------------

  public Accounts accounts() {
    return accounts;
  }

  public Margin margin() {
    return margin;
  }

  public Ledger ledger() {
    return ledger;
  }

  public EngineConfig config() {
    return config;
  }

  @Override
  public Map<String, MarketState> markets() {
    return markets;
  }

  @Override
  public Map<String, AssetSpec> assets() {
    return assets;
  }

  /** {@return a market, or null / a plain-text parse error when unknown} */
  @Override
  public MarketState market(String symbol, boolean required) {
    return MarketState.lookup(markets, symbol, required);
  }

  @Override
  public boolean isListed(String symbol) {
    return markets.containsKey(symbol) && !upstream.isDelisted(symbol);
  }

  @Override
  public Account account(String apiKey) {
    return accounts.find(apiKey);
  }

  @Override
  public Account makerAccount() {
    return accounts.maker();
  }

  @Override
  public List<Account> users() {
    return accounts.users();
  }

  /** {@return the account's open orders (resting and trigger-pending) per symbol} */
  @Override
  public Map<String, List<Order>> openOrders(Account a) {
    return a.openOrders();
  }


  /**
   * {@return the largest quantity of an order on {@code symbol} that order entry would accept now:
   * at {@code price} for a limit order, walking the book for a market order (null price)}
   * Changes nothing. Throws {@link ApiError} for an off-tick price, or reduce-only on spot.
   */
  @Override
  public BigDecimal maxOrderQuantity(Account a, ExchangeView.Market m, Side side,
                                     BigDecimal price, boolean reduceOnly) {
    return OrderLimits.maxQuantity(funds, a, markets.get(m.spec().symbol()), side, price, reduceOnly);
  }

  @Override
  public Margin.Summary marginSummary(Account a) {
    return margin.summary(a, openOrders(a));
  }

  @Override
  public BigDecimal assetPrice(String asset) {
    if (Ledger.USDC.equals(asset)) {
      return BigDecimal.ONE;
    }
    MarketState m = markets.get(asset + "_USDC");
    if (m == null) {
      m = markets.get(asset + "_USDC_PERP");
    }
    return m == null ? BigDecimal.ZERO : m.markPrice();
  }

  @Override
  public BigDecimal markPrice(String symbol) {
    return markets.get(symbol).markPrice();
  }

  @Override
  public MarketSpec market(String symbol) {
    MarketState m = markets.get(symbol);
    return m == null ? null : m.spec;
  }

  @Override
  public AssetSpec asset(String asset) {
    return assets.get(asset);
  }
}
