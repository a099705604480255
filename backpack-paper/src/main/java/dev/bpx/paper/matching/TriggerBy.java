package dev.bpx.paper.matching;

/** The reference price a trigger watches. */
public enum TriggerBy {
  MarkPrice, LastPrice, IndexPrice
}
