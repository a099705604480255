package dev.bpx.paper.ledger;

import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
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
  public final Map<String, Balance> balances = new TreeMap<>();
  public final Map<String, LendPosition> lends = new TreeMap<>();
  public final Map<String, PerpPosition> positions = new TreeMap<>();
  public final List<PerpPosition> closedPositions = new ArrayList<>();
  public final AccountSettings settings = new AccountSettings();
  /** Every order this account placed, by id, in placement order. */
  public final Map<Long, Order> orders = new LinkedHashMap<>();
  /**
   * The last order placed with each clientId. Only that one can still be open, because placement
   * refuses a clientId that an open order carries; so the duplicate check need not scan every
   * order the account ever placed (it did: 4-5 % of all CPU in the HTTP benchmark, and growing with
   * the history, on the writer's serial path). Rebuilt on snapshot restore; never iterated.
   */
  private final Map<Long, Order> lastByClientId = new HashMap<>();
  public final List<Records.Fill> fills = new ArrayList<>();
  public final List<Records.FundingPayment> funding = new ArrayList<>();
  public final List<Records.InterestPayment> interest = new ArrayList<>();
  public final List<Records.BorrowLendMovement> borrowLendMovements = new ArrayList<>();
  public final List<Records.Settlement> settlements = new ArrayList<>();
  boolean liquidating;

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
}
