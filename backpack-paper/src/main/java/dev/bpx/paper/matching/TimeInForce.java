package dev.bpx.paper.matching;

/** Time in force, spelled as on the wire. */
public enum TimeInForce {
  GTC, IOC, FOK
}
