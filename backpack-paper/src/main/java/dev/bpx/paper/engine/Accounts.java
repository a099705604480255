package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Balance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts, keyed by API key, plus two system accounts: the house (the exchange itself,
 * which mints starting balances, collects fees and pays interest) and the synthetic market
 * maker. Engine-owned, not thread-safe.
 */
public final class Accounts {
  static final String HOUSE = "_house";
  static final String MAKER = "_maker";
  private static final BigDecimal MAKER_FUNDS = new BigDecimal("1000000000000");

  private final Engine engine;
  final Map<String, Account> byKey = new LinkedHashMap<>();
  private final List<Account> users = new ArrayList<>();
  private final Account house = new Account(HOUSE, 0, true);
  private final Account maker = new Account(MAKER, 1, true);
  int nextUserId = 1_800_000;

  Accounts(Engine engine) {
    this.engine = engine;
  }

  void initSystemAccounts() {
    for (String asset : engine.assets.keySet()) {
      engine.ledger.mint(maker, asset, MAKER_FUNDS);
    }
  }

  /** {@return the user id the next account gets (snapshots)} */
  public int nextUserId() {
    return nextUserId;
  }

  /** Replaces the user accounts with a snapshot's, in creation order. */
  public void restoreUsers(int nextId, List<Account> restored) {
    nextUserId = nextId;
    users.clear();
    byKey.clear();
    for (Account a : restored) {
      users.add(a);
      byKey.put(a.apiKey, a);
    }
  }

  public Account house() {
    return house;
  }

  public Account maker() {
    return maker;
  }

  public Account find(String apiKey) {
    return byKey.get(apiKey);
  }

  /** {@return the user accounts in creation order} */
  public List<Account> users() {
    return users;
  }

  public Account get(String key) {
    if (HOUSE.equals(key)) {
      return house;
    }
    if (MAKER.equals(key)) {
      return maker;
    }
    return byKey.get(key);
  }

  /** Opens an account with the configured starting portfolio. */
  public Account create(String apiKey) {
    Account a = new Account(apiKey, nextUserId++, false);
    byKey.put(apiKey, a);
    users.add(a);
    fundStartingPortfolio(a);
    return a;
  }

  void fundStartingPortfolio(Account a) {
    long now = engine.now();
    engine.config.portfolio().forEach((asset, h) -> {
      engine.ledger.mint(a, asset, h.available().add(h.lent()).add(h.staked()));
      Balance b = a.balance(asset);
      b.available = b.available.subtract(h.staked());
      b.staked = b.staked.add(h.staked());
      if (h.lent().signum() > 0) {
        engine.ledger.moveToLend(a, asset, h.lent(), "Manual", now);
      }
    });
  }
}
