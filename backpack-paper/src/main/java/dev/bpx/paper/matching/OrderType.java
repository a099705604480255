package dev.bpx.paper.matching;

/** Order type, spelled as on the wire. */
public enum OrderType {
  Limit, Market
}
