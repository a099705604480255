package dev.bpx.paper.store;

import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.MarketState;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.AccountSettings;
import dev.bpx.paper.ledger.LendPosition;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the whole engine state as plain JSON values (maps, lists, strings, numbers, booleans)
 * for journal compaction; {@link SnapshotReader} restores it. Decimals are written with
 * {@link BigDecimal#toString()} as strings so that their scale survives exactly; fixed-shape rows
 * are positional arrays to keep the snapshot small. The prehistory candles are not written: they
 * are a pure function of the configuration and are regenerated when asked for.
 *
 * <p>Not thread-safe; the caller holds the engine lock.
 */
public final class SnapshotWriter {
  /** Bumped whenever the layout changes; a reader refuses other versions. */
  public static final int VERSION = 1;

  private SnapshotWriter() {}

  /** {@return the engine's state as JSON values} */
  public static Map<String, Object> write(Engine e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", (long) VERSION);
    out.put("now", e.now());
    out.put("steps", e.stepsDone());
    out.put("ids", e.ids().values());
    out.put("nextUserId", (long) e.accounts().nextUserId());
    out.put("house", account(e.accounts().house()));
    out.put("maker", account(e.accounts().maker()));
    List<Object> users = new ArrayList<>();
    for (Account a : e.accounts().users()) {
      users.add(account(a));
    }
    out.put("users", users);
    Map<String, Object> markets = new LinkedHashMap<>();
    for (MarketState m : e.markets().values()) {
      markets.put(m.spec.symbol(), market(m));
    }
    out.put("markets", markets);
    if (!e.delistedMarkets().isEmpty()) { // upstream prices only; absent before market lists were journaled
      out.put("delisted", new ArrayList<Object>(e.delistedMarkets()));
    }
    return out;
  }

  private static Map<String, Object> market(MarketState m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("walk", List.of(m.walk.step(), m.walk.ticks()));
    out.put("othersOpenInterest", dec(m.walk.openInterest()));
    out.put("bookUpdateId", m.book.updateId());
    out.put("bids", levels(m, Side.Bid));
    out.put("asks", levels(m, Side.Ask));
    out.put("makerOrders", orders(m.makerOrders));
    out.put("triggers", m.triggers.stream().map(o -> (Object) o.id()).toList());
    List<Object> trades = new ArrayList<>();
    for (Records.Trade t : m.trades) {
      trades.add(row(t.id(), t.price(), t.quantity(), t.quoteQuantity(), t.timestamp(), t.isBuyerMaker()));
    }
    out.put("trades", trades);
    out.put("lastTradeId", m.lastTradeId);
    out.put("candles", buckets(m.candles.live()));
    out.put("secondCandles", buckets(m.candles.seconds().live()));
    out.put("quotedTicks", m.quotedTicks);
    out.put("lastTradePrice", dec(m.lastTradePrice));
    out.put("fundingRate", dec(m.fundingRate));
    out.put("fundingHistory", fundingRows(m.fundingHistory));
    out.put("userRestingOrders", (long) m.userRestingOrders);
    if (!m.queueAhead.isEmpty()) { // upstream prices only: simulated snapshots stay as they were
      List<Object> queue = new ArrayList<>();
      m.queueAhead.forEach((id, ahead) -> queue.add(List.of(id, dec(ahead))));
      out.put("queueAhead", queue);
    }
    return out;
  }

  private static List<Object> buckets(List<Candles.Bucket> buckets) {
    List<Object> out = new ArrayList<>();
    for (Candles.Bucket b : buckets) {
      out.add(row(b.start, b.open, b.high, b.low, b.close, b.volume, b.quoteVolume, b.trades));
    }
    return out;
  }

  /** A side's levels, best first, each the ids of its orders in time priority. */
  private static List<Object> levels(MarketState m, Side side) {
    List<Object> out = new ArrayList<>();
    for (ArrayDeque<Order> level : m.book.levels(side).values()) {
      out.add(level.stream().map(o -> (Object) o.id()).toList());
    }
    return out;
  }

  private static Map<String, Object> account(Account a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiKey", a.apiKey);
    out.put("userId", (long) a.userId);
    Map<String, Object> balances = new LinkedHashMap<>();
    a.balances().forEach((asset, b) -> balances.put(asset, row(b.available(), b.locked(), b.staked())));
    out.put("balances", balances);
    List<Object> lends = new ArrayList<>();
    for (LendPosition p : a.lends().values()) {
      lends.add(row(p.id, p.symbol, p.netQuantity(), p.cumulativeInterest(), p.createdAt, p.source()));
    }
    out.put("lends", lends);
    out.put("positions", positions(a.positions().values()));
    out.put("closedPositions", positions(a.closedPositions()));
    out.put("settings", settings(a.settings));
    out.put("orders", orders(a.orders().values()));
    List<Object> fills = new ArrayList<>();
    for (Records.Fill f : a.fills()) {
      fills.add(row(f.tradeId(), f.orderId(), f.clientId(), f.symbol(), f.side(), f.price(), f.quantity(),
          f.fee(), f.feeSymbol(), f.isMaker(), f.systemOrderType(), f.timestamp()));
    }
    out.put("fills", fills);
    out.put("funding", fundingRows(a.funding()));
    List<Object> interest = new ArrayList<>();
    for (Records.InterestPayment i : a.interest()) {
      interest.add(row(i.paymentType(), i.interestRate(), i.intervalMillis(), i.marketSymbol(), i.positionId(),
          i.quantity(), i.symbol(), i.timestamp()));
    }
    out.put("interest", interest);
    List<Object> movements = new ArrayList<>();
    for (Records.BorrowLendMovement m : a.borrowLendMovements()) {
      movements.add(row(m.eventType(), m.positionId(), m.positionQuantity(), m.quantity(), m.source(),
          m.symbol(), m.timestamp()));
    }
    out.put("borrowLendMovements", movements);
    List<Object> settlements = new ArrayList<>();
    for (Records.Settlement s : a.settlements()) {
      settlements.add(row(s.quantity(), s.source(), s.timestamp(), s.positionId()));
    }
    out.put("settlements", settlements);
    out.put("liquidating", a.liquidating());
    return out;
  }

  private static List<Object> fundingRows(List<Records.FundingPayment> rows) {
    List<Object> out = new ArrayList<>();
    for (Records.FundingPayment f : rows) {
      out.add(row(f.symbol(), f.quantity(), f.intervalEnd(), f.fundingRate()));
    }
    return out;
  }

  private static List<Object> positions(Iterable<PerpPosition> positions) {
    List<Object> out = new ArrayList<>();
    for (PerpPosition p : positions) {
      out.add(row(p.id, p.symbol, p.netQuantity(), p.netCost(), p.pnlRealized(), p.cumulativeFunding(), p.fees(),
          p.closedVolume(), p.liquidationFees(), p.liquidated(), p.openedAt(), p.closedAt(), p.closingPrice()));
    }
    return out;
  }

  private static List<Object> settings(AccountSettings s) {
    return row(s.autoBorrowSettlements(), s.autoLend(), s.autoRealizePnl(), s.autoRepayBorrows(), s.leverageLimit(),
        s.borrowLimit(), s.positionLimit(), s.spotMakerFeeBps(), s.spotTakerFeeBps(), s.futuresMakerFeeBps(),
        s.futuresTakerFeeBps());
  }

  private static List<Object> orders(Iterable<Order> orders) {
    List<Object> out = new ArrayList<>();
    for (Order o : orders) {
      out.add(row(o.id(), o.clientId(), o.account(), o.symbol(), o.side(), o.type(), o.price(), o.quantity(), o.quoteQuantity(),
          o.executedQuantity(), o.executedQuoteQuantity(), o.timeInForce(), o.postOnly(), o.reduceOnly(),
          o.selfTradePrevention(), o.status(), o.expiryReason(), o.systemOrderType(), o.createdAt(), o.triggeredAt(),
          o.triggerPrice(), o.triggerQuantity(), o.triggerBy(), o.triggerWhenAbove(), o.stopLossTriggerPrice(),
          o.stopLossLimitPrice(), o.stopLossTriggerBy(), o.takeProfitTriggerPrice(), o.takeProfitLimitPrice(),
          o.takeProfitTriggerBy(), o.relatedOrderId(), o.locked(), o.sequence(), o.protectedQuantity()));
    }
    return out;
  }

  /** A positional row: decimals as exact strings, enums by name, numbers as longs. */
  private static List<Object> row(Object... values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof BigDecimal d) {
        out[i] = dec(d);
      } else if (v instanceof Enum<?> en) {
        out[i] = en.name();
      } else if (v instanceof Integer n) {
        out[i] = n.longValue();
      } else {
        out[i] = v;
      }
    }
    return Arrays.asList(out);
  }

  private static String dec(BigDecimal d) {
    return d == null ? null : d.toString();
  }
}
