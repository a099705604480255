package dev.bpx.paper.market;

/** The two market types the paper exchange lists, with Backpack's wire spelling. */
public enum MarketType {
  SPOT, PERP
}
