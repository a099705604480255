package dev.bpx.paper.matching;

/** Order side, spelled as on the wire. */
public enum Side {
  Bid, Ask;

  public Side opposite() {
    return this == Bid ? Ask : Bid;
  }

  /** {@return +1 for a bid (buy), -1 for an ask (sell)} */
  public int sign() {
    return this == Bid ? 1 : -1;
  }
}
