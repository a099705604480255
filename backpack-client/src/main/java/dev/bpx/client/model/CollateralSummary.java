package dev.bpx.client.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The account's margin summary from {@code GET /api/v1/capital/collateral} (spec {@code
 * MarginAccountSummary}). See {@code backpack-api.md} section 6.2.
 *
 * <p>Notional values are in USDC; {@code imf}, {@code mmf} and {@code marginFraction} are
 * fractions. Thread-safe.
 *
 * @param assetsValue notional value of assets
 * @param borrowLiability total borrow notional
 * @param collateral per-asset collateral lines; never null
 * @param imf account initial margin fraction
 * @param unsettledEquity unsettled claim on the liquidity fund
 * @param liabilitiesValue notional value of liabilities
 * @param marginFraction margin fraction, or null when the account has no exposure
 * @param mmf account maintenance margin fraction
 * @param netEquity net equity
 * @param netEquityAvailable net equity free to open positions
 * @param netEquityLocked net equity used by positions and orders
 * @param netExposureFutures exposure of positions plus potential ones from open orders
 * @param pnlUnrealized unrealized PnL
 */
public record CollateralSummary(
    BigDecimal assetsValue,
    BigDecimal borrowLiability,
    List<CollateralAsset> collateral,
    BigDecimal imf,
    BigDecimal unsettledEquity,
    BigDecimal liabilitiesValue,
    BigDecimal marginFraction,
    BigDecimal mmf,
    BigDecimal netEquity,
    BigDecimal netEquityAvailable,
    BigDecimal netEquityLocked,
    BigDecimal netExposureFutures,
    BigDecimal pnlUnrealized) {

  /** Copies {@code collateral}; a missing list becomes empty. */
  public CollateralSummary {
    collateral = ModelLists.copyOf(collateral);
  }
}
