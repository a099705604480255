package dev.bpx.paper.engine;

import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.ledger.TradeSettlement;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.TriggerBy;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the events one command causes, as it runs: order updates of user accounts, their fills,
 * public trades and liquidations, then the positions the fills moved. The writer drains it after each
 * command on the replica whose events are published; on the other replica (and during journal
 * replay) it does not capture, so replays and the second application of a batch publish nothing.
 * Engine-owned, not thread-safe.
 */
public final class EventLog implements TradeSettlement.FillObserver {
  private static final String LIQUIDATION_ORDER = "LiquidatePositionOnBackstop";

  private final Map<String, MarketState> markets;
  private final Accounts accounts;
  private final List<StreamEvent> pending = new ArrayList<>();
  /** Perp positions moved by the command's fills: account and symbol to the quantity before. */
  private final Map<Touch, BigDecimal> touched = new LinkedHashMap<>();
  private final Map<Touch, PerpPosition> after = new LinkedHashMap<>();
  private boolean capturing;

  private record Touch(String account, String symbol) {}

  EventLog(Map<String, MarketState> markets, Accounts accounts) {
    this.markets = markets;
    this.accounts = accounts;
  }

  /** Turns capture on (the replica whose events are published) or off (the other one, replay). */
  public void capture(boolean on) {
    capturing = on;
    if (!on) {
      pending.clear();
      touched.clear();
      after.clear();
    }
  }

  /** {@return the events captured since the last drain, position updates last, and forgets them} */
  public List<StreamEvent> drain(long now) {
    if (!touched.isEmpty()) {
      for (Map.Entry<Touch, BigDecimal> t : touched.entrySet()) {
        pending.add(position(t.getKey(), t.getValue(), after.get(t.getKey()), now));
      }
      touched.clear();
      after.clear();
    }
    List<StreamEvent> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  void accepted(Order o, long now) {
    order(StreamEvent.OrderUpdate.ACCEPTED, o, null, now);
  }

  void triggerPlaced(Order o, long now) {
    order(StreamEvent.OrderUpdate.TRIGGER_PLACED, o, null, now);
  }

  void triggerFailed(Order o, long now) {
    order(StreamEvent.OrderUpdate.TRIGGER_FAILED, o, null, now);
  }

  /** The order was cancelled or expired (its status says which). */
  void closed(Order o, long now) {
    order(o.status() == OrderStatus.Cancelled ? StreamEvent.OrderUpdate.CANCELLED
        : StreamEvent.OrderUpdate.EXPIRED, o, null, now);
  }

  /**
   * A market order by quote quantity is complete only once matching stops, after its last fill was
   * announced as partial: that fill is the one that filled it.
   */
  void completed(Order o) {
    if (!capturing) {
      return;
    }
    String id = Long.toString(o.id());
    for (int i = pending.size() - 1; i >= 0; i--) {
      if (pending.get(i) instanceof StreamEvent.OrderUpdate u && u.fill() != null && u.order().id().equals(id)
          && u.account().equals(o.account())) {
        StreamEvent.OrderFields f = u.order();
        pending.set(i, new StreamEvent.OrderUpdate(u.account(), u.type(), u.time(), new StreamEvent.OrderFields(
            f.id(), f.clientId(), f.symbol(), f.side(), f.orderType(), f.timeInForce(), f.quantity(),
            f.quoteQuantity(), f.price(), f.triggerPrice(), f.triggerBy(), f.triggerQuantity(),
            f.takeProfitTriggerPrice(), f.takeProfitLimitPrice(), f.takeProfitTriggerBy(), f.stopLossTriggerPrice(),
            f.stopLossLimitPrice(), f.stopLossTriggerBy(), OrderStatus.Filled.name(), f.expiryReason(),
            f.executedQuantity(), f.executedQuoteQuantity(), f.selfTradePrevention(), f.relatedOrderId(),
            f.postOnly()), u.fill(), u.origin()));
        return;
      }
    }
  }

  /** A public trade print (the same one {@code /api/v1/trades} lists). */
  void trade(MarketSpec s, Records.Trade t, String buyerOrderId, String sellerOrderId) {
    if (capturing) {
      pending.add(new StreamEvent.Trade(s.symbol(), t.id(), t.price(), t.quantity(), buyerOrderId,
          sellerOrderId, t.isBuyerMaker(), t.timestamp()));
    }
  }

  @Override
  public void filled(Account a, Order o, Records.Fill f, PerpPosition position) {
    if (!capturing) {
      return;
    }
    // Settlement runs before the order's executed amounts move (liquidation orders are made filled).
    boolean done = o.status() == OrderStatus.Filled;
    BigDecimal executed = done ? o.executedQuantity() : o.executedQuantity().add(f.quantity());
    BigDecimal executedQuote = done ? o.executedQuoteQuantity()
        : o.executedQuoteQuantity().add(f.price().multiply(f.quantity()));
    String status = done || o.quantity() != null && executed.compareTo(o.quantity()) >= 0
        ? OrderStatus.Filled.name() : OrderStatus.PartiallyFilled.name();
    boolean liquidation = LIQUIDATION_ORDER.equals(o.systemOrderType());
    pending.add(new StreamEvent.OrderUpdate(a.apiKey, StreamEvent.OrderUpdate.FILL, f.timestamp(),
        fields(o, status, executed, executedQuote),
        new StreamEvent.FillFields(f.tradeId(), f.price(), f.quantity(), f.fee(), f.feeSymbol(), f.isMaker()),
        liquidation ? "LIQUIDATION_AUTOCLOSE" : "USER"));
    if (liquidation) {
      pending.add(new StreamEvent.Liquidation(f.symbol(), f.price(), f.quantity(), f.side(), f.timestamp()));
    }
    if (position != null) {
      Touch t = new Touch(a.apiKey, f.symbol());
      BigDecimal signed = "Bid".equals(f.side()) ? f.quantity() : f.quantity().negate();
      touched.putIfAbsent(t, position.netQuantity().subtract(signed));
      after.put(t, position);
    }
  }

  private void order(String type, Order o, StreamEvent.FillFields fill, long now) {
    if (!capturing || Accounts.isSystem(o.account())) {
      return;
    }
    String origin = "Liquidation".equals(o.expiryReason()) ? "LIQUIDATION_AUTOCLOSE" : "USER";
    pending.add(new StreamEvent.OrderUpdate(o.account(), type, now,
        fields(o, o.status().name(), o.executedQuantity(), o.executedQuoteQuantity()), fill, origin));
  }

  /** The order's fields; trigger references as REST shows them ({@link TriggerBy#ofTrigger}, {@code ofAttached}). */
  private StreamEvent.OrderFields fields(Order o, String status, BigDecimal executed, BigDecimal executedQuote) {
    boolean perp = markets.get(o.symbol()).spec().isPerp();
    return new StreamEvent.OrderFields(Long.toString(o.id()), o.clientId(), o.symbol(), o.side().name(),
        o.type().name().toUpperCase(java.util.Locale.ROOT),
        o.timeInForce() == null ? null : o.timeInForce().name(), o.quantity(), o.quoteQuantity(), o.price(),
        o.triggerPrice(), o.triggerPrice() == null ? null : TriggerBy.ofTrigger(o.triggerBy()).name(),
        o.triggerQuantity(), o.takeProfitTriggerPrice(), o.takeProfitLimitPrice(),
        o.takeProfitTriggerPrice() == null ? null : TriggerBy.ofAttached(o.takeProfitTriggerBy(), perp).name(),
        o.stopLossTriggerPrice(), o.stopLossLimitPrice(),
        o.stopLossTriggerPrice() == null ? null : TriggerBy.ofAttached(o.stopLossTriggerBy(), perp).name(),
        status, o.expiryReason(), executed, executedQuote,
        o.selfTradePrevention() == null ? null : o.selfTradePrevention().name(),
        o.relatedOrderId() == null ? null : Long.toString(o.relatedOrderId()), o.postOnly());
  }

  /** The position after the command, as REST {@code /api/v1/position} computes its numbers. */
  private StreamEvent.PositionUpdate position(Touch t, BigDecimal before, PerpPosition p, long now) {
    Account a = accounts.find(t.account());
    BigDecimal net = p.netQuantity();
    String type = net.signum() == 0 ? StreamEvent.PositionUpdate.CLOSED
        : before.signum() == 0 ? StreamEvent.PositionUpdate.OPENED : StreamEvent.PositionUpdate.ADJUSTED;
    List<Order> open = a == null ? null : a.openOrders().get(t.symbol());
    return PositionEvents.of(type, t.account(), markets.get(t.symbol()), p, open, now);
  }
}
