package dev.bpx.paper.engine;

/**
 * One state-changing request as the journal stores it: its kind, the account's API key (null
 * for exchange-wide control commands), the request's JSON payload as parsed (maps, lists,
 * strings, {@code BigDecimal}s, booleans) and the exchange time it ran at.
 */
public record Command(String type, String apiKey, Object payload, long time) {
  public static final String CREATE_ACCOUNT = "account.create";
  public static final String UPDATE_ACCOUNT = "account.update";
  public static final String ORDER = "order";
  public static final String ORDERS = "orders";
  public static final String CANCEL = "cancel";
  public static final String CANCEL_ALL = "cancelAll";
  public static final String BORROW_LEND = "borrowLend";
  public static final String SET_PRICE = "control.price";
  public static final String CLOCK = "control.clock";
  /**
   * Time passing as a read saw it: the walk steps and the maker's requote it ran. Journaled so that a
   * replay requotes at the same moments and so hands out the same order ids as the live run.
   */
  public static final String TICK = "tick";
  public static final String FUND = "control.fund";
  public static final String RESET = "control.reset";
}
