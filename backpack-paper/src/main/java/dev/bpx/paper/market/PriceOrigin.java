package dev.bpx.paper.market;

/**
 * Where an engine's prices and liquidity come from. Fixed for the life of a state: positions opened at
 * simulated prices are never revalued at real ones, or the reverse.
 */
public enum PriceOrigin {
  /** The seeded walk, its market maker and other participants' flow ({@code simulation}). */
  SIMULATED,
  /**
   * An upstream exchange's market: prices, book slices and funding rates enter only as journaled
   * commands, and between them the price holds ({@link HeldPrice}); no synthetic quotes, no walk.
   */
  UPSTREAM
}
