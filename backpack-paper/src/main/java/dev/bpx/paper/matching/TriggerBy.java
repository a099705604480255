package dev.bpx.paper.matching;

/** The reference price a trigger watches. */
public enum TriggerBy {
  MarkPrice, LastPrice, IndexPrice;

  /**
   * {@return what a trigger order watches when it was placed without {@code triggerBy}: the mark price, as the
   * engine's trigger check reads it} REST and the order stream show this value, so a client sees what will fire.
   */
  public static TriggerBy ofTrigger(TriggerBy given) {
    return given != null ? given : MarkPrice;
  }

  /**
   * {@return what an order's attached take-profit or stop-loss watches when its {@code ...TriggerBy} was not given:
   * the mark price on a perp, the last price on spot} The engine arms the child order with it.
   */
  public static TriggerBy ofAttached(TriggerBy given, boolean perp) {
    return given != null ? given : perp ? MarkPrice : LastPrice;
  }
}
