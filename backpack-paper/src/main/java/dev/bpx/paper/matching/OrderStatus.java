package dev.bpx.paper.matching;

/** Order status, spelled as on the wire (official spec's set). */
public enum OrderStatus {
  Cancelled, Expired, Filled, New, PartiallyFilled, TriggerPending, TriggerFailed;

  public boolean isOpen() {
    return this == New || this == PartiallyFilled || this == TriggerPending;
  }
}
