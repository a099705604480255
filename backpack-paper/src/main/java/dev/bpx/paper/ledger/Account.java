package dev.bpx.paper.ledger;

import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account, keyed by its API (public) key: balances, borrow-lend and perp positions,
 * settings and history. Maps are ordered so that iteration, and therefore journal replay, is
 * deterministic. System accounts (the market maker, the house) keep no history.
 * Engine-owned, not thread-safe.
 */
public final class Account {
  public final String apiKey;
  public final int userId;
  public final boolean system;
  final Map<String, Balance> balances = new TreeMap<>();
  final Map<String, LendPosition> lends = new TreeMap<>();
  final Map<String, PerpPosition> positions = new TreeMap<>();
  final List<PerpPosition> closedPositions = new ArrayList<>();
  public final AccountSettings settings = new AccountSettings();
  /** Every order this account placed, by id, in placement order. */
  final Map<Long, Order> orders = new LinkedHashMap<>();
  /**
   * The last order placed with each clientId. Only that one can still be open, because placement
   * refuses a clientId that an open order carries; so the duplicate check need not scan every
   * order the account ever placed (it did: 4-5 % of all CPU in the HTTP benchmark, and growing with
   * the history, on the writer's serial path). Rebuilt on snapshot restore; never iterated.
   */
  private final Map<Long, Order> lastByClientId = new HashMap<>();
  final List<Records.Fill> fills = new ArrayList<>();
  final List<Records.FundingPayment> funding = new ArrayList<>();
  final List<Records.InterestPayment> interest = new ArrayList<>();
  final List<Records.BorrowLendMovement> borrowLendMovements = new ArrayList<>();
  final List<Records.Settlement> settlements = new ArrayList<>();
  boolean liquidating;
  // Read-only views for the other rooms: only the ledger (and order entry, via recordOrder) changes an account.
  private final Map<String, Balance> balancesView = Collections.unmodifiableMap(balances);
  private final Map<String, LendPosition> lendsView = Collections.unmodifiableMap(lends);
  private final Map<String, PerpPosition> positionsView = Collections.unmodifiableMap(positions);
  private final List<PerpPosition> closedPositionsView = Collections.unmodifiableList(closedPositions);
  private final Map<Long, Order> ordersView = Collections.unmodifiableMap(orders);
  private final List<Records.Fill> fillsView = Collections.unmodifiableList(fills);
  private final List<Records.FundingPayment> fundingView = Collections.unmodifiableList(funding);
  private final List<Records.InterestPayment> interestView = Collections.unmodifiableList(interest);
  private final List<Records.BorrowLendMovement> borrowLendMovementsView = Collections.unmodifiableList(borrowLendMovements);
  private final List<Records.Settlement> settlementsView = Collections.unmodifiableList(settlements);

  public Account(String apiKey, int userId, boolean system) {
    this.apiKey = apiKey;
    this.userId = userId;
    this.system = system;
  }

  /** {@return the balance of an asset, added (empty) if the account has none: for commands only} */
  public Balance balance(String asset) {
    return balances.computeIfAbsent(asset, a -> new Balance());
  }

  /** {@return the available quantity of an asset, zero if there is no balance; changes nothing, so reads use it} */
  public BigDecimal available(String asset) {
    Balance b = balances.get(asset);
    return b == null ? BigDecimal.ZERO : b.available;
  }

  /** {@return the open order carrying this clientId, or null} */
  public Order openOrderWithClientId(long clientId) {
    Order o = lastByClientId.get(clientId);
    return o != null && o.status().isOpen() && orders.get(o.id()) == o ? o : null;
  }

  /** Notes an order just recorded in {@link #orders} (placement, snapshot restore) if it has a clientId. */
  public void indexClientId(Order o) {
    if (o.clientId() != null) {
      lastByClientId.put(o.clientId(), o);
    }
  }

  /** Forgets the clientId index along with the orders (account reset). */
  public void clearClientIds() {
    lastByClientId.clear();
  }

  /** {@return the lent (positive) or borrowed (negative) quantity of an asset} */
  public BigDecimal lent(String asset) {
    LendPosition p = lends.get(asset);
    return p == null ? BigDecimal.ZERO : p.netQuantity;
  }

  public boolean recordsHistory() {
    return !system;
  }

  /** {@return the open orders (resting and trigger-pending) per symbol, in placement order} */
  public Map<String, List<Order>> openOrders() {
    Map<String, List<Order>> out = new LinkedHashMap<>();
    for (Order o : orders.values()) {
      if (o.status().isOpen()) {
        out.computeIfAbsent(o.symbol(), s -> new ArrayList<>()).add(o);
      }
    }
    return out;
  }

  /** {@return whether the account is being liquidated right now (its fills are liquidation fills)} */
  public boolean liquidating() {
    return liquidating;
  }

  /** Sets the flag from a snapshot. */
  public void restoreLiquidating(boolean value) {
    liquidating = value;
  }

  public Map<String, Balance> balances() {
    return balancesView;
  }

  public Map<String, LendPosition> lends() {
    return lendsView;
  }

  public Map<String, PerpPosition> positions() {
    return positionsView;
  }

  public List<PerpPosition> closedPositions() {
    return closedPositionsView;
  }

  public Map<Long, Order> orders() {
    return ordersView;
  }

  public List<Records.Fill> fills() {
    return fillsView;
  }

  public List<Records.FundingPayment> funding() {
    return fundingView;
  }

  public List<Records.InterestPayment> interest() {
    return interestView;
  }

  public List<Records.BorrowLendMovement> borrowLendMovements() {
    return borrowLendMovementsView;
  }

  public List<Records.Settlement> settlements() {
    return settlementsView;
  }

  /** Records an order the account placed (order entry, triggers), by id, in placement order. */
  public void recordOrder(Order o) {
    orders.put(o.id(), o);
  }

  /** An account's collections as a snapshot holds them. */
  public record Restored(Map<String, Balance> balances, List<LendPosition> lends, List<PerpPosition> positions,
                         List<PerpPosition> closedPositions, List<Order> orders, List<Records.Fill> fills,
                         List<Records.FundingPayment> funding, List<Records.InterestPayment> interest,
                         List<Records.BorrowLendMovement> borrowLendMovements, List<Records.Settlement> settlements) {}

  /** Replaces the account's balances, positions, orders and history with a snapshot's. */
  public void restore(Restored r) {
    balances.clear();
    balances.putAll(r.balances());
    lends.clear();
    r.lends().forEach(p -> lends.put(p.symbol, p));
    positions.clear();
    r.positions().forEach(p -> positions.put(p.symbol, p));
    closedPositions.clear();
    closedPositions.addAll(r.closedPositions());
    orders.clear();
    clearClientIds();
    for (Order o : r.orders()) {
      orders.put(o.id(), o);
      indexClientId(o); // in placement order: the last one with a clientId wins
    }
    fills.clear();
    fills.addAll(r.fills());
    funding.clear();
    funding.addAll(r.funding());
    interest.clear();
    interest.addAll(r.interest());
    borrowLendMovements.clear();
    borrowLendMovements.addAll(r.borrowLendMovements());
    settlements.clear();
    settlements.addAll(r.settlements());
  }
}
