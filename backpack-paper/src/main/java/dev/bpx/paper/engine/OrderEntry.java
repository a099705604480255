package dev.bpx.paper.engine;

import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.ledger.Funds;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.ledger.TradeSettlement;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Matcher;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Order placement and cancellation: validation, funds and margin checks, locking, matching,
 * resting or expiring the remainder. Every refusal is thrown before anything changes.
 * Engine-owned, not thread-safe.
 */
final class OrderEntry implements Matcher.Fills {
  private final Map<String, MarketState> markets;
  private final Accounts accounts;
  private final Ids ids;
  private final TradeIds tradeIds;
  private final Funds funds;
  private final TradeSettlement settlement;
  private final Triggers triggers;
  final EventLog events;
  /**
   * Whether limit prices must lie within the markets' price bands. Off only while a journal written before the
   * bands were enforced replays (its orders were accepted without them), until its {@code priceBands} command.
   */
  boolean priceBands = true;

  OrderEntry(Map<String, MarketState> markets, Accounts accounts, Ids ids, TradeIds tradeIds, Funds funds,
             TradeSettlement settlement, EventLog events) {
    this.events = events;
    this.markets = markets;
    this.accounts = accounts;
    this.ids = ids;
    this.tradeIds = tradeIds;
    this.funds = funds;
    this.settlement = settlement;
    // Triggers and entry call each other: a fired trigger trades through entry, a fill arms exits.
    this.triggers = new Triggers(markets, accounts, ids, this);
  }

  Triggers triggers() {
    return triggers;
  }

  Order place(Account a, OrderRequest r, long now) {
    MarketState m = MarketState.lookup(markets, r.symbol(), true);
    OrderValidation.check(r, m.spec);
    if (priceBands) {
      // Reference: the last trade's price, or the mark before the market ever traded (MarketState.lastPrice,
      // which the ticker's lastPrice also shows). A trigger order's limit price is checked now, at placement.
      OrderValidation.band(r.price(), m.spec, m.lastPrice());
    }
    if (r.clientId() != null && a.openOrderWithClientId(r.clientId()) != null) {
      throw ApiError.of("INVALID_ORDER", "Order with client ID already exists: " + r.clientId());
    }
    Order.Builder b = Order.builder()
        .account(a.apiKey)
        .symbol(m.spec.symbol())
        .side(r.side())
        .type(r.orderType())
        .price(r.price())
        .quantity(r.quantity())
        .quoteQuantity(r.quoteQuantity())
        .timeInForce(r.timeInForce() == null ? TimeInForce.GTC : r.timeInForce())
        .postOnly(r.postOnly())
        .reduceOnly(r.reduceOnly())
        .clientId(r.clientId())
        .selfTradePrevention(r.selfTradePrevention() == null
            ? SelfTradePrevention.RejectTaker : r.selfTradePrevention())
        .stopLossTriggerPrice(r.stopLossTriggerPrice())
        .stopLossLimitPrice(r.stopLossLimitPrice())
        .stopLossTriggerBy(r.stopLossTriggerBy())
        .takeProfitTriggerPrice(r.takeProfitTriggerPrice())
        .takeProfitLimitPrice(r.takeProfitLimitPrice())
        .takeProfitTriggerBy(r.takeProfitTriggerBy())
        .createdAt(now);
    if (r.triggerPrice() != null) {
      Order o = b.triggerPrice(r.triggerPrice())
          .triggerQuantity(r.triggerQuantity())
          .triggerBy(r.triggerBy())
          .id(ids.nextOrder())
          .build();
      triggers.arm(m, a, o, null);
      a.indexClientId(o);
      events.triggerPlaced(o, now);
      return o;
    }
    Order o = b.build();
    execute(a, m, o, now);
    a.indexClientId(o);
    return o;
  }

  /**
   * Checks funds, locks, matches and rests or expires an order that is ready to trade: a new
   * order, or a trigger that just fired. Throws {@link ApiError} before changing anything.
   */
  void execute(Account a, MarketState m, Order o, long now) {
    MarketSpec s = m.spec;
    BigDecimal reduceCap = null;
    if (Boolean.TRUE.equals(o.reduceOnly())) {
      PerpPosition p = a.positions().get(s.symbol());
      if (p == null || p.netQuantity().signum() == o.side().sign()) {
        finish(a, o, OrderStatus.Expired, "ReduceOnlyNotReduced", now);
        return;
      }
      reduceCap = p.netQuantity().abs();
    }
    if (o.postOnly()) {
      BigDecimal best = m.book.best(o.side().opposite());
      if (best != null && Matcher.crosses(o.side(), o.price(), best)) {
        finish(a, o, OrderStatus.Expired, "PostOnlyTaker", now);
        return;
      }
    }
    funds.reserve(a, m.spec, m.book, o, reduceCap != null);
    if (o.timeInForce() == TimeInForce.FOK && !fillable(m, o)) {
      funds.release(a, m.spec, o);
      finish(a, o, OrderStatus.Expired, "FillOrKill", now);
      return;
    }
    o.assignIdIfNew(ids::nextOrder);
    a.recordOrder(o);
    events.accepted(o, now);
    BigDecimal requested = o.quantity();
    if (reduceCap != null && o.quantity() != null && o.quantity().compareTo(reduceCap) > 0) {
      o.workingQuantity(reduceCap);
    }
    Matcher.match(m.book, m.spec.stepSize(), o, now, this);
    BigDecimal cappedAt = o.quantity();
    o.workingQuantity(requested);
    boolean stopped = o.stopped();
    if (o.type() == OrderType.Market) {
      boolean complete = requested == null ? o.executedQuantity().signum() > 0
          : o.executedQuantity().compareTo(requested) >= 0;
      if (complete) {
        o.markFilled();
        events.completed(o);
      } else {
        o.expireRemainder(cappedAt != requested ? "ReduceOnlyNotReduced" : "InsufficientLiquidity");
        events.closed(o, now);
      }
      return;
    }
    if (o.executedQuantity().compareTo(requested) >= 0) {
      o.markFilled();
      funds.release(a, m.spec, o);
      return;
    }
    if (stopped || o.timeInForce() != TimeInForce.GTC || cappedAt != requested) {
      o.expireRemainder(cappedAt != requested ? "ReduceOnlyNotReduced"
          : o.timeInForce() == TimeInForce.FOK ? "FillOrKill" : "ImmediateOrCancel");
      funds.release(a, m.spec, o);
      events.closed(o, now);
      return;
    }
    o.rest(ids.nextSequence());
    m.book.add(o);
    if (!a.system) {
      m.userRestingOrders++;
    }
  }

  private void finish(Account a, Order o, OrderStatus status, String reason, long now) {
    o.assignIdIfNew(ids::nextOrder);
    o.close(status, reason);
    a.recordOrder(o);
    events.closed(o, now);
  }

  /** {@return whether the book holds enough crossing liquidity from other accounts} */
  private static boolean fillable(MarketState m, Order o) {
    BigDecimal need = o.quantity();
    BigDecimal found = BigDecimal.ZERO;
    for (var level : m.book.levels(o.side().opposite()).entrySet()) {
      if (o.price() != null && !Matcher.crosses(o.side(), o.price(), level.getKey())) {
        break;
      }
      for (Order maker : level.getValue()) {
        if (!maker.account().equals(o.account())) {
          found = found.add(maker.remaining());
        }
      }
      if (need != null && found.compareTo(need) >= 0) {
        return true;
      }
    }
    return need == null ? found.signum() > 0 : found.compareTo(need) >= 0;
  }

  Order cancel(Account a, MarketState m, Long orderId, Long clientId, long now) {
    if (orderId == null && clientId == null || orderId != null && clientId != null) {
      throw ApiError.badRequest("Must specify either `clientId` or `orderId`");
    }
    // By key rather than by scanning the account's whole history: ids are unique, and at most one
    // open order carries a clientId.
    Order o = orderId != null ? a.orders().get(orderId) : a.openOrderWithClientId(clientId);
    if (o != null && o.status().isOpen() && o.symbol().equals(m.spec.symbol())) {
      cancelOpen(a, m, o, OrderStatus.Cancelled, null, now);
      return o;
    }
    throw ApiError.notFound("Not Found");
  }

  List<Order> cancelAll(Account a, MarketState m, String orderType, long now) {
    List<Order> out = new ArrayList<>();
    for (Order o : new ArrayList<>(a.orders().values())) {
      if (!o.status().isOpen() || !o.symbol().equals(m.spec.symbol())) {
        continue;
      }
      boolean conditional = o.status() == OrderStatus.TriggerPending;
      if ("RestingLimitOrder".equals(orderType) && conditional
          || "ConditionalOrder".equals(orderType) && !conditional) {
        continue;
      }
      cancelOpen(a, m, o, OrderStatus.Cancelled, null, now);
      out.add(o);
    }
    return out;
  }

  /** Takes an open order off the book or the trigger list and releases its funds. */
  void cancelOpen(Account a, MarketState m, Order o, OrderStatus status, String reason, long now) {
    if (o.status() == OrderStatus.TriggerPending) {
      m.triggers.remove(o);
    } else {
      m.book.remove(o);
      closed(o);
      funds.release(a, m.spec, o);
    }
    o.close(status, reason);
    events.closed(o, now);
  }

  /** Expires a resting order (self-trade prevention on the maker side). */
  @Override
  public void expireMaker(Order maker, String reason, long now) {
    Account a = accounts.get(maker.account());
    cancelOpen(a, markets.get(maker.symbol()), maker, OrderStatus.Expired, reason, now);
  }

  @Override
  public long settle(Order maker, Order taker, BigDecimal price, BigDecimal quantity, long now) {
    Account takerAccount = accounts.get(taker.account());
    Account makerAccount = accounts.get(maker.account());
    long tradeId = tradeIds.next(markets.get(taker.symbol()));
    TradeSettlement.Party makerParty = new TradeSettlement.Party(makerAccount, maker, true);
    TradeSettlement.Party takerParty = new TradeSettlement.Party(takerAccount, taker, false);
    boolean takerBuys = taker.side() == Side.Bid;
    settlement.settle(markets.get(taker.symbol()).spec, takerBuys ? takerParty : makerParty,
        takerBuys ? makerParty : takerParty, price, quantity, tradeId, now);
    return tradeId;
  }

  @Override
  public void traded(Order maker, Order taker, long tradeId, BigDecimal price, BigDecimal quantity,
                     boolean makerLeftBook, long now) {
    MarketState m = markets.get(taker.symbol());
    if (makerLeftBook) {
      closed(maker);
    }
    boolean takerBuys = taker.side() == Side.Bid;
    m.recordTrade(new Records.Trade(tradeId, price, quantity, price.multiply(quantity), now, !takerBuys),
        Long.toString((takerBuys ? taker : maker).id()), Long.toString((takerBuys ? maker : taker).id()));
    onFill(maker, now);
    onFill(taker, now);
  }

  /** Bookkeeping when a resting order leaves the book. */
  void closed(Order o) {
    if (!Accounts.isSystem(o.account())) {
      markets.get(o.symbol()).userRestingOrders--;
    }
  }

  /** After a fill: arm or grow the order's attached take-profit / stop-loss. */
  void onFill(Order o, long now) {
    if (o.hasAttachedExits() && o.executedQuantity().compareTo(o.protectedQuantity()) > 0) {
      triggers.protect(o, now);
    }
  }
}
