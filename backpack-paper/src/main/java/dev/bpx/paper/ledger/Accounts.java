package dev.bpx.paper.ledger;

import dev.bpx.paper.market.Holding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The accounts, keyed by API key, plus two system accounts: the house (the exchange itself,
 * which mints starting balances, collects fees and pays interest) and the synthetic market
 * maker. A new account receives the starting portfolio. Engine-owned, not thread-safe.
 */
public final class Accounts {
  public static final String HOUSE = "_house";
  public static final String MAKER = "_maker";
  private static final BigDecimal MAKER_FUNDS = new BigDecimal("1000000000000");

  private final Map<String, Account> byKey = new LinkedHashMap<>();
  private final List<Account> users = new ArrayList<>();
  private final Account maker = new Account(MAKER, 1, true);
  private final Ledger ledger;
  private final Map<String, Holding> portfolio;
  private final LongSupplier clock;
  private int nextUserId = 1_800_000;

  /**
   * @param ledger moves the funds; its house is this registry's house
   * @param portfolio what a new account receives, per asset
   * @param clock the exchange time, for the lend movements of a starting portfolio
   */
  public Accounts(Ledger ledger, Map<String, Holding> portfolio, LongSupplier clock) {
    this.ledger = ledger;
    this.portfolio = portfolio;
    this.clock = clock;
  }

  /** Gives the market maker its (practically unlimited) inventory of every asset. */
  public void fundMaker(Iterable<String> assets) {
    for (String asset : assets) {
      ledger.mint(maker, asset, MAKER_FUNDS);
    }
  }

  /** {@return whether a key belongs to a system account (house or maker)} */
  public static boolean isSystem(String key) {
    return HOUSE.equals(key) || MAKER.equals(key);
  }

  public Account house() {
    return ledger.house();
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
      return ledger.house();
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

  void fundStartingPortfolio(Account a) {
    long now = clock.getAsLong();
    portfolio.forEach((asset, h) -> {
      ledger.mint(a, asset, h.available().add(h.lent()).add(h.staked()));
      Balance b = a.balance(asset);
      b.available = b.available.subtract(h.staked());
      b.staked = b.staked.add(h.staked());
      if (h.lent().signum() > 0) {
        ledger.moveToLend(a, asset, h.lent(), "Manual", now);
      }
    });
  }
}
