package dev.bpx.paper.matching;

/** What happens when an order would trade against its own account's order. */
public enum SelfTradePrevention {
  RejectTaker, RejectMaker, RejectBoth
}
