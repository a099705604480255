package dev.bpx.paper.store;

import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.MarketState;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.AccountSettings;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.ledger.Balance;
import dev.bpx.paper.ledger.LendPosition;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import dev.bpx.paper.matching.OrderType;
import dev.bpx.paper.matching.SelfTradePrevention;
import dev.bpx.paper.matching.Side;
import dev.bpx.paper.matching.TimeInForce;
import dev.bpx.paper.matching.TriggerBy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores the state {@link SnapshotWriter} wrote into an engine freshly built from the same
 * configuration. Orders are rebuilt once and shared by the account, the book and the trigger list,
 * as they are in a live engine. Not thread-safe; runs before the engine serves anything.
 */
public final class SnapshotReader {
  private final Engine engine;
  private final Map<Long, Order> ordersById = new HashMap<>();

  private SnapshotReader(Engine engine) {
    this.engine = engine;
  }

  /**
   * Overwrites a fresh engine's state with a snapshot's.
   *
   * @throws IllegalArgumentException if the snapshot's version or markets do not match
   */
  public static void restore(Engine engine, Map<String, Object> snapshot) {
    new SnapshotReader(engine).run(snapshot);
  }

  private void run(Map<String, Object> s) {
    if (l(s.get("version")) != SnapshotWriter.VERSION) {
      throw new IllegalArgumentException("unsupported snapshot version " + s.get("version"));
    }
    Engine e = engine;
    List<Object> ids = list(s.get("ids"));
    // Snapshots written before the maker's quotes had their own ids lack the fifth; the default is free.
    e.ids().restore(l(ids.get(0)), l(ids.get(1)), l(ids.get(2)), l(ids.get(3)),
        ids.size() > 4 ? l(ids.get(4)) : null);
    e.restoreClock(l(s.get("steps")), l(s.get("now")));
    Accounts accounts = e.accounts();
    account(accounts.house(), map(s.get("house")));
    account(accounts.maker(), map(s.get("maker")));
    List<Account> users = new ArrayList<>();
    for (Object o : list(s.get("users"))) {
      Map<String, Object> m = map(o);
      Account a = new Account(str(m.get("apiKey")), (int) l(m.get("userId")), false);
      account(a, m);
      users.add(a);
    }
    accounts.restoreUsers((int) l(s.get("nextUserId")), users);
    Map<String, Object> markets = map(s.get("markets"));
    if (!markets.keySet().equals(e.markets().keySet())) {
      throw new IllegalArgumentException("snapshot markets " + markets.keySet() + " differ from " + e.markets().keySet());
    }
    markets.forEach((symbol, m) -> market(e.markets().get(symbol), map(m)));
    if (s.get("delisted") != null) {
      e.restoreDelistedMarkets(list(s.get("delisted")).stream().map(SnapshotReader::str).toList());
    }
  }

  private static List<Candles.Bucket> buckets(Object rows) {
    List<Candles.Bucket> buckets = new ArrayList<>();
    for (Object o : list(rows)) {
      List<Object> r = list(o);
      Candles.Bucket b = new Candles.Bucket(l(r.get(0)), l(r.get(1)));
      b.high = l(r.get(2));
      b.low = l(r.get(3));
      b.close = l(r.get(4));
      b.volume = d(r.get(5));
      b.quoteVolume = d(r.get(6));
      b.trades = l(r.get(7));
      buckets.add(b);
    }
    return buckets;
  }

  private void market(MarketState m, Map<String, Object> s) {
    List<Object> walk = list(s.get("walk"));
    m.walk.restore(l(walk.get(0)), l(walk.get(1)));
    if (s.get("othersOpenInterest") != null) { // absent in snapshots written before the simulated flow
      m.walk.restoreOpenInterest(d(s.get("othersOpenInterest")));
    }
    m.makerOrders.clear();
    for (Object o : list(s.get("makerOrders"))) {
      m.makerOrders.add(order(list(o)));
    }
    for (Order o : new ArrayList<>(m.book.all())) {
      m.book.remove(o);
    }
    for (String side : List.of("bids", "asks")) {
      for (Object level : list(s.get(side))) {
        for (Object id : list(level)) {
          m.book.add(known(l(id)));
        }
      }
    }
    m.book.restoreUpdateId(l(s.get("bookUpdateId")));
    m.triggers.clear();
    for (Object id : list(s.get("triggers"))) {
      m.triggers.add(known(l(id)));
    }
    m.trades.clear();
    for (Object o : list(s.get("trades"))) {
      List<Object> r = list(o);
      m.trades.addLast(new Records.Trade(l(r.get(0)), d(r.get(1)), d(r.get(2)), d(r.get(3)), l(r.get(4)),
          (Boolean) r.get(5)));
    }
    m.candles.restoreLive(buckets(s.get("candles")));
    if (s.get("secondCandles") != null) { // absent in snapshots written before the one-second candles
      m.candles.seconds().restoreLive(buckets(s.get("secondCandles")));
    }
    m.queueAhead.clear();
    if (s.get("queueAhead") != null) {
      for (Object row : list(s.get("queueAhead"))) {
        List<Object> r = list(row);
        m.queueAhead.put(l(r.get(0)), d(r.get(1)));
      }
    }
    m.quotedTicks = l(s.get("quotedTicks"));
    // Absent before version 6: such a snapshot numbered trades the old way, and the switch that follows its replay
    // starts each market's sequence (engine/TradeIds).
    m.lastTradeId = s.get("lastTradeId") == null ? 0 : l(s.get("lastTradeId"));
    m.lastTradePrice = d(s.get("lastTradePrice"));
    m.fundingRate = d(s.get("fundingRate"));
    m.fundingHistory.clear();
    m.fundingHistory.addAll(funding(list(s.get("fundingHistory"))));
    m.userRestingOrders = (int) l(s.get("userRestingOrders"));
  }

  private void account(Account a, Map<String, Object> s) {
    Map<String, Balance> balances = new LinkedHashMap<>();
    map(s.get("balances")).forEach((asset, v) -> {
      List<Object> r = list(v);
      Balance b = new Balance();
      b.restore(d(r.get(0)), d(r.get(1)), d(r.get(2)));
      balances.put(asset, b);
    });
    List<LendPosition> lends = new ArrayList<>();
    for (Object o : list(s.get("lends"))) {
      List<Object> r = list(o);
      LendPosition p = new LendPosition(l(r.get(0)), str(r.get(1)), l(r.get(4)));
      p.restore(d(r.get(2)), d(r.get(3)), str(r.get(5)));
      lends.add(p);
    }
    settings(a.settings, list(s.get("settings")));
    List<Order> orders = new ArrayList<>();
    for (Object o : list(s.get("orders"))) {
      orders.add(order(list(o)));
    }
    List<Records.Fill> fills = new ArrayList<>();
    for (Object o : list(s.get("fills"))) {
      List<Object> r = list(o);
      fills.add(new Records.Fill(l(r.get(0)), str(r.get(1)), ln(r.get(2)), str(r.get(3)), str(r.get(4)),
          d(r.get(5)), d(r.get(6)), d(r.get(7)), str(r.get(8)), (Boolean) r.get(9), str(r.get(10)), l(r.get(11))));
    }
    List<Records.InterestPayment> interest = new ArrayList<>();
    for (Object o : list(s.get("interest"))) {
      List<Object> r = list(o);
      interest.add(new Records.InterestPayment(str(r.get(0)), d(r.get(1)), l(r.get(2)), str(r.get(3)),
          str(r.get(4)), d(r.get(5)), str(r.get(6)), l(r.get(7))));
    }
    List<Records.BorrowLendMovement> movements = new ArrayList<>();
    for (Object o : list(s.get("borrowLendMovements"))) {
      List<Object> r = list(o);
      movements.add(new Records.BorrowLendMovement(str(r.get(0)), str(r.get(1)), d(r.get(2)),
          d(r.get(3)), str(r.get(4)), str(r.get(5)), l(r.get(6))));
    }
    List<Records.Settlement> settlements = new ArrayList<>();
    for (Object o : list(s.get("settlements"))) {
      List<Object> r = list(o);
      settlements.add(new Records.Settlement(d(r.get(0)), str(r.get(1)), l(r.get(2)), str(r.get(3))));
    }
    a.restore(new Account.Restored(balances, lends, positions(list(s.get("positions"))),
        positions(list(s.get("closedPositions"))), orders, fills, funding(list(s.get("funding"))), interest,
        movements, settlements));
    a.restoreLiquidating((Boolean) s.get("liquidating"));
  }

  private static List<Records.FundingPayment> funding(List<Object> rows) {
    List<Records.FundingPayment> out = new ArrayList<>();
    for (Object o : rows) {
      List<Object> r = list(o);
      out.add(new Records.FundingPayment(str(r.get(0)), d(r.get(1)), l(r.get(2)), d(r.get(3))));
    }
    return out;
  }

  private static List<PerpPosition> positions(List<Object> rows) {
    List<PerpPosition> out = new ArrayList<>();
    for (Object o : rows) {
      List<Object> r = list(o);
      PerpPosition p = new PerpPosition(l(r.get(0)), str(r.get(1)), l(r.get(10)));
      p.restore(d(r.get(2)), d(r.get(3)), d(r.get(4)), d(r.get(5)), d(r.get(6)), d(r.get(7)), d(r.get(8)),
          (Boolean) r.get(9), ln(r.get(11)), d(r.get(12)));
      out.add(p);
    }
    return out;
  }

  private static void settings(AccountSettings s, List<Object> r) {
    s.restore((Boolean) r.get(0), (Boolean) r.get(1), (Boolean) r.get(2), (Boolean) r.get(3), d(r.get(4)),
        d(r.get(5)), d(r.get(6)), d(r.get(7)), d(r.get(8)), d(r.get(9)), d(r.get(10)));
  }

  private Order order(List<Object> r) {
    Order o = Order.builder()
        .id(l(r.get(0)))
        .clientId(ln(r.get(1)))
        .account(str(r.get(2)))
        .symbol(str(r.get(3)))
        .side(en(Side.class, r.get(4)))
        .type(en(OrderType.class, r.get(5)))
        .price(d(r.get(6)))
        .quantity(d(r.get(7)))
        .quoteQuantity(d(r.get(8)))
        .executedQuantity(d(r.get(9)))
        .executedQuoteQuantity(d(r.get(10)))
        .timeInForce(en(TimeInForce.class, r.get(11)))
        .postOnly((Boolean) r.get(12))
        .reduceOnly((Boolean) r.get(13))
        .selfTradePrevention(en(SelfTradePrevention.class, r.get(14)))
        .status(en(OrderStatus.class, r.get(15)))
        .expiryReason(str(r.get(16)))
        .systemOrderType(str(r.get(17)))
        .createdAt(l(r.get(18)))
        .triggeredAt(ln(r.get(19)))
        .triggerPrice(d(r.get(20)))
        .triggerQuantity(str(r.get(21)))
        .triggerBy(en(TriggerBy.class, r.get(22)))
        .triggerWhenAbove((Boolean) r.get(23))
        .stopLossTriggerPrice(d(r.get(24)))
        .stopLossLimitPrice(d(r.get(25)))
        .stopLossTriggerBy(en(TriggerBy.class, r.get(26)))
        .takeProfitTriggerPrice(d(r.get(27)))
        .takeProfitLimitPrice(d(r.get(28)))
        .takeProfitTriggerBy(en(TriggerBy.class, r.get(29)))
        .relatedOrderId(ln(r.get(30)))
        .locked(d(r.get(31)))
        .sequence(l(r.get(32)))
        .protectedQuantity(d(r.get(33)))
        .build();
    ordersById.put(o.id(), o);
    return o;
  }

  private Order known(long id) {
    Order o = ordersById.get(id);
    if (o == null) {
      throw new IllegalArgumentException("snapshot refers to unknown order " + id);
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private static long l(Object o) {
    return ((BigDecimal) o).longValueExact();
  }

  private static Long ln(Object o) {
    return o == null ? null : l(o);
  }

  private static String str(Object o) {
    return (String) o;
  }

  private static BigDecimal d(Object o) {
    return o == null ? null : new BigDecimal((String) o);
  }

  private static <E extends Enum<E>> E en(Class<E> type, Object o) {
    return o == null ? null : Enum.valueOf(type, (String) o);
  }
}
