package dev.bpx.paper.ledger;

import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
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
  public final List<Records.Fill> fills = new ArrayList<>();
  public final List<Records.FundingPayment> funding = new ArrayList<>();
  public final List<Records.InterestPayment> interest = new ArrayList<>();
  public final List<Records.BorrowLendMovement> borrowLendMovements = new ArrayList<>();
  public final List<Records.Settlement> settlements = new ArrayList<>();
  public boolean liquidating;

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

  /** {@return the lent (positive) or borrowed (negative) quantity of an asset} */
  public BigDecimal lent(String asset) {
    LendPosition p = lends.get(asset);
    return p == null ? BigDecimal.ZERO : p.netQuantity;
  }

  public boolean recordsHistory() {
    return !system;
  }
}
