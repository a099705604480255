package dev.bpx.client.model;

import dev.bpx.client.internal.json.NaiveUtc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One borrow-lend market from {@code GET /api/v1/borrowLend/markets}: pool sizes, rates and
 * limits. See {@code backpack-api.md} section 2.1.
 *
 * <p>Rates and utilisations are fractions. {@code timestamp} is a spec {@code date-time} whose
 * zone suffix is unconfirmed: a naive string is read as UTC, a suffix is honoured. Thread-safe.
 *
 * @param state market state
 * @param assetMarkPrice mark price of the asset
 * @param borrowInterestRate rate borrowers pay
 * @param borrowedQuantity quantity borrowed from the pool
 * @param fee share of borrow-lend yield the exchange takes
 * @param lendInterestRate APY lenders receive
 * @param lentQuantity quantity lent to the pool
 * @param maxUtilization hard utilisation cap
 * @param openBorrowLendLimit threshold past which new borrows/lends are refused
 * @param optimalUtilization optimal utilisation of the interest-rate model
 * @param symbol asset symbol
 * @param timestamp time of the summary
 * @param throttleUtilizationThreshold utilisation that triggers borrow throttling
 * @param throttleUtilizationBound per-timestep utilisation ceiling
 * @param throttleUpdateFraction how fast the throttle may rise per timestep
 * @param utilization current utilisation
 * @param stepSize quantity increment
 */
public record BorrowLendMarket(
    BorrowLendBookState state,
    BigDecimal assetMarkPrice,
    BigDecimal borrowInterestRate,
    BigDecimal borrowedQuantity,
    BigDecimal fee,
    BigDecimal lendInterestRate,
    BigDecimal lentQuantity,
    BigDecimal maxUtilization,
    BigDecimal openBorrowLendLimit,
    BigDecimal optimalUtilization,
    String symbol,
    @NaiveUtc Instant timestamp,
    BigDecimal throttleUtilizationThreshold,
    BigDecimal throttleUtilizationBound,
    BigDecimal throttleUpdateFraction,
    BigDecimal utilization,
    BigDecimal stepSize) {}
